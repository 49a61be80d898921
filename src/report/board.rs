//! Board (公开栏·六公开): per published post holder, the six things made public (SPEC §8):
//! name, post and duties, targets and commitments, progress, the latest period score and grade,
//! honours and rectification. One table per organization, so that print puts one organization
//! on each page. Only named public fields are read: nothing under `[private]` can appear.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::i18n::{Locale, t, tf};
use crate::model::{
    Commitment, Date, Evaluation, Holder, Item, ItemStatus, Member, OutcomeKind, Period,
    PeriodPart, Post, PostKind,
};
use crate::report::review::grade_label;
use crate::report::{Cell, Column, Document, Table};
use crate::review::period::{self, SubjectKind};
use crate::workspace::Workspace;

#[derive(Clone, Debug)]
pub struct Options {
    /// Subtree to show (default: the workspace root).
    pub org: Option<String>,
    pub as_of: Date,
}

/// Builds the report (pure).
pub fn build(ws: &Workspace, opts: &Options, locale: Locale) -> Document {
    let as_of = opts.as_of;
    let root = opts.org.as_deref().unwrap_or(&ws.settings.root);
    let half = Period::half_of(as_of);
    let quarter = latest_quarter(as_of);
    let root_name = ws.org(root).map_or(root, |o| o.name.as_str());

    let mut posts_of: HashMap<&str, Vec<&Post>> = HashMap::new();
    for p in &ws.posts {
        posts_of.entry(p.org.as_str()).or_default().push(&p.value);
    }
    for posts in posts_of.values_mut() {
        posts.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let letters: HashMap<&str, &Commitment> = ws
        .commitments
        .iter()
        .filter(|c| c.half == half)
        .map(|c| (c.committer.as_str(), &c.value))
        .collect();
    let outcomes = outcomes_by_member(&ws.evaluations, as_of, ws.settings.report.board_keep_days);
    let scores = latest_scores(ws, as_of, locale);

    let names = crate::report::names::Names::new(ws, locale);
    let mut tables = Vec::new();
    for org in ws.subtree(root) {
        let mut table = Table::new(&org.id, org.name.clone(), columns(locale));
        for post in posts_of.get(org.id.as_str()).into_iter().flatten() {
            for holder in &post.holders {
                let member = ws.member(&holder.member);
                if !on_board(post, holder, member, as_of) {
                    continue;
                }
                let ctx = RowContext {
                    name: names.of(&holder.member),
                    post,
                    holder,
                    letter: letters.get(holder.member.as_str()).copied(),
                    outcomes: outcomes.get(holder.member.as_str()),
                    score: scores.get(holder.member.as_str()),
                    as_of,
                    locale,
                };
                table.rows.push(ctx.row());
            }
        }
        if !table.rows.is_empty() {
            tables.push(table);
        }
    }
    if tables.is_empty() {
        tables.push(Table::new(root, root_name.to_string(), columns(locale)));
    }
    let mut doc = Document {
        title: t(locale, "report.board.title").to_string(),
        tables,
        report: "board".into(),
        ..Document::default()
    };
    doc.push_meta("as_of", t(locale, "report.meta.as-of"), Cell::Date(as_of.0));
    doc.push_meta(
        "half",
        t(locale, "report.meta.half"),
        Cell::text(half.to_string()),
    );
    doc.push_meta(
        "period",
        t(locale, "report.meta.period"),
        Cell::text(quarter.to_string()),
    );
    doc
}

/// The latest period score and grade of a member as of a date: the score of the latest quarter
/// ended on or before `as_of` (SPEC §6, the rounded period score), with its grade's name in the
/// workspace locale. It scores the whole quarter: a board asks `latest_scores` once instead.
pub fn latest_score(ws: &Workspace, member: &str, as_of: Date) -> Option<(Decimal, String)> {
    latest_scores(ws, as_of, ws.settings.locale)
        .remove(member)
        .map(|(score, grade, _)| (score, grade))
}

/// Score and grade name of every scored member for the latest quarter ended on or before
/// `as_of` (zh-CN: the grade's `name`, en: its `id`), and the reason of a veto.
pub fn latest_scores(
    ws: &Workspace,
    as_of: Date,
    locale: Locale,
) -> HashMap<String, (Decimal, String, Option<String>)> {
    let result = crate::review::district::compute_period_detail(
        ws,
        latest_quarter(as_of),
        period::Detail::Scores,
    );
    let grades = period::grade_table(&ws.settings.review, SubjectKind::Member);
    result
        .subjects
        .iter()
        .filter(|s| s.subject.kind == SubjectKind::Member)
        .map(|s| {
            let grade = grades
                .get(s.graded.grade)
                .map(|g| grade_label(g, locale))
                .unwrap_or_default();
            (s.subject.id.clone(), (s.score, grade, s.veto.clone()))
        })
        .collect()
}

/// The latest quarter that ended on or before `date`.
pub fn latest_quarter(date: Date) -> Period {
    let q = Period::quarter_of(date);
    if q.end() <= date { q } else { q.previous() }
}

fn columns(locale: Locale) -> Vec<Column> {
    [
        ("member", "report.board.member"),
        ("member_name", "report.board.member"),
        ("post", "report.board.post"),
        ("post_name", "report.board.post"),
        ("published", "report.board.published"),
        ("duties", "report.board.duties"),
        ("targets", "report.board.targets"),
        ("commitments", "report.board.commitments"),
        ("progress", "report.board.progress"),
        ("score", "report.board.score"),
        ("grade", "report.board.grade"),
        ("veto", "review.col.vetoed"),
        ("grade_text", "report.board.grade"),
        ("outcomes", "report.board.outcomes"),
    ]
    .into_iter()
    .map(|(key, label)| {
        let column = Column::new(key, t(locale, label));
        // Programs get the grade and the veto's reason apart; people read them as one:
        // `不合格（一票否决：…）`.
        match key {
            // Scripts get ids and names; people read names.
            "member" | "post" | "grade" | "veto" => column.machine_only(),
            "grade_text" => column.human_only(),
            _ => column,
        }
    })
    .collect()
}

/// Whether a holder is on the board on `as_of`: confirmed, published, not ended, still in the
/// workspace, and the post (if temporary) within its window.
fn on_board(post: &Post, holder: &Holder, member: Option<&Member>, as_of: Date) -> bool {
    let in_window = post.kind != PostKind::Temporary
        || (post.from.is_none_or(|f| f <= as_of) && post.until.is_none_or(|u| as_of <= u));
    holder.serving_on(as_of)
        && holder.published.is_some_and(|p| p <= as_of)
        && member.is_none_or(|m| m.present_on(as_of))
        && in_window
}

/// An outcome decided on a member's annual results, as shown on the board.
struct ShownOutcome {
    year: i32,
    kind: OutcomeKind,
    title: Option<String>,
    due: Option<Date>,
    verified: Option<Date>,
}

/// `[[outcome]]` rows of Y sheets held on or before `as_of` that are still on show: an honour
/// for a year after the decision (the sheet's date), a rectification until it is verified and
/// for `keep_days` after.
fn outcomes_by_member(
    sheets: &[crate::workspace::Rec<Evaluation>],
    as_of: Date,
    keep_days: u32,
) -> HashMap<&str, Vec<ShownOutcome>> {
    let mut out: HashMap<&str, Vec<ShownOutcome>> = HashMap::new();
    let mut sheets: Vec<&Evaluation> = sheets
        .iter()
        .map(|s| &s.value)
        .filter(|s| s.period.part == PeriodPart::Y && s.date <= as_of)
        .collect();
    sheets.sort_by(|a, b| (b.period.year, &a.org).cmp(&(a.period.year, &b.org)));
    for sheet in sheets {
        for o in &sheet.outcomes {
            let verified = o.verified.filter(|v| *v <= as_of);
            if !on_show(o.kind, sheet.date, verified, as_of, keep_days) {
                continue;
            }
            out.entry(o.member.as_str())
                .or_default()
                .push(ShownOutcome {
                    year: sheet.period.year,
                    kind: o.kind,
                    title: o.title.clone(),
                    due: o.due,
                    verified,
                });
        }
    }
    out
}

/// Whether an outcome decided on `decided` is still on the board on `as_of`.
fn on_show(
    kind: OutcomeKind,
    decided: Date,
    verified: Option<Date>,
    as_of: Date,
    keep_days: u32,
) -> bool {
    match kind {
        OutcomeKind::Honour => decided
            .0
            .checked_add_months(chrono::Months::new(12))
            .is_none_or(|until| as_of.0 <= until),
        OutcomeKind::Rectify => verified.is_none_or(|v| {
            v.0.checked_add_days(chrono::Days::new(u64::from(keep_days)))
                .is_none_or(|until| as_of.0 <= until)
        }),
    }
}

struct RowContext<'a> {
    /// The holder's name as printed (the id added when two share the name).
    name: String,
    post: &'a Post,
    holder: &'a Holder,
    letter: Option<&'a Commitment>,
    outcomes: Option<&'a Vec<ShownOutcome>>,
    score: Option<&'a (Decimal, String, Option<String>)>,
    as_of: Date,
    locale: Locale,
}

impl RowContext<'_> {
    fn row(&self) -> Vec<Cell> {
        let locale = self.locale;
        let targets: Vec<String> = self.post.targets.iter().map(|t| t.text.clone()).collect();
        let items: Vec<&Item> = self
            .letter
            .map(|l| l.items.iter().collect())
            .unwrap_or_default();
        let commitments: Vec<String> = items.iter().map(|i| i.text.clone()).collect();

        let mut progress = Vec::new();
        if let Some(log) = self.latest_log() {
            progress.push(tf(
                locale,
                "report.board.latest-log",
                &[("date", &log.0), ("text", &log.1)],
            ));
        }
        for (n, item) in items.iter().enumerate() {
            let state = self.item_state(item);
            progress.push(if items.len() == 1 {
                tf(
                    locale,
                    "report.board.item-progress-one",
                    &[("state", &state)],
                )
            } else {
                tf(
                    locale,
                    "report.board.item-progress",
                    &[("n", &(n + 1)), ("state", &state)],
                )
            });
        }

        let (score, grade, veto, grade_text) = match self.score {
            Some((s, g, veto)) => {
                let text = match veto {
                    Some(reason) => tf(
                        locale,
                        "report.board.vetoed",
                        &[("grade", g), ("reason", reason)],
                    ),
                    None => g.clone(),
                };
                (
                    Cell::Num(*s),
                    Cell::text(g),
                    Cell::opt_text(veto.as_deref()),
                    Cell::text(text),
                )
            }
            None => (Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty),
        };
        let outcomes: Vec<String> = self
            .outcomes
            .into_iter()
            .flatten()
            .map(|o| self.outcome_text(o))
            .collect();
        vec![
            Cell::text(self.holder.member.as_str()),
            Cell::text(&self.name),
            Cell::text(self.post.id.as_str()),
            Cell::text(&self.post.name),
            Cell::opt_date(self.holder.published),
            list(&self.post.duties),
            list(&targets),
            list(&commitments),
            Cell::lines(&progress),
            score,
            grade,
            veto,
            grade_text,
            Cell::lines(&outcomes),
        ]
    }

    /// Date and text of the holder's latest log entry on this post, dated on or before as_of.
    fn latest_log(&self) -> Option<(Date, String)> {
        let mut best: Option<&crate::model::LogEntry> = None;
        for e in self
            .post
            .logs
            .iter()
            .filter(|e| e.member == self.holder.member && e.date <= self.as_of)
        {
            if best.is_none_or(|b| e.date >= b.date) {
                best = Some(e);
            }
        }
        best.map(|e| (e.date, e.text.clone()))
    }

    /// `2/3户，进行中` for an item with a target, else its status.
    fn item_state(&self, item: &Item) -> String {
        let status = item.status_on(self.as_of);
        let label = status.label(self.locale);
        match item.target {
            Some(target) if status != ItemStatus::Fulfilled => {
                let value = item
                    .progress_on(self.as_of)
                    .and_then(|p| p.value)
                    .unwrap_or_default();
                tf(
                    self.locale,
                    "report.board.item-value",
                    &[
                        ("value", &value),
                        ("target", &target),
                        ("unit", &item.unit.as_deref().unwrap_or("")),
                        ("status", &label),
                    ],
                )
            }
            _ => label.to_string(),
        }
    }

    fn outcome_text(&self, o: &ShownOutcome) -> String {
        let locale = self.locale;
        match o.kind {
            OutcomeKind::Honour => tf(
                locale,
                "report.board.honour",
                &[
                    ("year", &o.year),
                    (
                        "title",
                        &o.title
                            .as_deref()
                            .unwrap_or(OutcomeKind::Honour.label(locale)),
                    ),
                ],
            ),
            OutcomeKind::Rectify => {
                let mut s = match o.due {
                    Some(due) => tf(
                        locale,
                        "report.board.rectify-due",
                        &[("year", &o.year), ("due", &due)],
                    ),
                    None => tf(locale, "report.board.rectify", &[("year", &o.year)]),
                };
                if let Some(v) = o.verified {
                    s.push_str(&tf(locale, "report.board.verified", &[("date", &v)]));
                }
                s
            }
        }
    }
}

/// Several entries in one cell, numbered when there is more than one.
fn list(items: &[String]) -> Cell {
    match items {
        [] => Cell::Empty,
        [one] => Cell::text(one),
        many => Cell::text(
            many.iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{Rec, Records};

    fn rec<T: serde::de::DeserializeOwned>(text: &str) -> Rec<T> {
        Rec {
            path: String::new(),
            value: toml::from_str(text).unwrap(),
        }
    }

    fn workspace(posts: &[&str]) -> Workspace {
        let settings =
            rec("format = 1\nname = \"t\"\nroot = \"a\"\nyear = 2026\nsector = \"community\"\n");
        let records = Records {
            orgs: vec![
                rec("id = \"a\"\nname = \"甲\"\nkind = \"committee\"\nsector = \"community\"\n"),
                rec(
                    "id = \"b\"\nname = \"乙\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"a\"\n",
                ),
            ],
            members: vec![
                rec(
                    "id = \"m\"\nname = \"张三\"\norg = \"b\"\nstatus = \"full\"\noffice = \"none\"\n[private]\nphone = \"139\"\n",
                ),
                rec(
                    "id = \"gone\"\nname = \"离开\"\norg = \"b\"\nstatus = \"full\"\noffice = \"none\"\nleft = 2026-05-01\n",
                ),
            ],
            posts: posts.iter().map(|p| rec(p)).collect(),
            ..Records::default()
        };
        Workspace::new(settings, records)
    }

    const POST: &str =
        "id = \"p\"\nname = \"岗\"\norg = \"b\"\nkind = \"standing\"\nduties = [\"d\"]\n";

    fn names(doc: &Document) -> Vec<String> {
        doc.tables
            .iter()
            .flat_map(|t| t.rows.iter().map(|r| r[1].display()))
            .collect()
    }

    fn board(ws: &Workspace, as_of: Date) -> Document {
        let opts = Options { org: None, as_of };
        build(ws, &opts, Locale::ZhCn)
    }

    #[test]
    fn only_confirmed_published_serving_present_holders() {
        let post = format!(
            "{POST}[[holder]]\nmember = \"m\"\nconfirmed = 2026-01-02\npublished = 2026-01-05\nended = 2026-06-30\n\
             [[holder]]\nmember = \"gone\"\nconfirmed = 2026-01-02\npublished = 2026-01-05\n"
        );
        let ws = workspace(&[&post]);
        assert_eq!(
            names(&board(&ws, Date::ymd(2026, 1, 4))),
            Vec::<String>::new()
        );
        assert_eq!(names(&board(&ws, Date::ymd(2026, 1, 5))), ["张三", "离开"]);
        assert_eq!(names(&board(&ws, Date::ymd(2026, 6, 30))), ["张三"]);
        let later = board(&ws, Date::ymd(2026, 7, 1));
        assert_eq!(names(&later), Vec::<String>::new());
        assert_eq!(
            later.tables.len(),
            1,
            "an empty board keeps one table for its header"
        );
        assert_eq!(later.tables[0].id, "a");
    }

    #[test]
    fn temporary_posts_show_inside_their_window_only() {
        let post = "id = \"t\"\nname = \"临时岗\"\norg = \"b\"\nkind = \"temporary\"\nfrom = 2026-06-18\n\
                    until = 2026-07-31\nduties = [\"d\"]\n\
                    [[holder]]\nmember = \"m\"\nconfirmed = 2026-06-18\npublished = 2026-06-18\n";
        let ws = workspace(&[post]);
        assert_eq!(names(&board(&ws, Date::ymd(2026, 7, 31))), ["张三"]);
        assert_eq!(
            names(&board(&ws, Date::ymd(2026, 8, 1))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn private_values_are_never_read() {
        let post = format!(
            "{POST}[[holder]]\nmember = \"m\"\nconfirmed = 2026-01-02\npublished = 2026-01-05\n"
        );
        let ws = workspace(&[&post]);
        let doc = board(&ws, Date::ymd(2026, 3, 1));
        let all = serde_json::to_string(&doc).unwrap();
        assert!(all.contains("张三"));
        assert!(!all.contains("139"), "{all}");
    }

    #[test]
    fn latest_quarter_is_the_last_one_ended() {
        assert_eq!(
            latest_quarter(Date::ymd(2026, 11, 20)),
            Period::quarter(2026, 3)
        );
        assert_eq!(
            latest_quarter(Date::ymd(2026, 12, 31)),
            Period::quarter(2026, 4)
        );
        assert_eq!(
            latest_quarter(Date::ymd(2026, 2, 1)),
            Period::quarter(2025, 4)
        );
    }

    #[test]
    fn lists_are_numbered_only_when_long() {
        assert_eq!(list(&[]), Cell::Empty);
        assert_eq!(list(&["a".into()]), Cell::text("a"));
        assert_eq!(list(&["a".into(), "b".into()]), Cell::text("1. a\n2. b"));
    }
}
