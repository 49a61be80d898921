//! `dangjian post publish <post>` or `--org <org>` (明岗): sets `published` on the confirmed,
//! not ended holders that lack it, and prints their board entries (六公开: name, post, duties,
//! targets). With `--org`, every post of the organization's subtree: one atomic write per file,
//! all validated before the first is written.

use std::collections::HashMap;

use anyhow::Result;

use super::edit;
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::{Locale, t, tf};
use crate::model::{Date, Member, Org, Post};
use crate::report::{self, Cell, Column, Document, Table};
use crate::workflow::post as core;
use crate::workspace::Rec;
use crate::workspace::resolve::{read_by_id, read_record, resolve};
use crate::workspace::write::{self, Editable, Written};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Post id or name
    #[arg(required_unless_present = "org", conflicts_with = "org")]
    pub post: Option<String>,
    /// Publish every post of this organization and the organizations below it
    #[arg(long)]
    pub org: Option<String>,
    /// Format of the board entries: table, json or csv
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
    #[command(flatten)]
    pub write: edit::WriteArgs,
}

/// One board entry (六公开): who, on which post, with which duties and targets.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardEntry {
    pub member: String,
    pub name: String,
    pub post: String,
    pub duties: Vec<String>,
    pub targets: Vec<String>,
    pub published: Date,
}

/// The board entries as a document (pure).
pub fn board_document(entries: &[BoardEntry], locale: Locale) -> Document {
    let cols = [
        ("member", "post.col.member"),
        ("name", "post.col.member-name"),
        ("post", "post.col.name"),
        ("duties", "post.col.duties"),
        ("targets", "post.col.targets"),
        ("published", "post.col.published"),
    ];
    let mut table = Table::new(
        "board",
        t(locale, "post.board.title"),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    );
    let sep = if locale == Locale::ZhCn { "；" } else { "; " };
    for e in entries {
        table.rows.push(vec![
            Cell::text(&e.member),
            Cell::text(&e.name),
            Cell::text(&e.post),
            Cell::text(e.duties.join(sep)),
            Cell::text(e.targets.join(sep)),
            Cell::Date(e.published.0),
        ]);
    }
    Document {
        title: t(locale, "post.board.title").to_string(),
        meta: Vec::new(),
        tables: vec![table],
        ..Document::default()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let date = edit::happened(&s, ctx, &args.write)?;
    let posts: Vec<Rec<Post>> = match (&args.post, &args.org) {
        (Some(p), _) => vec![resolve::<Post>(&s.root, p, s.locale)?],
        (None, Some(o)) => {
            let org = resolve::<Org>(&s.root, o, s.locale)?;
            posts_within(&s.root, &org.id, s.locale)?
        }
        (None, None) => Vec::new(),
    };
    // Prepare and validate every file before writing any.
    let mut prepared: Vec<(Editable, Rec<Post>, Vec<core::HolderEdit>)> = Vec::new();
    let mut reasons = Vec::new();
    for post in posts {
        let edits = core::publish(&post, date);
        if edits.is_empty() {
            continue;
        }
        let mut file = Editable::open(&s.root, &post.path, s.locale)?;
        for e in &edits {
            edit::apply_holder_edit(&mut file.doc, e)?;
        }
        match edit::save_post(&s, ctx, &file, true) {
            Ok(_) => prepared.push((file, post, edits)),
            Err(e) => match e.downcast::<Refused>() {
                Ok(r) => reasons.extend(r.reasons),
                Err(e) => return Err(e),
            },
        }
    }
    if !reasons.is_empty() {
        return Err(Refused { reasons }.into());
    }
    if prepared.is_empty() {
        if !ctx.quiet {
            println!("{}", t(s.locale, "post.published-none"));
        }
        return Ok(Exit::Success);
    }
    let mut entries = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (file, post, edits) in &prepared {
        let written = edit::save_post(&s, ctx, file, args.write.dry_run)?;
        match &written {
            Written::DryRun(diff) => print!("{diff}"),
            other => {
                if !ctx.quiet {
                    let lines = format!(
                        "{}\n{}",
                        tf(
                            s.locale,
                            "post.published",
                            &[
                                ("post", &post.name),
                                ("count", &edits.len()),
                                ("date", &date)
                            ]
                        ),
                        write::describe(other, &file.rel, s.locale)
                    );
                    let lines = crate::diag::escape::lines(&lines);
                    // With a machine format the board alone goes to stdout.
                    if args.format == "table" {
                        println!("{lines}");
                    } else {
                        eprintln!("{lines}");
                    }
                }
            }
        }
        for e in edits {
            let name = names
                .entry(e.member.clone())
                .or_insert_with(|| {
                    read_by_id::<Member>(&s.root, "members", &e.member, s.locale)
                        .ok()
                        .flatten()
                        .map_or_else(|| e.member.clone(), |m| m.value.name.into())
                })
                .clone();
            entries.push(BoardEntry {
                member: e.member.clone(),
                name,
                post: post.name.clone(),
                duties: post.duties.clone(),
                targets: post.targets.iter().map(|t| t.text.clone()).collect(),
                published: date,
            });
        }
    }
    if !args.write.dry_run {
        let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
        let doc = board_document(&entries, crate::commands::org::doc_locale(format, s.locale));
        crate::commands::print_doc(ctx, &doc, format)?;
    }
    Ok(Exit::Success)
}

/// The posts whose organization is `org` or below it: a scan of `posts/`, reading each post's
/// organization chain once.
fn posts_within(root: &std::path::Path, org: &str, locale: Locale) -> Result<Vec<Rec<Post>>> {
    let dir = root.join("posts");
    let mut rels: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
            .map(|n| format!("posts/{n}"))
            .collect(),
        Err(_) => Vec::new(),
    };
    rels.sort();
    let mut within: HashMap<String, bool> = HashMap::new();
    let mut out = Vec::new();
    for rel in rels {
        let post = read_record::<Post>(root, &rel, locale)?;
        let inside = *within.entry(post.org.to_string()).or_insert_with(|| {
            edit::org_chain(root, &post.org, locale)
                .iter()
                .any(|o| o == org)
        });
        if inside {
            out.push(post);
        }
    }
    Ok(out)
}
