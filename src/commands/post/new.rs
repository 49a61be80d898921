//! `dangjian post new <id> --name … --org … --duty …` (设岗): creates `posts/<id>.toml`.

use anyhow::Result;
use toml_edit::{Array, DocumentMut, Item, Value};

use super::edit::{self, date_value};
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::{Locale, t, tf};
use crate::model::{Cadence, Date, MemberStatus, OfficeRule, Org, PostKind, Scope, is_valid_id};
use crate::workspace::resolve::resolve;
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the new post (file posts/<id>.toml)
    pub id: String,
    /// Name of the post, e.g. 平安创建岗
    #[arg(long)]
    pub name: String,
    /// Organization that sets the post (id or name)
    #[arg(long)]
    pub org: String,
    /// A duty of the post; repeat for several (一岗多责)
    #[arg(long = "duty", required = true, value_name = "DUTY")]
    pub duties: Vec<String>,
    /// standing (常设) or temporary (临时)
    #[arg(long, default_value = "standing")]
    pub kind: PostKind,
    /// Temporary posts: first day of the window
    #[arg(long, value_name = "DATE")]
    pub from: Option<Date>,
    /// Temporary posts: last day of the window
    #[arg(long, value_name = "DATE")]
    pub until: Option<Date>,
    /// Most confirmed holders at once
    #[arg(long, value_name = "N")]
    pub capacity: Option<u32>,
    /// Required cadence of duty-log entries: week, month or quarter
    #[arg(long, value_name = "UNIT")]
    pub log_every: Option<Cadence>,
    /// Statuses that may hold the post; repeat for several (default: full, probationary)
    #[arg(long = "status", value_name = "STATUS")]
    pub statuses: Vec<MemberStatus>,
    /// Office rule: any, or none (only members without office)
    #[arg(long, value_name = "RULE")]
    pub office: Option<OfficeRule>,
    /// Who may hold the post: org (its members), area (also residents), any
    #[arg(long, value_name = "SCOPE")]
    pub scope: Option<Scope>,
    /// Print the new file as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Every reason the options cannot make a post (before any file is read).
fn option_problems(args: &Args, locale: Locale) -> Vec<String> {
    let mut out = Vec::new();
    if !is_valid_id(&args.id) {
        out.push(tf(locale, "records.refuse.bad-id", &[("id", &args.id)]));
    }
    match args.kind {
        PostKind::Temporary => match (args.from, args.until) {
            (Some(from), Some(until)) if from > until => out.push(tf(
                locale,
                "post.refuse.window-order",
                &[("from", &from), ("until", &until)],
            )),
            (Some(_), Some(_)) => {}
            _ => out.push(t(locale, "post.refuse.window-missing").to_string()),
        },
        PostKind::Standing => {
            if args.from.is_some() || args.until.is_some() {
                out.push(t(locale, "post.refuse.window-only-temporary").to_string());
            }
        }
    }
    if args.capacity == Some(0) {
        out.push(t(locale, "post.refuse.capacity-zero").to_string());
    }
    if args.name.trim().is_empty() {
        out.push(t(locale, "post.refuse.empty-name").to_string());
    }
    if args.duties.iter().any(|d| d.trim().is_empty()) {
        out.push(t(locale, "post.refuse.empty-duty").to_string());
    }
    out
}

/// The text of the new post file.
fn post_text(args: &Args, org: &str) -> anyhow::Result<String> {
    let mut doc = DocumentMut::new();
    doc["id"] = toml_edit::value(args.id.as_str());
    doc["name"] = toml_edit::value(args.name.trim());
    doc["org"] = toml_edit::value(org);
    doc["kind"] = toml_edit::value(args.kind.as_str());
    if let Some(from) = args.from {
        doc["from"] = Item::Value(date_value(from));
    }
    if let Some(until) = args.until {
        doc["until"] = Item::Value(date_value(until));
    }
    let duties: Array = args.duties.iter().map(|d| d.trim()).collect();
    doc["duties"] = Item::Value(Value::Array(duties));
    if let Some(c) = args.capacity {
        doc["capacity"] = toml_edit::value(i64::from(c));
    }
    if let Some(l) = args.log_every {
        doc["log_every"] = toml_edit::value(l.as_str());
    }
    if !args.statuses.is_empty() || args.office.is_some() || args.scope.is_some() {
        let mut eligible = toml_edit::Table::new();
        if !args.statuses.is_empty() {
            let list: Array = args.statuses.iter().map(|s| s.as_str()).collect();
            eligible["status"] = Item::Value(Value::Array(list));
        }
        if let Some(o) = args.office {
            eligible["office"] = toml_edit::value(o.as_str());
        }
        if let Some(s) = args.scope {
            eligible["scope"] = toml_edit::value(s.as_str());
        }
        doc["eligible"] = Item::Table(eligible);
    }
    Ok(doc.to_string())
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let mut reasons = option_problems(&args, s.locale);
    let rel = format!("posts/{}.toml", args.id);
    if is_valid_id(&args.id) && s.root.join(&rel).exists() {
        reasons.push(tf(
            s.locale,
            "post.refuse.exists",
            &[("id", &args.id), ("file", &rel)],
        ));
    }
    let org = match resolve::<Org>(&s.root, &args.org, s.locale) {
        Ok(org) => Some(org),
        Err(e) => {
            // An unknown organization is a usage error; the other reasons go with it.
            let mut err = crate::error::Error::of(&e);
            err.problems
                .splice(0..0, reasons.into_iter().map(crate::error::Problem::new));
            return Err(err.into());
        }
    };
    let Some(org) = org.filter(|_| reasons.is_empty()) else {
        return Err(Refused { reasons }.into());
    };
    let file = Editable::create(&rel, &post_text(&args, &org.id)?)?;
    let written = edit::save_post(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        s.locale,
        "post.created",
        &[("post", &args.name), ("id", &args.id), ("org", &org.name)],
    );
    Ok(edit::report(ctx, &written, &rel, s.locale, &message))
}
