//! `dangjian post edit <post> [--name] [--duty …] [--capacity] [--log-every] [--eligible-status
//! …] [--eligible-office] [--eligible-scope] [--from] [--until]`: changes what a post is. A
//! change that the post's holders would no longer satisfy (a capacity below the holders
//! confirmed at once) is refused by the same rules as `check`.

use anyhow::Result;
use toml_edit::{Item, Table, Value};

use super::edit::{self, Session};
use crate::commands::records::{self, refuse_if_any};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{Cadence, Date, MemberStatus, OfficeRule, Post, Scope};
use crate::workspace::edit::{date_value, set_value, strings_value};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Post id or name
    pub post: String,
    /// New name
    #[arg(long)]
    pub name: Option<String>,
    /// The duties, replacing the list; repeat for several
    #[arg(long = "duty", value_name = "DUTY")]
    pub duties: Vec<String>,
    /// Most confirmed holders at once
    #[arg(long, value_name = "N")]
    pub capacity: Option<u32>,
    /// Required cadence of duty-log entries: week, month or quarter
    #[arg(long, value_name = "UNIT")]
    pub log_every: Option<Cadence>,
    /// Statuses that may hold the post, replacing the list; repeat for several
    #[arg(long = "eligible-status", value_name = "STATUS")]
    pub eligible_status: Vec<MemberStatus>,
    /// Office rule: any, or none (only members without office)
    #[arg(long, value_name = "RULE")]
    pub eligible_office: Option<OfficeRule>,
    /// Who may hold the post: org, area or any
    #[arg(long, value_name = "SCOPE")]
    pub eligible_scope: Option<Scope>,
    /// Temporary posts: first day of the window
    #[arg(long, value_name = "DATE")]
    pub from: Option<Date>,
    /// Temporary posts: last day of the window
    #[arg(long, value_name = "DATE")]
    pub until: Option<Date>,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let (s, post) = edit::begin_post(ctx, &args.post)?;
    let l = s.locale;
    let mut reasons = Vec::new();
    if args.capacity == Some(0) {
        reasons.push(t(l, "post.refuse.capacity-zero").to_string());
    }
    if args.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        reasons.push(t(l, "records.refuse.empty-name").to_string());
    }
    if args.duties.iter().any(|d| d.trim().is_empty()) {
        reasons.push(t(l, "post.refuse.empty-duty").to_string());
    }
    if let Some(c) = args.capacity {
        reasons.extend(capacity_problem(&s, &post, c));
    }
    refuse_if_any(reasons)?;
    let mut file = Editable::open(&s.root, &post.path, l)?;
    let doc = file.doc.as_table_mut();
    if let Some(name) = &args.name {
        set_value(doc, "name", Value::from(name.trim()));
    }
    if !args.duties.is_empty() {
        let duties: Vec<&str> = args.duties.iter().map(|d| d.trim()).collect();
        set_value(doc, "duties", strings_value(&duties));
    }
    if let Some(c) = args.capacity {
        set_value(doc, "capacity", Value::from(i64::from(c)));
    }
    if let Some(c) = args.log_every {
        set_value(doc, "log_every", Value::from(c.as_str()));
    }
    if let Some(d) = args.from {
        set_value(doc, "from", date_value(d));
    }
    if let Some(d) = args.until {
        set_value(doc, "until", date_value(d));
    }
    if !args.eligible_status.is_empty()
        || args.eligible_office.is_some()
        || args.eligible_scope.is_some()
    {
        if !doc.contains_key("eligible") {
            doc.insert("eligible", Item::Table(Table::new()));
        }
        let eligible = doc
            .get_mut("eligible")
            .and_then(Item::as_table_like_mut)
            .ok_or_else(|| anyhow::anyhow!("{}: `eligible` is not a table", post.path))?;
        if !args.eligible_status.is_empty() {
            let list: Vec<&str> = args.eligible_status.iter().map(|s| s.as_str()).collect();
            set_value(eligible, "status", strings_value(&list));
        }
        if let Some(o) = args.eligible_office {
            set_value(eligible, "office", Value::from(o.as_str()));
        }
        if let Some(sc) = args.eligible_scope {
            set_value(eligible, "scope", Value::from(sc.as_str()));
        }
    }
    let written = edit::save_post(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        l,
        "records.post-edited",
        &[("post", &post.name), ("id", &post.id)],
    );
    Ok(edit::report(ctx, &written, &post.path, l, &message))
}

/// A capacity below the most holders confirmed at once (as of today), with the `post end`
/// commands that would make room.
fn capacity_problem(s: &Session, post: &Post, capacity: u32) -> Option<String> {
    let open: Vec<&str> = post
        .holders
        .iter()
        .filter(|h| h.confirmed.is_some() && h.ended.is_none())
        .map(|h| h.member.as_str())
        .collect();
    if open.len() <= capacity as usize {
        return None;
    }
    let commands: Vec<String> = open
        .iter()
        .map(|m| format!("dangjian post end {} {m}", post.id))
        .collect();
    Some(records::with_help(
        s.locale,
        tf(
            s.locale,
            "records.refuse.capacity-below-holders",
            &[("capacity", &capacity), ("count", &open.len())],
        ),
        commands.join(" | "),
    ))
}
