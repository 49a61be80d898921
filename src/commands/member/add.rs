//! `dangjian member add [<id>] --name … --org …`: adds one person (`members/<id>.toml`); without
//! an id, the id is the pinyin of the name (张三 → `zhangsan`, then `zhangsan-2`).

use anyhow::Result;
use toml_edit::{DocumentMut, Item, Table, Value};

use crate::commands::post::edit::{self, report};
use crate::commands::records::{self, future_date, with_help};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{Date, MemberStatus, Office, free_id, id_of_name, is_valid_id};
use crate::workspace::edit::date_value;
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the new person (default: the pinyin of the name, numbered when taken)
    pub id: Option<String>,
    /// Name, e.g. 张三
    #[arg(long)]
    pub name: String,
    /// Organization holding the person's Party relation (id or name); for residents their community
    #[arg(long)]
    pub org: String,
    /// full, probationary, activist or resident (or the Chinese name)
    #[arg(long, default_value = "full")]
    pub status: MemberStatus,
    /// none (无职, the default) or leader (有职)
    #[arg(long)]
    pub office: Option<Office>,
    /// Date of joining the Party
    #[arg(long, value_name = "DATE")]
    pub joined: Option<Date>,
    /// Community where the person lives (id or name; 在职党员进社区)
    #[arg(long, value_name = "ORG")]
    pub lives_in: Option<String>,
    #[command(flatten)]
    pub private: super::PrivateArgs,
    /// Print the new file as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let mut reasons = Vec::new();
    let name = args.name.trim();
    if name.is_empty() {
        reasons.push(t(l, "records.refuse.empty-name").to_string());
    }
    let id = match &args.id {
        Some(id) => {
            if !is_valid_id(id) {
                reasons.push(tf(l, "records.refuse.bad-id", &[("id", id)]));
            } else if let Some(file) = records::id_taken(&s.root, id) {
                reasons.push(with_help(
                    l,
                    tf(l, "records.refuse.id-taken", &[("id", id), ("file", &file)]),
                    t(l, "records.refuse.id-taken.help").to_string(),
                ));
            }
            id.clone()
        }
        None => free_id(&id_of_name(name), |id| {
            records::id_taken(&s.root, id).is_some()
        }),
    };
    let org = records::org(&s, &mut reasons, &args.org)?;
    let lives_in = records::org_opt(&s, &mut reasons, args.lives_in.as_deref())?;
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
    let org = org.expect("resolved when there is no reason");
    let mut doc = DocumentMut::new();
    doc["id"] = toml_edit::value(id.as_str());
    doc["name"] = toml_edit::value(name);
    doc["org"] = toml_edit::value(org.id.as_str());
    doc["status"] = toml_edit::value(args.status.as_str());
    if let Some(office) = args.office {
        doc["office"] = toml_edit::value(office.as_str());
    }
    if let Some(joined) = args.joined {
        doc["joined"] = Item::Value(date_value(joined));
    }
    if let Some(o) = &lives_in {
        doc["lives_in"] = toml_edit::value(o.id.as_str());
    }
    let private = private_table(&args.private);
    if !private.is_empty() {
        doc["private"] = Item::Table(private);
    }
    let rel = format!("members/{id}.toml");
    let file = Editable::create(&rel, &doc.to_string())?;
    let written = records::save_member(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        l,
        "records.member-added",
        &[("name", &name), ("id", &id), ("org", &org.name)],
    );
    Ok(report(ctx, &written, &rel, l, &message))
}

/// The `[private]` table of the data given.
pub fn private_table(private: &super::PrivateArgs) -> Table {
    let mut t = Table::new();
    for (key, value) in private.given() {
        t.insert(key, Item::Value(Value::from(value)));
    }
    t
}
