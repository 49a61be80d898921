//! The leaders' comment registers of seed 004, built from the `[[comment]]` entries of the
//! half-year's commitment letters: 附件四 (comments on organizations and on their secretaries,
//! one register for the scope) and 附件五 (a secretary's comments on the members of the
//! organization, one register per organization). Pure: records in, `Forms` or a `Document` of
//! ids, names and canonical words out.

use std::collections::HashMap;

use crate::i18n::{Locale, t};
use crate::model::{Comment, Org, Period};
use crate::report::form::{FormPage, FormTable, Forms};
use crate::report::letter::{self, Letter, date_words, half_words, short_date};
use crate::report::{Cell, Column, Document, Table};
use crate::workspace::Workspace;

pub use crate::report::letter::Options;

/// Who a comment is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The organization's own letter (附件四).
    Org,
    /// The letter of a member who is an organization's secretary (附件四).
    Secretary,
    /// Any other member's letter (附件五).
    Member,
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Org => "org",
            Subject::Secretary => "secretary",
            Subject::Member => "member",
        }
    }
}

/// One comment with its subject, in register order.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub comment: &'a Comment,
    pub committer: &'a str,
    pub subject: Subject,
    /// The organization the register line belongs to: the organization commented on, the one a
    /// secretary leads, or a member's organization.
    pub org: Option<&'a Org>,
}

/// Every comment on the letters in scope made on or before `as_of`, organizations in tree
/// order, then by date.
pub fn entries<'a>(ws: &'a Workspace, opts: &Options) -> Vec<Entry<'a>> {
    let scope = Options {
        committer: None,
        ..opts.clone()
    };
    // The organization each secretary leads (the first in load order, if several).
    let mut led_by: HashMap<&str, &Org> = HashMap::new();
    for o in &ws.orgs {
        if let Some(s) = o.secretary.as_deref() {
            led_by.entry(s).or_insert(&o.value);
        }
    }
    let mut out = Vec::new();
    for l in letter::letters(ws, &scope) {
        let Letter {
            letter,
            org,
            is_org,
        } = l;
        let led = if is_org {
            None
        } else {
            led_by.get(letter.committer.as_str()).copied()
        };
        let (subject, org) = match (is_org, led) {
            (true, _) => (Subject::Org, org),
            (false, Some(led)) => (Subject::Secretary, Some(led)),
            (false, None) => (Subject::Member, org),
        };
        // A comment dated after `as_of` was not yet made on that day.
        let mut comments: Vec<&Comment> = letter
            .comments
            .iter()
            .filter(|c| c.date <= opts.as_of)
            .collect();
        comments.sort_by_key(|c| c.date);
        for comment in comments {
            out.push(Entry {
                comment,
                committer: &letter.committer,
                subject,
                org,
            });
        }
    }
    out
}

/// The printed registers: 附件四 first, then one 附件五 per organization with member comments
/// (an empty one when there is none, so that the form can be filled in by hand).
pub fn forms(ws: &Workspace, entries: &[Entry], opts: &Options, locale: Locale) -> Forms {
    let half = letter::half(opts);
    let unit = opts
        .org
        .as_deref()
        .map_or_else(|| ws.settings.name.clone(), |o| ws.name_of(o).to_string());
    let mut pages = Vec::new();
    let upper: Vec<Vec<String>> = entries
        .iter()
        .filter(|e| e.subject != Subject::Member)
        .enumerate()
        .map(|(i, e)| {
            let org = e.org.map_or("", |o| o.name.as_str());
            let secretary = match e.subject {
                Subject::Secretary => ws.name_of(e.committer),
                _ => e
                    .org
                    .and_then(|o| o.secretary.as_deref())
                    .map_or("", |s| ws.name_of(s)),
            };
            let subject = match e.subject {
                Subject::Secretary => t(locale, "comments.subject.secretary"),
                _ => t(locale, "comments.subject.org"),
            };
            let mut row = vec![
                (i + 1).to_string(),
                org.into(),
                secretary.into(),
                subject.into(),
            ];
            row.extend(tail(ws, e.comment, locale));
            row
        })
        .collect();
    pages.push(page(
        "comments.annex.orgs",
        "comments.heading.orgs",
        half,
        vec![(t(locale, "comments.field.unit").to_string(), unit.clone())],
        vec![
            ("comments.col.no", 11),
            ("comments.col.org", 30),
            ("comments.col.secretary", 16),
            ("comments.col.subject", 18),
        ],
        upper,
        locale,
    ));
    let mut orgs: Vec<&Org> = Vec::new();
    for e in entries.iter().filter(|e| e.subject == Subject::Member) {
        if let Some(o) = e.org
            && !orgs.iter().any(|x| x.id == o.id)
        {
            orgs.push(o);
        }
    }
    let mut member_pages = Vec::new();
    for o in &orgs {
        let rows = entries
            .iter()
            .filter(|e| e.subject == Subject::Member && e.org.is_some_and(|x| x.id == o.id))
            .enumerate()
            .map(|(i, e)| {
                let mut row = vec![(i + 1).to_string(), ws.name_of(e.committer).to_string()];
                row.extend(tail(ws, e.comment, locale));
                row
            })
            .collect();
        let secretary = o.secretary.as_deref().map_or("", |s| ws.name_of(s));
        member_pages.push(member_page(o.name.as_str(), secretary, rows, half, locale));
    }
    if member_pages.is_empty() {
        member_pages.push(member_page(&unit, "", Vec::new(), half, locale));
    }
    pages.extend(member_pages);
    Forms {
        title: format!(
            "{}{}",
            t(locale, "comments.title"),
            half_words(half, locale)
        ),
        pages,
    }
}

/// The comments for scripts: one `comments` table with ids and names, canonical words and ISO
/// dates, whatever the locale.
pub fn machine(ws: &Workspace, entries: &[Entry], opts: &Options) -> Document {
    let keys = [
        "register",
        "subject_kind",
        "committer",
        "committer_name",
        "org",
        "org_name",
        "by",
        "by_name",
        "date",
        "rating",
        "text",
    ];
    let mut table = Table::new(
        "comments",
        "comments",
        keys.iter().map(|k| Column::new(k, *k)).collect(),
    );
    for e in entries {
        table.rows.push(vec![
            Cell::text(if e.subject == Subject::Member {
                "annex-5"
            } else {
                "annex-4"
            }),
            Cell::text(e.subject.as_str()),
            Cell::text(e.committer),
            Cell::text(ws.name_of(e.committer)),
            Cell::opt_text(e.org.map(|o| o.id.as_str())),
            Cell::opt_text(e.org.map(|o| o.name.as_str())),
            Cell::text(e.comment.by.as_str()),
            Cell::text(ws.name_of(&e.comment.by)),
            Cell::Date(e.comment.date.0),
            Cell::opt_text(e.comment.rating.map(|r| r.as_str())),
            Cell::text(&e.comment.text),
        ]);
    }
    let mut meta = vec![
        ("half".to_string(), letter::half(opts).to_string()),
        ("as_of".to_string(), opts.as_of.to_string()),
    ];
    if let Some(org) = &opts.org {
        meta.push(("org".into(), org.clone()));
    }
    Document {
        title: "comments".into(),
        meta,
        tables: vec![table],
        ..Document::default()
    }
}

/// The columns every register ends with: who, when, rating, text.
fn tail(ws: &Workspace, c: &Comment, locale: Locale) -> Vec<String> {
    vec![
        ws.name_of(&c.by).to_string(),
        short_date(c.date, locale),
        c.rating.map_or("", |r| r.label(locale)).to_string(),
        c.text.clone(),
    ]
}

fn member_page(
    org: &str,
    secretary: &str,
    rows: Vec<Vec<String>>,
    half: Period,
    locale: Locale,
) -> FormPage {
    page(
        "comments.annex.members",
        "comments.heading.members",
        half,
        vec![
            (t(locale, "comments.field.org").to_string(), org.to_string()),
            (
                t(locale, "comments.field.secretary").to_string(),
                secretary.to_string(),
            ),
        ],
        vec![("comments.col.no", 11), ("comments.col.member", 26)],
        rows,
        locale,
    )
}

fn page(
    annex: &'static str,
    heading: &'static str,
    half: Period,
    fields: Vec<(String, String)>,
    head: Vec<(&'static str, u16)>,
    rows: Vec<Vec<String>>,
    locale: Locale,
) -> FormPage {
    let mut columns: Vec<(String, u16)> = head
        .into_iter()
        .map(|(k, w)| (t(locale, k).to_string(), w))
        .collect();
    for (k, w) in [
        ("comments.col.by", 16),
        ("comments.col.date", 22),
        ("comments.col.rating", 18),
    ] {
        columns.push((t(locale, k).to_string(), w));
    }
    // The comment takes what is left of the 170 mm line.
    let used: u16 = columns.iter().map(|(_, w)| *w).sum();
    columns.push((
        t(locale, "comments.col.text").to_string(),
        170u16.saturating_sub(used).max(40),
    ));
    FormPage {
        annex: t(locale, annex).to_string(),
        title: t(locale, heading).to_string(),
        subtitle: half_words(half, locale),
        fields,
        lead: None,
        table: FormTable::ungrouped(columns, rows),
        footer: vec![vec![
            (t(locale, "comments.filled-by").to_string(), String::new()),
            (
                t(locale, "letter.date").to_string(),
                date_words(None, locale),
            ),
        ]],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::form;

    fn ws() -> Workspace {
        let mut files = vec![
            (
                "dangjian.toml",
                "format = 1\nname = \"江滨社区\"\nroot = \"top\"\nyear = 2026\nlocale = \"zh-CN\"\nsector = \"community\"\n",
            ),
            (
                "orgs/x.toml",
                "id = \"top\"\nname = \"江滨社区党委\"\nkind = \"committee\"\nsector = \"community\"\nsecretary = \"wf\"\n",
            ),
        ];
        files.extend(form::fixture::BRANCH);
        files.extend([
            (
                "members/x.toml",
                "id = \"wf\"\nname = \"王芳\"\norg = \"top\"\nstatus = \"full\"\noffice = \"leader\"\n",
            ),
            (
                "commitments/2026-H2/x.toml",
                "committer = \"zs\"\nhalf = \"2026-H2\"\n[[comment]]\nby = \"ls\"\ndate = 2026-12-20\ntext = \"积极\"\nrating = \"good\"\n[[comment]]\nby = \"ls\"\ndate = 2026-09-20\ntext = \"按时\"\n",
            ),
            (
                "commitments/2026-H2/x.toml",
                "committer = \"ls\"\nhalf = \"2026-H2\"\n[[comment]]\nby = \"wf\"\ndate = 2026-12-21\ntext = \"带头\"\nrating = \"excellent\"\n",
            ),
            (
                "commitments/2026-H2/x.toml",
                "committer = \"b1\"\nhalf = \"2026-H2\"\n[[comment]]\nby = \"wf\"\ndate = 2026-12-22\ntext = \"扎实\"\n",
            ),
        ]);
        crate::review::fixture::workspace("", &files)
    }

    fn opts() -> Options {
        Options {
            org: None,
            half: None,
            committer: None,
            as_of: "2026-12-31".parse().unwrap(),
        }
    }

    #[test]
    fn orgs_and_secretaries_go_to_annex_4_members_to_annex_5() {
        let w = ws();
        let e = entries(&w, &opts());
        let kinds: Vec<&str> = e.iter().map(|e| e.subject.as_str()).collect();
        assert_eq!(kinds, ["org", "secretary", "member", "member"]);
        let f = forms(&w, &e, &opts(), Locale::ZhCn);
        assert_eq!(f.pages.len(), 2);
        let four = &f.pages[0];
        assert_eq!(four.annex, "附件四");
        assert_eq!(four.fields[0].1, "江滨社区");
        let rows = &four.table.groups[0].rows;
        assert_eq!(
            rows[0],
            [
                "1",
                "第一支部",
                "李四",
                "党组织",
                "王芳",
                "2026.12.22",
                "",
                "扎实"
            ]
        );
        assert_eq!(rows[1][3], "书记");
        assert_eq!(rows[1][6], "优秀");
        let five = &f.pages[1];
        assert_eq!(five.annex, "附件五");
        assert_eq!(five.fields[0].1, "第一支部");
        assert_eq!(five.fields[1].1, "李四");
        let rows = &five.table.groups[0].rows;
        assert_eq!(rows[0][1], "张三");
        assert_eq!(rows[0][5], "按时", "by date");
        assert_eq!(rows[1][4], "良好");
    }

    #[test]
    fn machine_rows_carry_ids_names_and_english_words() {
        let w = ws();
        let e = entries(&w, &opts());
        let doc = machine(&w, &e, &opts());
        let r = &doc.tables[0].rows[1];
        assert_eq!(r[0], Cell::text("annex-4"));
        assert_eq!(r[1], Cell::text("secretary"));
        assert_eq!(r[2], Cell::text("ls"));
        assert_eq!(r[4], Cell::text("b1"));
        assert_eq!(r[6], Cell::text("wf"));
        assert_eq!(r[7], Cell::text("王芳"));
        assert_eq!(r[9], Cell::text("excellent"));
    }

    #[test]
    fn comments_after_the_as_of_date_are_left_out() {
        let w = ws();
        let o = Options {
            as_of: "2026-12-20".parse().unwrap(),
            ..opts()
        };
        let e = entries(&w, &o);
        let texts: Vec<&str> = e.iter().map(|e| e.comment.text.as_str()).collect();
        assert_eq!(texts, ["按时", "积极"]);
    }

    #[test]
    fn no_comment_still_gives_both_blank_registers() {
        let w = ws();
        let f = forms(&w, &[], &opts(), Locale::En);
        assert_eq!(f.pages.len(), 2);
        assert!(f.pages[1].table.groups[0].rows.is_empty());
        assert_eq!(f.pages[1].annex, "Annex 5");
    }
}
