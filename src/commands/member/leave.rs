//! `dangjian member leave <member> --date D [--reason …] [--end-posts]` (转出): records that a
//! person left the workspace; their history stays. Refused while they hold a post, naming the
//! `post end` commands, unless `--end-posts`, which ends each spell in its own atomic write
//! before the member file is written.

use anyhow::Result;
use toml_edit::{Item, Table, Value};

use crate::commands::post::edit::{self, report};
use crate::commands::records::{self, future_date, with_help};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{Date, Post};
use crate::workflow::post::{self as core, open_holder};
use crate::workspace::Rec;
use crate::workspace::edit::{date_value, set_value};
use crate::workspace::resolve::read_record;
use crate::workspace::write::{Editable, Written};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person (id or name)
    pub member: String,
    /// Date of leaving (default: --as-of)
    #[arg(long, value_name = "DATE")]
    pub date: Option<Date>,
    /// Why, e.g. 转出 to another workspace (kept as [extra] left_reason)
    #[arg(long)]
    pub reason: Option<String>,
    /// End every post the person holds on the same date first
    #[arg(long)]
    pub end_posts: bool,
    /// Print the changes as unified diffs and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let date = args.date.unwrap_or(ctx.as_of);
    let mut reasons = Vec::new();
    let member = records::member(&s, &mut reasons, &args.member)?;
    reasons.extend(future_date(
        l,
        t(l, "records.what.left"),
        "--date",
        date,
        ctx.as_of,
    ));
    let Some(member) = member else {
        return records::refuse_if_any(reasons).map(|()| Exit::Success);
    };
    if let Some(left) = member.left {
        reasons.push(tf(
            l,
            "records.refuse.already-left",
            &[("member", &core::who(&member)), ("date", &left)],
        ));
    }
    let held = posts_held(&s.root, &member.id, l);
    if !held.is_empty() && !args.end_posts {
        for post in &held {
            reasons.push(with_help(
                l,
                tf(
                    l,
                    "records.refuse.holds-post",
                    &[("member", &core::who(&member)), ("post", &post.name)],
                ),
                format!("dangjian post end {} {} --date {date}", post.id, member.id),
            ));
        }
        reasons.push(t(l, "records.refuse.holds-post.all").to_string());
    }
    records::refuse_if_any(reasons)?;
    let reason = args.reason.as_deref().map(str::trim);
    for post in &held {
        let change = core::end(
            post,
            &member,
            date,
            reason.or(Some(t(l, "records.left-reason"))),
        )
        .map_err(|r| edit::refused(&s, r))?;
        let mut file = Editable::open(&s.root, &post.path, l)?;
        edit::apply_holder_edit(&mut file.doc, &change)?;
        let written = edit::save_post(&s, ctx, &file, args.dry_run)?;
        let message = edit::step_message(l, "post.ended", &member, post, date);
        report(ctx, &written, &post.path, l, &message);
    }
    let rel = format!("members/{}.toml", member.id);
    let mut file = Editable::open(&s.root, &rel, l)?;
    let doc = file.doc.as_table_mut();
    set_value(doc, "left", date_value(date));
    if let Some(reason) = reason {
        if !doc.contains_key("extra") {
            doc.insert("extra", Item::Table(Table::new()));
        }
        if let Some(extra) = doc.get_mut("extra").and_then(Item::as_table_like_mut) {
            set_value(extra, "left_reason", Value::from(reason));
        }
    }
    let written: Written = records::save_member(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        l,
        "records.member-left",
        &[("member", &core::who(&member)), ("date", &date)],
    );
    Ok(report(ctx, &written, &rel, l, &message))
}

/// The posts in which `member` holds an open spell (one file read per post).
fn posts_held(root: &std::path::Path, member: &str, l: crate::i18n::Locale) -> Vec<Rec<Post>> {
    let mut rels: Vec<String> = std::fs::read_dir(root.join("posts"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
                .map(|n| format!("posts/{n}"))
                .collect()
        })
        .unwrap_or_default();
    rels.sort();
    rels.iter()
        .filter_map(|rel| read_record::<Post>(root, rel, l).ok())
        .filter(|p| open_holder(p, member).is_some())
        .collect()
}
