//! `dangjian member edit <member> …`: changes a person's status (转正), office, organization
//! (组织关系转接), community, name, date of joining or private data.

use anyhow::Result;
use toml_edit::{Item, Table, Value};

use crate::commands::post::edit::{self, report};
use crate::commands::records::{self, future_date};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{Date, MemberStatus, Office};
use crate::workspace::edit::{date_value, set_value};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person (id or name)
    pub member: String,
    /// New name
    #[arg(long)]
    pub name: Option<String>,
    /// New status, e.g. full when a probationary member becomes full (转正)
    #[arg(long)]
    pub status: Option<MemberStatus>,
    /// New office: none or leader
    #[arg(long)]
    pub office: Option<Office>,
    /// New organization (id or name): the Party relation moves there (组织关系转接)
    #[arg(long)]
    pub org: Option<String>,
    /// New community where the person lives (id or name)
    #[arg(long, value_name = "ORG")]
    pub lives_in: Option<String>,
    /// Date of joining the Party
    #[arg(long, value_name = "DATE")]
    pub joined: Option<Date>,
    #[command(flatten)]
    pub private: super::PrivateArgs,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let mut reasons = Vec::new();
    let member = records::member(&s, &mut reasons, &args.member)?;
    let org = records::org_opt(&s, &mut reasons, args.org.as_deref())?;
    let lives_in = records::org_opt(&s, &mut reasons, args.lives_in.as_deref())?;
    if args.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        reasons.push(t(l, "records.refuse.empty-name").to_string());
    }
    if let Some(joined) = args.joined {
        reasons.extend(future_date(
            l,
            t(l, "records.what.joined"),
            "--joined",
            joined,
            ctx.as_of,
        ));
    }
    records::refuse_if_any(reasons)?;
    let member = member.expect("resolved when there is no reason");
    let rel = format!("members/{}.toml", member.id);
    let mut file = Editable::open(&s.root, &rel, l)?;
    let doc = file.doc.as_table_mut();
    records::set_given(
        doc,
        vec![
            ("name", args.name.as_deref().map(|n| Value::from(n.trim()))),
            ("org", org.as_ref().map(|o| Value::from(o.id.as_str()))),
            ("status", args.status.map(|s| Value::from(s.as_str()))),
            ("office", args.office.map(|o| Value::from(o.as_str()))),
            ("joined", args.joined.map(date_value)),
            (
                "lives_in",
                lives_in.as_ref().map(|o| Value::from(o.id.as_str())),
            ),
        ],
    );
    for (key, value) in args.private.given() {
        if !doc.contains_key("private") {
            doc.insert("private", Item::Table(Table::new()));
        }
        if let Some(private) = doc.get_mut("private").and_then(Item::as_table_like_mut) {
            set_value(private, key, Value::from(value));
        }
    }
    let written = records::save_member(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        l,
        "records.member-edited",
        &[("name", &member.name), ("id", &member.id)],
    );
    Ok(report(ctx, &written, &rel, l, &message))
}
