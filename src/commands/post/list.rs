//! `dangjian post list [--org O] [--vacant] [--member M] [--format table|json|csv]`.

use anyhow::Result;

use crate::commands::{Ctx, Exit};
use crate::i18n::{Locale, t};
use crate::model::{Date, Post};
use crate::report::{self, Cell, Column, Document, Table};
use crate::workflow::post as core;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only posts of this organization and those below it
    #[arg(long)]
    pub org: Option<String>,
    /// Only posts that can take someone on the as-of date (open, below capacity or nobody serving)
    #[arg(long)]
    pub vacant: bool,
    /// Only posts this member holds or held (id or name)
    #[arg(long)]
    pub member: Option<String>,
    /// Output format
    #[arg(long, default_value = "table", value_parser = ["table", "json", "yaml", "csv"])]
    pub format: String,
}

/// Filters of the listing.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub org: Option<String>,
    pub vacant: bool,
    pub member: Option<String>,
}

/// Whether the post can take someone on `date`: inside its window, with a free place.
pub fn is_vacant(post: &Post, date: Date) -> bool {
    if !core::in_window(post, date) {
        return false;
    }
    match core::vacancies_on(post, date) {
        Some(v) => v > 0,
        None => core::serving_on(post, date).is_empty(),
    }
}

/// The listing as a document (pure).
pub fn build(ws: &Workspace, filter: &Filter, as_of: Date, locale: Locale) -> Document {
    let cols = [
        ("id", "post.col.id"),
        ("name", "post.col.name"),
        ("org", "post.col.org"),
        ("kind", "post.col.kind"),
        ("from", "post.col.from"),
        ("until", "post.col.until"),
        ("capacity", "post.col.capacity"),
        ("serving", "post.col.serving"),
        ("vacant", "post.col.vacant"),
        ("holders", "post.col.holders"),
        ("duties", "post.col.duties"),
    ];
    let mut table = Table::new(
        "posts",
        t(locale, "post.list.title"),
        cols.iter()
            .map(|(k, l)| Column::new(k, t(locale, l)))
            .collect(),
    );
    let sep = if locale == Locale::ZhCn { "、" } else { ", " };
    let mut posts: Vec<&Post> = ws.posts.iter().map(|r| &r.value).collect();
    posts.sort_by(|a, b| a.id.cmp(&b.id));
    for p in posts {
        if filter
            .org
            .as_deref()
            .is_some_and(|o| !ws.is_within(&p.org, o))
        {
            continue;
        }
        if filter.vacant && !is_vacant(p, as_of) {
            continue;
        }
        if filter
            .member
            .as_deref()
            .is_some_and(|m| !p.holders.iter().any(|h| h.member == m))
        {
            continue;
        }
        let serving = core::serving_on(p, as_of);
        table.rows.push(vec![
            Cell::text(&p.id),
            Cell::text(&p.name),
            Cell::text(&p.org),
            Cell::text(p.kind.label(locale)),
            Cell::opt_date(p.from),
            Cell::opt_date(p.until),
            p.capacity.map_or(Cell::Empty, |c| Cell::Int(i64::from(c))),
            Cell::Int(i64::try_from(serving.len()).unwrap_or(i64::MAX)),
            core::vacancies_on(p, as_of).map_or(Cell::Empty, |v| Cell::Int(i64::from(v))),
            Cell::text(
                serving
                    .iter()
                    .map(|h| ws.name_of(&h.member))
                    .collect::<Vec<_>>()
                    .join(sep),
            ),
            Cell::text(p.duties.join(sep)),
        ]);
    }
    Document {
        title: t(locale, "post.list.title").to_string(),
        meta: vec![(t(locale, "post.show.as-of").to_string(), as_of.to_string())],
        tables: vec![table],
        ..Document::default()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let loaded = ctx.load()?;
    let ws = &loaded.ws;
    let format: report::Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let org = match &args.org {
        Some(o) => Some(crate::commands::org::find_org(ws, o, loaded.locale)?),
        None => None,
    };
    let member = match &args.member {
        Some(m) => Some(crate::commands::member::find_member(ws, m, loaded.locale)?),
        None => None,
    };
    let filter = Filter {
        org,
        vacant: args.vacant,
        member,
    };
    let doc = build(
        ws,
        &filter,
        ctx.as_of,
        crate::commands::org::doc_locale(format, loaded.locale),
    );
    crate::commands::print_doc(ctx, &doc, format)?;
    let locale = ctx.locale(loaded.locale);
    Ok(crate::commands::broken::listing_exit(
        &loaded.ws,
        &["posts"],
        locale,
    ))
}
