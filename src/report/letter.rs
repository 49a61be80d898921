//! The commitment letter as the form of seed 004 (承诺书: 附件一 for a member, 附件二 for an
//! organization), one page per committer: heading, committer and organization, the pledge,
//! the items grouped by the six categories with measure, target and due, signature, date and
//! publicity lines. Pure: records in, `Forms` (printed formats) or a `Document` of ids, names
//! and canonical words (machine formats) out.

use std::collections::HashMap;

use crate::i18n::{Locale, t, tf};
use crate::model::{Category, Commitment, Date, Item, Org, Period, PeriodPart};
use crate::report::form::{FormGroup, FormPage, FormTable, Forms};
use crate::report::table::fmt_decimal;
use crate::report::{Cell, Column, Document, Table};
use crate::workspace::{Rec, Workspace};

#[derive(Clone, Debug)]
pub struct Options {
    /// Only letters of committers in this organization's subtree.
    pub org: Option<String>,
    /// Half-year of the letters (default: the half containing `as_of`).
    pub half: Option<Period>,
    /// Only the letter of this member or organization.
    pub committer: Option<String>,
    pub as_of: Date,
}

/// One letter with what its form needs to know about the committer.
#[derive(Clone, Copy, Debug)]
pub struct Letter<'a> {
    pub letter: &'a Commitment,
    /// The member's organization, or the committing organization itself.
    pub org: Option<&'a Org>,
    /// Whether the committer is an organization (附件二).
    pub is_org: bool,
}

/// The half-year shown.
pub fn half(opts: &Options) -> Period {
    opts.half.unwrap_or_else(|| Period::half_of(opts.as_of))
}

/// The letters of the half-year in the scope, organizations in tree order (each organization's
/// own letter before its members'), members by id.
pub fn letters<'a>(ws: &'a Workspace, opts: &Options) -> Vec<Letter<'a>> {
    let half = half(opts);
    let order = tree_order(ws);
    let mut out: Vec<Letter<'a>> = ws
        .commitments
        .iter()
        .filter(|c| c.half == half)
        .filter(|c| opts.committer.as_ref().is_none_or(|id| c.committer == id))
        .map(|c: &'a Rec<Commitment>| {
            let letter = &c.value;
            let is_org =
                ws.member(&letter.committer).is_none() && ws.org(&letter.committer).is_some();
            let org = match ws.member(&letter.committer) {
                Some(m) => ws.org(&m.org),
                None => ws.org(&letter.committer),
            };
            Letter {
                letter,
                org,
                is_org,
            }
        })
        .filter(|l| match &opts.org {
            None => true,
            Some(scope) => l.org.is_some_and(|o| ws.is_within(&o.id, scope)),
        })
        .collect();
    out.sort_by_key(|l| {
        let pos = l
            .org
            .and_then(|o| order.get(o.id.as_str()).copied())
            .unwrap_or(usize::MAX);
        (pos, !l.is_org, l.letter.committer.clone())
    });
    out
}

/// The printed forms, one page per letter, in the locale; people and organizations by name.
pub fn forms(ws: &Workspace, letters: &[Letter], half: Period, locale: Locale) -> Forms {
    Forms {
        title: format!("{}{}", t(locale, "letter.title"), half_words(half, locale)),
        pages: letters.iter().map(|l| page(ws, l, locale)).collect(),
    }
}

/// The letters for scripts: a `letters` table and an `items` table with ids and names,
/// canonical English words and ISO dates, whatever the locale.
pub fn machine(ws: &Workspace, letters: &[Letter], opts: &Options) -> Document {
    let mut head = Table::new(
        "letters",
        "letters",
        cols(&[
            "committer",
            "committer_name",
            "committer_kind",
            "form",
            "org",
            "org_name",
            "secretary",
            "secretary_name",
            "half",
            "signed",
            "published",
            "items",
        ]),
    );
    let mut items = Table::new(
        "items",
        "items",
        cols(&[
            "committer",
            "committer_name",
            "item",
            "no",
            "category",
            "type",
            "text",
            "measure",
            "target",
            "unit",
            "due",
        ]),
    );
    for l in letters {
        let c = l.letter;
        let secretary = l
            .is_org
            .then(|| l.org.and_then(|o| o.secretary.as_deref()))
            .flatten();
        head.rows.push(vec![
            Cell::text(c.committer.as_str()),
            Cell::text(ws.name_of(&c.committer)),
            Cell::text(if l.is_org { "org" } else { "member" }),
            Cell::text(if l.is_org { "annex-2" } else { "annex-1" }),
            Cell::opt_text(l.org.map(|o| o.id.as_str())),
            Cell::opt_text(l.org.map(|o| o.name.as_str())),
            Cell::opt_text(secretary),
            Cell::opt_text(secretary.map(|s| ws.name_of(s))),
            Cell::text(c.half.to_string()),
            Cell::opt_date(c.signed),
            Cell::opt_date(c.published),
            Cell::Int(c.items.len() as i64),
        ]);
        for (no, item) in numbered(c) {
            items.rows.push(vec![
                Cell::text(c.committer.as_str()),
                Cell::text(ws.name_of(&c.committer)),
                Cell::text(item.id.as_str()),
                Cell::Int(no as i64),
                Cell::text(item.category.as_str()),
                Cell::text(item.kind.as_str()),
                Cell::text(&item.text),
                Cell::opt_text(item.measure.as_deref()),
                item.target.map_or(Cell::Empty, |v| Cell::num(v.0)),
                Cell::opt_text(item.unit.as_deref()),
                Cell::opt_date(item.due),
            ]);
        }
    }
    let mut meta = vec![
        ("half".to_string(), half(opts).to_string()),
        ("as_of".to_string(), opts.as_of.to_string()),
    ];
    if let Some(org) = &opts.org {
        meta.push(("org".into(), org.clone()));
    }
    Document {
        title: "letter".into(),
        meta,
        tables: vec![head, items],
        ..Document::default()
    }
}

/// A half-year as printed under a form's title: `（2026 年下半年）`.
pub fn half_words(half: Period, locale: Locale) -> String {
    let key = match half.part {
        PeriodPart::H(1) => "form.half.1",
        PeriodPart::H(_) => "form.half.2",
        _ => return format!("（{half}）"),
    };
    tf(locale, key, &[("year", &half.year)])
}

/// A date as printed on a form (`2026 年 7 月 9 日`), or the blank to write one in.
pub fn date_words(date: Option<Date>, locale: Locale) -> String {
    match date {
        None => t(locale, "form.date.blank").to_string(),
        Some(d) => {
            use chrono::Datelike;
            let d = d.0;
            match locale {
                Locale::ZhCn => tf(
                    locale,
                    "form.date",
                    &[("y", &d.year()), ("m", &d.month()), ("d", &d.day())],
                ),
                Locale::En => d.format("%Y-%m-%d").to_string(),
            }
        }
    }
}

/// A date in a table cell: `2026.7.9` in Chinese forms, ISO in English ones.
pub fn short_date(date: Date, locale: Locale) -> String {
    use chrono::Datelike;
    match locale {
        Locale::ZhCn => format!("{}.{}.{}", date.0.year(), date.0.month(), date.0.day()),
        Locale::En => date.to_string(),
    }
}

/// Organizations depth first from every root, each root's tree in load order.
pub(crate) fn tree_order(ws: &Workspace) -> HashMap<&str, usize> {
    let mut order = HashMap::new();
    for root in ws
        .orgs
        .iter()
        .filter(|o| o.parent.as_deref().is_none_or(|p| ws.org(p).is_none()))
    {
        for o in ws.subtree(&root.id) {
            let n = order.len();
            order.entry(o.id.as_str()).or_insert(n);
        }
    }
    for o in &ws.orgs {
        let n = order.len();
        order.entry(o.id.as_str()).or_insert(n);
    }
    order
}

/// The items of a letter in printed order (by category, then file order) with their numbers.
fn numbered(letter: &Commitment) -> Vec<(usize, &Item)> {
    let mut items: Vec<&Item> = letter.items.iter().collect();
    items.sort_by_key(|i| i.category);
    items
        .into_iter()
        .enumerate()
        .map(|(i, it)| (i + 1, it))
        .collect()
}

fn page(ws: &Workspace, l: &Letter, locale: Locale) -> FormPage {
    let c = l.letter;
    let org_name = l.org.map_or("", |o| o.name.as_str());
    let (annex, heading, fields, lead, sign) = if l.is_org {
        let secretary = l
            .org
            .and_then(|o| o.secretary.as_deref())
            .map_or("", |s| ws.name_of(s));
        let parent = l
            .org
            .and_then(|o| o.parent.as_deref())
            .map_or("", |p| ws.name_of(p));
        let mut fields = vec![
            (
                t(locale, "letter.field.unit").to_string(),
                org_name.to_string(),
            ),
            (
                t(locale, "letter.field.secretary").to_string(),
                secretary.to_string(),
            ),
        ];
        if !parent.is_empty() {
            fields.push((
                t(locale, "letter.field.parent").to_string(),
                parent.to_string(),
            ));
        }
        (
            "letter.annex.org",
            "letter.heading.org",
            fields,
            "letter.lead.org",
            "letter.sign.org",
        )
    } else {
        (
            "letter.annex.member",
            "letter.heading.member",
            vec![
                (
                    t(locale, "letter.field.committer").to_string(),
                    ws.name_of(&c.committer).to_string(),
                ),
                (
                    t(locale, "letter.field.org").to_string(),
                    org_name.to_string(),
                ),
            ],
            "letter.lead.member",
            "letter.sign.member",
        )
    };
    let mut groups: Vec<FormGroup> = Category::ALL
        .iter()
        .filter(|cat| **cat != Category::Other)
        .map(|cat| FormGroup {
            label: cat.label(locale).to_string(),
            rows: Vec::new(),
        })
        .collect();
    let mut other = FormGroup {
        label: Category::Other.label(locale).to_string(),
        rows: Vec::new(),
    };
    for (no, item) in numbered(c) {
        let cells = row(no, item, locale);
        match Category::ALL.iter().position(|cat| *cat == item.category) {
            Some(at) if at < groups.len() => groups[at].rows.push(cells),
            _ => other.rows.push(cells),
        }
    }
    if !other.rows.is_empty() {
        groups.push(other);
    }
    let mut sign_line = vec![(t(locale, sign).to_string(), String::new())];
    let date = (
        t(locale, "letter.date").to_string(),
        date_words(c.signed, locale),
    );
    let mut footer = Vec::new();
    if l.is_org {
        // The seal goes beside the signature; the date gets its own line.
        sign_line.push((t(locale, "letter.seal").to_string(), " ".to_string()));
        footer.push(sign_line);
        footer.push(vec![date]);
    } else {
        sign_line.push(date);
        footer.push(sign_line);
    }
    let mut publicity = vec![(
        t(locale, "letter.publicity").to_string(),
        t(locale, "letter.publicity.ways").to_string(),
    )];
    publicity.push((
        t(locale, "letter.published").to_string(),
        date_words(c.published, locale),
    ));
    footer.push(publicity);
    FormPage {
        annex: t(locale, annex).to_string(),
        title: t(locale, heading).to_string(),
        subtitle: half_words(c.half, locale),
        fields,
        lead: Some(t(locale, lead).to_string()),
        table: FormTable {
            group_header: Some(t(locale, "letter.col.category").to_string()),
            columns: vec![
                (t(locale, "letter.col.no").to_string(), 11),
                (t(locale, "letter.col.text").to_string(), 45),
                (t(locale, "letter.col.type").to_string(), 20),
                (t(locale, "letter.col.measure").to_string(), 34),
                (t(locale, "letter.col.target").to_string(), 16),
                (t(locale, "letter.col.due").to_string(), 24),
            ],
            groups,
        },
        footer,
    }
}

fn row(no: usize, item: &Item, locale: Locale) -> Vec<String> {
    let target = match (&item.target, &item.unit) {
        (Some(v), Some(u)) => format!("{} {u}", fmt_decimal(v.0)),
        (Some(v), None) => fmt_decimal(v.0),
        (None, _) => String::new(),
    };
    vec![
        no.to_string(),
        item.text.clone(),
        item.kind.label(locale).to_string(),
        item.measure.clone().unwrap_or_default(),
        target,
        item.due.map_or_else(String::new, |d| short_date(d, locale)),
    ]
}

fn cols(keys: &[&str]) -> Vec<Column> {
    keys.iter().map(|k| Column::new(k, *k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::form;

    fn ws() -> Workspace {
        let mut files = vec![
            (
                "dangjian.toml",
                "format = 1\nname = \"x\"\nroot = \"top\"\nyear = 2026\nlocale = \"zh-CN\"\nsector = \"community\"\n",
            ),
            (
                "orgs/x.toml",
                "id = \"top\"\nname = \"江滨社区党委\"\nkind = \"committee\"\nsector = \"community\"\n",
            ),
        ];
        files.extend(form::fixture::BRANCH);
        files.extend([
            (
                "commitments/2026-H2/x.toml",
                "committer = \"zs\"\nhalf = \"2026-H2\"\nsigned = 2026-07-09\n[[item]]\nid = \"c1\"\ncategory = \"integrity\"\ntype = \"service\"\ntext = \"不收礼\"\n[[item]]\nid = \"c2\"\ncategory = \"politics\"\ntype = \"concrete\"\ntext = \"学党章\"\ntarget = 6\nunit = \"次\"\ndue = 2026-12-31\n[[item]]\nid = \"c3\"\ncategory = \"other\"\ntype = \"concrete\"\ntext = \"种树\"\n",
            ),
            (
                "commitments/2026-H2/x.toml",
                "committer = \"b1\"\nhalf = \"2026-H2\"\n[[item]]\nid = \"c1\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"办实事\"\n",
            ),
            (
                "commitments/2026-H2/x.toml",
                "committer = \"zs\"\nhalf = \"2026-H1\"\n",
            ),
        ]);
        crate::review::fixture::workspace("", &files)
    }

    fn opts(org: Option<&str>, committer: Option<&str>) -> Options {
        Options {
            org: org.map(str::to_string),
            half: None,
            committer: committer.map(str::to_string),
            as_of: "2026-11-20".parse().unwrap(),
        }
    }

    #[test]
    fn one_page_per_letter_org_first_items_grouped_by_category() {
        let w = ws();
        let o = opts(None, None);
        let ls = letters(&w, &o);
        let f = forms(&w, &ls, half(&o), Locale::ZhCn);
        assert_eq!(f.pages.len(), 2, "only the letters of the half");
        let org = &f.pages[0];
        assert_eq!(org.annex, "附件二");
        assert_eq!(org.fields[0].1, "第一支部");
        assert_eq!(org.fields[1].1, "李四", "the secretary by name");
        assert_eq!(org.fields[2].1, "江滨社区党委");
        let m = &f.pages[1];
        assert_eq!(m.annex, "附件一");
        assert_eq!(m.subtitle, "（2026 年下半年）");
        assert_eq!(m.fields[0].1, "张三");
        let labels: Vec<&str> = m.table.groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "思想政治",
                "履行岗位职责",
                "服务经济发展",
                "结对帮带帮扶",
                "廉政建设",
                "参加组织生活",
                "其他"
            ]
        );
        assert_eq!(
            m.table.groups[0].rows[0],
            ["1", "学党章", "实事承诺", "", "6 次", "2026.12.31"]
        );
        assert_eq!(m.table.groups[4].rows[0][1], "不收礼");
        assert_eq!(m.table.groups[6].rows[0][0], "3");
        assert_eq!(m.footer[0][1].1, "2026 年 7 月 9 日");
        assert_eq!(
            m.footer[1][1].1, "　　　　年　　月　　日",
            "not yet published"
        );
    }

    #[test]
    fn scope_by_org_and_committer() {
        let w = ws();
        assert_eq!(letters(&w, &opts(Some("b1"), None)).len(), 2);
        let one = letters(&w, &opts(None, Some("zs")));
        assert_eq!(one.len(), 1);
        assert!(!one[0].is_org);
        let h1 = Options {
            half: Some("2026-H1".parse().unwrap()),
            ..opts(None, None)
        };
        assert_eq!(letters(&w, &h1).len(), 1);
    }

    #[test]
    fn machine_tables_use_ids_names_and_english_words() {
        let w = ws();
        let o = opts(None, None);
        let doc = machine(&w, &letters(&w, &o), &o);
        let head = &doc.tables[0];
        assert_eq!(head.rows[0][2], Cell::text("org"));
        assert_eq!(head.rows[0][6], Cell::text("ls"));
        assert_eq!(head.rows[0][7], Cell::text("李四"));
        assert_eq!(head.rows[1][1], Cell::text("张三"));
        let items = &doc.tables[1];
        assert_eq!(items.rows.len(), 4);
        assert_eq!(items.rows[1][4], Cell::text("politics"));
        assert_eq!(items.rows[1][5], Cell::text("concrete"));
        assert_eq!(doc.meta[0], ("half".to_string(), "2026-H2".to_string()));
    }
}
