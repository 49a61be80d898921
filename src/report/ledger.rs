//! Ledger (承诺践诺台账): a row per commitment item (SPEC §8), and the document of one letter
//! (`commit show`). Pure: records in, tables out. `commit list` and `report ledger` share it.
//!
//! Keyword cells (category, type, status, rating) are locale labels in `build` (the printed
//! ledger); `build_with(.., Words::Keywords)` gives the canonical English words instead, which
//! `commit list`/`show` use for `--format json|csv` so that scripts see stable values.

use crate::i18n::{Locale, t, tf};
use crate::model::{Commitment, Date, Item, ItemStatus, Period};
use crate::report::{Cell, Column, Document, Table};
use crate::workflow::commitment::{self as core, Achieved};
use crate::workspace::{Rec, Workspace};

#[derive(Clone, Debug)]
pub struct Options {
    pub org: Option<String>,
    /// Half-year of the letters (default: the half containing as_of).
    pub half: Option<Period>,
    pub status: Option<ItemStatus>,
    pub as_of: Date,
}

/// How keyword values are written in cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// The locale's label (`逾期` in zh-CN, `overdue` in en).
    Labels,
    /// The canonical English keyword, whatever the locale.
    Keywords,
}

/// Builds the report (pure), with keyword cells in the locale.
pub fn build(ws: &Workspace, opts: &Options, locale: Locale) -> Document {
    build_with(ws, opts, locale, Words::Labels)
}

/// The half-year a ledger shows.
pub fn half(opts: &Options) -> Period {
    opts.half.unwrap_or_else(|| Period::half_of(opts.as_of))
}

/// The letters and items of the ledger, in committer order then file order.
pub fn items<'a>(ws: &'a Workspace, opts: &Options) -> Vec<(&'a Rec<Commitment>, &'a Item)> {
    let half = half(opts);
    let mut letters: Vec<&Rec<Commitment>> = ws
        .commitments
        .iter()
        .filter(|c| c.half == half)
        .filter(|c| match &opts.org {
            None => true,
            Some(org) => org_of(ws, &c.committer).is_some_and(|o| ws.is_within(o, org)),
        })
        .collect();
    letters.sort_by(|a, b| (&a.committer, &a.path).cmp(&(&b.committer, &b.path)));
    letters
        .into_iter()
        .flat_map(|l| l.items.iter().map(move |i| (l, i)))
        .filter(|(_, i)| {
            opts.status
                .is_none_or(|s| core::status_on(i, opts.as_of) == s)
        })
        .collect()
}

/// Builds the ledger with keyword cells as asked.
pub fn build_with(ws: &Workspace, opts: &Options, locale: Locale, words: Words) -> Document {
    let half = half(opts);
    let names = crate::report::names::Names::new(ws, locale);
    let mut columns = vec![
        col("committer", locale, "commit.ledger.col.committer").machine_only(),
        col("name", locale, "commit.ledger.col.committer"),
        col("org", locale, "commit.ledger.col.org").machine_only(),
        col("org_name", locale, "commit.ledger.col.org"),
        col("item", locale, "commit.ledger.col.item").machine_only(),
    ];
    columns.extend(item_columns(locale));
    columns.push(col("comment", locale, "commit.ledger.col.comment"));
    columns.push(col("rating", locale, "commit.ledger.col.rating"));
    let mut table = Table::new("ledger", t(locale, "commit.ledger.title"), columns);
    // On paper the items of a letter sit under one line naming the committer, the
    // organization and the leader's latest comment on the letter with its rating.
    table.group_by = vec![1, 3, table.columns.len() - 2, table.columns.len() - 1];
    let items = items(ws, opts);
    let width = table.columns.len();
    table.rows.reserve_exact(items.len());
    for (letter, item) in items {
        // A row of exactly its width: grown by pushes it would hold up to twice its cells.
        let mut row = Vec::with_capacity(width);
        row.extend([
            Cell::text(letter.committer.as_str()),
            Cell::text(names.of(&letter.committer)),
            Cell::opt_text(org_of(ws, &letter.committer)),
            Cell::opt_text(names.of_opt(org_of(ws, &letter.committer)).as_deref()),
            Cell::text(item.id.as_str()),
        ]);
        row.extend(item_cells(item, opts.as_of, locale, words));
        let comment = core::latest_comment(letter, opts.as_of);
        row.push(Cell::opt_text(comment.map(|c| c.text.as_str())));
        row.push(Cell::opt_text(
            comment
                .and_then(|c| c.rating)
                .map(|r| word(r.as_str(), r.label(locale), words)),
        ));
        table.rows.push(row);
    }
    let mut doc = Document {
        title: tf(
            locale,
            "commit.ledger.heading",
            &[
                (
                    "org",
                    &names.of(opts.org.as_deref().unwrap_or(&ws.settings.root)),
                ),
                ("half", &crate::report::names::period_label(half, locale)),
            ],
        ),
        tables: vec![table],
        report: "ledger".into(),
        ..Document::default()
    };
    doc.push_meta(
        "half",
        t(locale, "commit.ledger.half"),
        Cell::text(half.to_string()),
    );
    doc.push_meta(
        "as_of",
        t(locale, "commit.ledger.as-of"),
        Cell::Date(opts.as_of.0),
    );
    super::progress::org_meta(
        &mut doc,
        opts.org.as_deref(),
        t(locale, "commit.ledger.org"),
    );
    match opts.status {
        Some(s) => doc.push_meta_shown(
            "status",
            Cell::text(s.as_str()),
            t(locale, "commit.ledger.status"),
            word(s.as_str(), s.label(locale), words),
        ),
        None => doc.keyed_meta.push(("status".into(), Cell::Empty)),
    }
    doc
}

/// The document of one letter: its items with their state as of `as_of`, every progress entry
/// and every leader comment. `name_of` gives display names of ids (committer, commenters).
pub fn letter_document(
    letter: &Commitment,
    name_of: &dyn Fn(&str) -> String,
    as_of: Date,
    locale: Locale,
    words: Words,
) -> Document {
    let mut items = Table::new(
        "items",
        t(locale, "commit.letter.items"),
        std::iter::once(col("item", locale, "commit.ledger.col.item"))
            .chain(item_columns(locale))
            .collect(),
    );
    let mut progress = Table::new(
        "progress",
        t(locale, "commit.letter.progress"),
        vec![
            col("item", locale, "commit.ledger.col.item"),
            col("entry", locale, "records.col.no"),
            col("date", locale, "commit.letter.col.date"),
            col("value", locale, "commit.letter.col.value"),
            col("done", locale, "commit.letter.col.done"),
            col("note", locale, "commit.letter.col.note"),
        ],
    );
    for item in &letter.items {
        let mut row = vec![Cell::text(item.id.as_str())];
        row.extend(item_cells(item, as_of, locale, words));
        items.rows.push(row);
        // Numbered in file order, as `commit progress --amend N|--remove N` takes them.
        let mut entries: Vec<_> = item.progress.iter().enumerate().collect();
        entries.sort_by_key(|(_, p)| p.date);
        for (i, p) in entries {
            progress.rows.push(vec![
                Cell::text(item.id.as_str()),
                Cell::Int(i64::try_from(i + 1).unwrap_or(i64::MAX)),
                Cell::Date(p.date.0),
                p.value.map_or(Cell::Empty, |v| Cell::num(v.0)),
                p.done.map_or(Cell::Empty, Cell::Bool),
                Cell::opt_text(p.note.as_deref()),
            ]);
        }
    }
    let mut comments = Table::new(
        "comments",
        t(locale, "commit.letter.comments"),
        vec![
            col("entry", locale, "records.col.no"),
            col("by", locale, "commit.letter.col.by"),
            col("by_name", locale, "commit.letter.col.by-name"),
            col("date", locale, "commit.letter.col.date"),
            col("text", locale, "commit.letter.col.text"),
            col("rating", locale, "commit.ledger.col.rating"),
        ],
    );
    for (i, c) in letter.comments.iter().enumerate() {
        comments.rows.push(vec![
            Cell::Int(i64::try_from(i + 1).unwrap_or(i64::MAX)),
            Cell::text(c.by.as_str()),
            Cell::text(name_of(&c.by)),
            Cell::Date(c.date.0),
            Cell::text(&c.text),
            Cell::opt_text(c.rating.map(|r| word(r.as_str(), r.label(locale), words))),
        ]);
    }
    let mut doc = Document {
        title: tf(
            locale,
            "commit.letter.heading",
            &[
                ("name", &name_of(&letter.committer)),
                ("half", &letter.half),
            ],
        ),
        tables: vec![items, progress, comments],
        report: "commitment".into(),
        ..Document::default()
    };
    doc.push_meta(
        "committer",
        t(locale, "commit.letter.committer"),
        Cell::text(letter.committer.as_str()),
    );
    doc.push_meta(
        "half",
        t(locale, "commit.ledger.half"),
        Cell::text(letter.half.to_string()),
    );
    doc.push_meta(
        "signed",
        t(locale, "commit.letter.signed"),
        Cell::opt_date(letter.signed),
    );
    doc.push_meta(
        "published",
        t(locale, "commit.letter.published"),
        Cell::opt_date(letter.published),
    );
    doc.push_meta(
        "as_of",
        t(locale, "commit.ledger.as-of"),
        Cell::Date(as_of.0),
    );
    doc
}

/// The organization a committer belongs to: a member's `org`, or the organization itself.
pub fn org_of<'a>(ws: &'a Workspace, committer: &'a str) -> Option<&'a str> {
    match ws.member(committer) {
        Some(m) => Some(m.org.as_str()),
        None => ws.org(committer).map(|o| o.id.as_str()),
    }
}

fn col(key: &str, locale: Locale, label: &'static str) -> Column {
    Column::new(key, t(locale, label))
}

fn word(keyword: &'static str, label: &'static str, words: Words) -> &'static str {
    match words {
        Words::Labels => label,
        Words::Keywords => keyword,
    }
}

fn item_columns(locale: Locale) -> Vec<Column> {
    vec![
        col("category", locale, "commit.ledger.col.category"),
        col("type", locale, "commit.ledger.col.type"),
        col("text", locale, "commit.ledger.col.text"),
        col("measure", locale, "commit.ledger.col.measure"),
        col("target", locale, "commit.ledger.col.target").typed_only(),
        col("unit", locale, "commit.ledger.col.unit").typed_only(),
        col("due", locale, "commit.ledger.col.due"),
        col("achieved", locale, "commit.ledger.col.achieved").typed_only(),
        col("fraction", locale, "commit.ledger.col.fraction")
            .typed_only()
            .rate(),
        // On paper the four above read as one: `4/6次 67%`.
        col("achieved_text", locale, "commit.ledger.col.achieved").printed_only(),
        col("status", locale, "commit.ledger.col.status"),
        col("last_progress", locale, "commit.ledger.col.last-progress"),
    ]
}

fn item_cells(item: &Item, as_of: Date, locale: Locale, words: Words) -> Vec<Cell> {
    let status = core::status_on(item, as_of);
    vec![
        Cell::text(word(
            item.category.as_str(),
            item.category.label(locale),
            words,
        )),
        Cell::text(word(item.kind.as_str(), item.kind.label(locale), words)),
        Cell::text(&item.text),
        Cell::opt_text(item.measure.as_deref()),
        item.target.map_or(Cell::Empty, |v| Cell::num(v.0)),
        Cell::opt_text(item.unit.as_deref()),
        Cell::opt_date(item.due),
        match core::achieved_on(item, as_of) {
            Achieved::Nothing => Cell::Empty,
            Achieved::Value(v) => Cell::num(v.0),
            Achieved::Done(done) => Cell::Bool(done),
        },
        Cell::num(core::fraction_on(item, as_of)),
        achieved_text(item, as_of, locale),
        Cell::text(word(status.as_str(), status.label(locale), words)),
        Cell::opt_date(core::last_progress_on(item, as_of)),
    ]
}

/// What an item achieved, as a reader takes it in: `4/6次（67%）`, `3次`, `✓`.
fn achieved_text(item: &Item, as_of: Date, locale: Locale) -> Cell {
    let unit = item.unit.as_deref().unwrap_or("");
    match (core::achieved_on(item, as_of), item.target) {
        (Achieved::Nothing, _) => Cell::Empty,
        (Achieved::Done(done), _) => Cell::Bool(done),
        (Achieved::Value(v), Some(target)) => {
            let percent = (core::fraction_on(item, as_of) * rust_decimal::Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            Cell::text(tf(
                locale,
                "commit.ledger.achieved-of",
                &[
                    ("value", &v),
                    ("target", &target),
                    ("unit", &unit),
                    ("percent", &percent),
                ],
            ))
        }
        (Achieved::Value(v), None) => Cell::text(format!("{v}{unit}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Settings;
    use crate::workspace::Records;

    fn ws(letters: &[&str], members: &[&str], orgs: &[&str]) -> Workspace {
        let settings: Settings = toml::from_str(
            "format = 1\nname = \"x\"\nroot = \"top\"\nyear = 2026\nlocale = \"en\"\nsector = \"community\"\n",
        )
        .unwrap();
        let mut records = Records::default();
        for (i, text) in letters.iter().enumerate() {
            records.commitments.push(Rec {
                path: format!("commitments/2026-H1/{i}.toml"),
                value: toml::from_str(text).unwrap(),
            });
        }
        for text in members {
            records.members.push(Rec {
                path: "members/x.toml".into(),
                value: toml::from_str(text).unwrap(),
            });
        }
        for text in orgs {
            records.orgs.push(Rec {
                path: "orgs/x.toml".into(),
                value: toml::from_str(text).unwrap(),
            });
        }
        Workspace::new(
            Rec {
                path: "dangjian.toml".into(),
                value: settings,
            },
            records,
        )
    }

    const ORGS: [&str; 3] = [
        "id = \"top\"\nname = \"Top\"\nkind = \"committee\"\nsector = \"community\"\n",
        "id = \"a\"\nname = \"A\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"top\"\n",
        "id = \"b\"\nname = \"B\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"top\"\n",
    ];
    const MEMBER: &str = "id = \"zs\"\nname = \"Zhang\"\norg = \"a\"\nstatus = \"full\"\noffice = \"none\"\n[private]\nphone = \"13800000000\"\n";
    const LETTER: &str = r#"
committer = "zs"
half = "2026-H1"
signed = 2026-01-15
[[item]]
id = "c1"
category = "pairing"
type = "concrete"
text = "help 3 families"
target = 3
unit = "households"
due = 2026-06-30
[[item.progress]]
date = 2026-03-10
value = 1
[[item]]
id = "c2"
category = "integrity"
type = "service"
text = "accept no gifts"
due = 2026-06-30
[[comment]]
by = "zs"
date = 2026-06-01
text = "keep going"
rating = "good"
"#;
    const ORG_LETTER: &str = r#"
committer = "b"
half = "2026-H1"
[[item]]
id = "c1"
category = "duty"
type = "service"
text = "answer every request"
due = 2026-03-31
"#;

    fn opts(org: Option<&str>, status: Option<ItemStatus>, as_of: &str) -> Options {
        Options {
            org: org.map(str::to_string),
            half: None,
            status,
            as_of: as_of.parse().unwrap(),
        }
    }

    #[test]
    fn rows_filter_by_org_and_status() {
        let w = ws(&[LETTER, ORG_LETTER], &[MEMBER], &ORGS);
        let doc = build_with(
            &w,
            &opts(None, None, "2026-04-01"),
            Locale::En,
            Words::Keywords,
        );
        let rows = &doc.tables[0].rows;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][0], Cell::text("b"), "org letters sort by id");
        assert_eq!(rows[0][2], Cell::text("b"), "an org is its own org");
        let status = |r: &Vec<Cell>| r[15].clone();
        assert_eq!(status(&rows[0]), Cell::text("overdue"));
        assert_eq!(status(&rows[1]), Cell::text("in-progress"));
        assert_eq!(status(&rows[2]), Cell::text("not-started"));
        assert_eq!(
            rows[1][13],
            Cell::num(rust_decimal::Decimal::ONE / rust_decimal::Decimal::from(3))
        );
        let only_a = build(&w, &opts(Some("a"), None, "2026-04-01"), Locale::En);
        assert_eq!(only_a.tables[0].rows.len(), 2);
        let top = build(&w, &opts(Some("top"), None, "2026-04-01"), Locale::En);
        assert_eq!(top.tables[0].rows.len(), 3);
        let overdue = build(
            &w,
            &opts(None, Some(ItemStatus::Overdue), "2026-04-01"),
            Locale::ZhCn,
        );
        assert_eq!(overdue.tables[0].rows.len(), 1);
        assert_eq!(overdue.tables[0].rows[0][15], Cell::text("逾期"));
        let comment_before = build(&w, &opts(None, None, "2026-05-01"), Locale::En);
        assert_eq!(comment_before.tables[0].rows[1][17], Cell::Empty);
        let comment_after = build(&w, &opts(None, None, "2026-06-02"), Locale::En);
        assert_eq!(
            comment_after.tables[0].rows[1][17],
            Cell::text("keep going")
        );
    }

    #[test]
    fn no_private_value_is_rendered() {
        let w = ws(&[LETTER], &[MEMBER], &ORGS);
        let doc = build(&w, &opts(None, None, "2026-04-01"), Locale::En);
        let json = serde_json::to_string(&doc).unwrap();
        assert!(!json.contains("13800000000"), "{json}");
    }
}
