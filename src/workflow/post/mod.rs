//! The post process (设岗定责): eligibility, capacity, windows and the steps of SPEC §4 as pure
//! functions. Each step takes the records it needs and returns the edit to make to the post, or
//! every reason it is refused; the commands apply the edit through the write path.

use crate::diag::Context;
use crate::diag::Diagnostic;
use crate::i18n::{Locale, t, tf};
use crate::model::{
    Date, Holder, LogEntry, Member, MemberStatus, Num, Office, OfficeRule, Post, PostKind, Scope,
};
use crate::workspace::Workspace;

mod refusal;

pub use refusal::Refusal;

/// A member with where they stand in the organization tree, as the eligibility rules need it.
#[derive(Clone, Copy, Debug)]
pub struct Candidate<'a> {
    pub member: &'a Member,
    /// The member's `org` and its ancestors, nearest first.
    pub org_chain: &'a [String],
    /// The member's `lives_in` and its ancestors, nearest first; empty without `lives_in`.
    pub lives_chain: &'a [String],
}

/// A step of the post process that records a date on a holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Claimed,
    Confirmed,
    Published,
    Ended,
}

impl Step {
    pub fn key(self) -> &'static str {
        match self {
            Step::Claimed => "claimed",
            Step::Confirmed => "confirmed",
            Step::Published => "published",
            Step::Ended => "ended",
        }
    }
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Step::Claimed => t(locale, "post.step.claimed"),
            Step::Confirmed => t(locale, "post.step.confirmed"),
            Step::Published => t(locale, "post.step.published"),
            Step::Ended => t(locale, "post.step.ended"),
        }
    }
}

/// How a member is named in messages: `张三 (zhangsan)`.
pub fn who(member: &Member) -> String {
    format!("{} ({})", member.name, member.id)
}

/// Every way the member fails the post's `[eligible]` rules (status, office, scope).
pub fn eligibility(post: &Post, c: &Candidate) -> Vec<Refusal> {
    let rules = post.eligible();
    let m = c.member;
    let mut out = Vec::new();
    if !rules.status.contains(&m.status) {
        out.push(Refusal::Status {
            member: who(m),
            status: m.status,
            allowed: rules.status.clone(),
        });
    }
    if rules.office == OfficeRule::None && m.office != Office::None {
        out.push(Refusal::Office { member: who(m) });
    }
    if !in_scope(&post.org, rules.scope, c) {
        out.push(Refusal::Scope {
            member: who(m),
            org: m.org.to_string(),
            post_org: post.org.to_string(),
            scope: rules.scope,
        });
    }
    out
}

/// Whether the member falls in the post's scope: `org` — the member's organization is the
/// post's or below it; `area` — that, or the member lives in it or below it; `any`.
pub fn in_scope(post_org: &str, scope: Scope, c: &Candidate) -> bool {
    let within = |chain: &[String]| chain.iter().any(|o| o == post_org);
    match scope {
        Scope::Any => true,
        Scope::Org => within(c.org_chain),
        Scope::Area => within(c.org_chain) || within(c.lives_chain),
    }
}

/// Whether `date` lies in the post's active window (always, for a standing post).
pub fn in_window(post: &Post, date: Date) -> bool {
    match post.kind {
        PostKind::Standing => true,
        PostKind::Temporary => {
            post.from.is_none_or(|f| f <= date) && post.until.is_none_or(|u| date <= u)
        }
    }
}

/// Members serving (confirmed and not ended) on `date`, in file order.
pub fn serving_on(post: &Post, date: Date) -> Vec<&Holder> {
    post.holders.iter().filter(|h| h.serving_on(date)).collect()
}

/// Free places on `date`: `None` when the post has no capacity.
pub fn vacancies_on(post: &Post, date: Date) -> Option<u32> {
    let serving = u32::try_from(serving_on(post, date).len()).unwrap_or(u32::MAX);
    post.capacity.map(|c| c.saturating_sub(serving))
}

/// Whether confirming one more holder from `date` on (open-ended) keeps every day within
/// `capacity`; otherwise the first full day and who holds the places. `except` is a holder
/// index not to count (the holder being confirmed).
pub fn capacity_check(post: &Post, date: Date, except: Option<usize>) -> Option<Refusal> {
    let capacity = post.capacity?;
    let mut days: Vec<Date> = vec![date];
    days.extend(
        post.holders
            .iter()
            .filter_map(|h| h.confirmed)
            .filter(|c| *c > date),
    );
    days.sort();
    days.dedup();
    for day in days {
        let holders: Vec<String> = post
            .holders
            .iter()
            .enumerate()
            .filter(|(i, h)| Some(*i) != except && h.occupies_on(day))
            .map(|(_, h)| h.member.to_string())
            .collect();
        if holders.len() >= capacity as usize {
            return Some(Refusal::CapacityFull {
                capacity,
                date: day,
                holders,
            });
        }
    }
    None
}

/// The index of the member's open holder entry (not ended), the last one if several.
pub fn open_holder(post: &Post, member: &str) -> Option<usize> {
    post.holders
        .iter()
        .rposition(|h| h.member == member && h.ended.is_none())
}

/// A value to set on a holder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Date(Date),
    Text(String),
}

/// An edit of the holder list: set fields on holder `index`, or append a new holder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolderEdit {
    /// `None`: append a new `[[holder]]` for `member`.
    pub index: Option<usize>,
    pub member: String,
    /// Keys and values in the order they are written.
    pub set: Vec<(&'static str, Field)>,
}

impl HolderEdit {
    /// Applies the edit to a post (the model twin of the TOML edit the command makes).
    pub fn apply(&self, post: &mut Post) {
        let i = match self.index {
            Some(i) if i < post.holders.len() => i,
            _ => {
                post.holders.push(Holder {
                    member: self.member.clone().into(),
                    claimed: None,
                    confirmed: None,
                    published: None,
                    ended: None,
                    end_reason: None,
                });
                post.holders.len() - 1
            }
        };
        let h = &mut post.holders[i];
        for (key, value) in &self.set {
            match (*key, value) {
                ("claimed", Field::Date(d)) => h.claimed = Some(*d),
                ("confirmed", Field::Date(d)) => h.confirmed = Some(*d),
                ("published", Field::Date(d)) => h.published = Some(*d),
                ("ended", Field::Date(d)) => h.ended = Some(*d),
                ("end_reason", Field::Text(s)) => h.end_reason = Some(s.clone()),
                _ => {}
            }
        }
    }
}

fn left_refusal(m: &Member) -> Option<Refusal> {
    m.left.map(|left| Refusal::MemberLeft {
        member: who(m),
        left,
    })
}

/// A claim and the eligibility problems that `assign` will refuse (shown as notes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub edit: HolderEdit,
    pub notes: Vec<Refusal>,
}

/// 认岗: adds a holder with `claimed`. Refused when the member left, already holds or claimed
/// the post, or the temporary post's window is over. Eligibility problems are notes: the branch
/// decides at 定岗.
pub fn claim(post: &Post, c: &Candidate, date: Date) -> Result<Claim, Vec<Refusal>> {
    let m = c.member;
    let mut refusals = Vec::new();
    refusals.extend(left_refusal(m));
    if let Some(i) = open_holder(post, &m.id) {
        let h = &post.holders[i];
        refusals.push(match h.confirmed {
            Some(confirmed) => Refusal::AlreadyConfirmed {
                member: who(m),
                confirmed,
            },
            None => Refusal::AlreadyClaimed {
                member: who(m),
                claimed: h.claimed,
            },
        });
    }
    if post.kind == PostKind::Temporary && post.until.is_some_and(|u| date > u) {
        refusals.push(Refusal::WindowClosed {
            date,
            from: post.from,
            until: post.until,
        });
    }
    if !refusals.is_empty() {
        return Err(refusals);
    }
    Ok(Claim {
        edit: HolderEdit {
            index: None,
            member: m.id.to_string(),
            set: vec![("claimed", Field::Date(date))],
        },
        notes: eligibility(post, c),
    })
}

/// 定岗: sets `confirmed` (and `claimed` when absent) after the eligibility, capacity, window
/// and member-left checks; every failing check is a reason.
pub fn assign(post: &Post, c: &Candidate, date: Date) -> Result<HolderEdit, Vec<Refusal>> {
    let m = c.member;
    let mut refusals = Vec::new();
    refusals.extend(left_refusal(m));
    refusals.extend(eligibility(post, c));
    let open = open_holder(post, &m.id);
    let mut set = Vec::new();
    match open.map(|i| &post.holders[i]) {
        Some(h) => {
            if let Some(confirmed) = h.confirmed {
                refusals.push(Refusal::AlreadyConfirmed {
                    member: who(m),
                    confirmed,
                });
            }
            match h.claimed {
                Some(claimed) if claimed > date => refusals.push(Refusal::DateOrder {
                    member: who(m),
                    step: Step::Claimed,
                    earlier: claimed,
                    date,
                }),
                Some(_) => {}
                None => set.push(("claimed", Field::Date(date))),
            }
        }
        None => set.push(("claimed", Field::Date(date))),
    }
    if !in_window(post, date) {
        refusals.push(Refusal::WindowClosed {
            date,
            from: post.from,
            until: post.until,
        });
    }
    refusals.extend(capacity_check(post, date, open));
    if !refusals.is_empty() {
        return Err(refusals);
    }
    set.push(("confirmed", Field::Date(date)));
    Ok(HolderEdit {
        index: open,
        member: m.id.to_string(),
        set,
    })
}

/// 明岗: the holders serving on `date` (confirmed, not ended) that are not yet published, each
/// to get `published`.
pub fn publish(post: &Post, date: Date) -> Vec<HolderEdit> {
    post.holders
        .iter()
        .enumerate()
        .filter(|(_, h)| h.published.is_none() && h.serving_on(date))
        .map(|(i, h)| HolderEdit {
            index: Some(i),
            member: h.member.to_string(),
            set: vec![("published", Field::Date(date))],
        })
        .collect()
}

/// 履岗: the log entry to append, refused unless the member was serving on `date` and had not
/// left, with a non-empty text and non-negative hours.
pub fn log(
    post: &Post,
    member: &Member,
    date: Date,
    text: &str,
    hours: Option<Num>,
) -> Result<LogEntry, Vec<Refusal>> {
    let mut refusals = Vec::new();
    if let Some(left) = member.left.filter(|l| date > *l) {
        refusals.push(Refusal::MemberLeft {
            member: who(member),
            left,
        });
    }
    let holds = post.holders.iter().any(|h| h.member == member.id);
    if !holds {
        refusals.push(Refusal::NotAHolder {
            member: who(member),
        });
    } else if !post
        .holders
        .iter()
        .any(|h| h.member == member.id && h.serving_on(date))
    {
        refusals.push(Refusal::NotServing {
            member: who(member),
            date,
        });
    }
    if text.trim().is_empty() {
        refusals.push(Refusal::EmptyText);
    }
    if let Some(h) = hours.filter(|h| h.0.is_sign_negative() && !h.0.is_zero()) {
        refusals.push(Refusal::NegativeHours { hours: h });
    }
    if !refusals.is_empty() {
        return Err(refusals);
    }
    Ok(LogEntry {
        date,
        member: member.id.clone(),
        text: text.to_string(),
        hours,
    })
}

/// 离岗: sets `ended` (and `end_reason` when given) on the member's open holder entry.
pub fn end(
    post: &Post,
    member: &Member,
    date: Date,
    reason: Option<&str>,
) -> Result<HolderEdit, Vec<Refusal>> {
    let Some(i) = open_holder(post, &member.id) else {
        let last_end = post
            .holders
            .iter()
            .filter(|h| h.member == member.id)
            .filter_map(|h| h.ended)
            .max();
        return Err(vec![match last_end {
            Some(ended) => Refusal::AlreadyEnded {
                member: who(member),
                ended,
            },
            None => Refusal::NotAHolder {
                member: who(member),
            },
        }]);
    };
    let h = &post.holders[i];
    let mut refusals = Vec::new();
    if let Some(left) = member.left.filter(|l| date > *l) {
        refusals.push(Refusal::EndAfterLeft {
            member: who(member),
            left,
        });
    }
    let steps = [
        (Step::Claimed, h.claimed),
        (Step::Confirmed, h.confirmed),
        (Step::Published, h.published),
    ];
    if let Some((step, earlier)) = steps
        .iter()
        .filter_map(|(s, d)| d.map(|d| (*s, d)))
        .filter(|(_, d)| *d > date)
        .max_by_key(|(_, d)| *d)
    {
        refusals.push(Refusal::DateOrder {
            member: who(member),
            step,
            earlier,
            date,
        });
    }
    // Log entries of this spell dated after the new end, and in no other spell of the member.
    if let Some(confirmed) = h.confirmed {
        let orphaned = post
            .logs
            .iter()
            .filter(|l| l.member == member.id && l.date > date && l.date >= confirmed)
            .filter(|l| {
                !post.holders.iter().enumerate().any(|(j, other)| {
                    j != i && other.member == member.id && other.serving_on(l.date)
                })
            })
            .map(|l| l.date)
            .max();
        if let Some(last) = orphaned {
            refusals.push(Refusal::LogsAfterEnd {
                member: who(member),
                last,
            });
        }
    }
    if reason.is_some_and(|r| r.trim().is_empty()) {
        refusals.push(Refusal::EmptyText);
    }
    if !refusals.is_empty() {
        return Err(refusals);
    }
    let mut set = vec![("ended", Field::Date(date))];
    if let Some(r) = reason {
        set.push(("end_reason", Field::Text(r.to_string())));
    }
    Ok(HolderEdit {
        index: Some(i),
        member: member.id.to_string(),
        set,
    })
}

/// An organization and its ancestors (nearest first) from the loaded workspace.
pub fn chain_of(ws: &Workspace, org: &str) -> Vec<String> {
    let mut out = vec![org.to_string()];
    out.extend(ws.ancestors(org).iter().map(|o| o.id.clone()));
    out
}

/// A `member-left` finding: someone holds or logs on a post after leaving the workspace.
fn member_left(path: &str, at: &str, message: String, help: String) -> Diagnostic {
    Diagnostic::error(crate::diag::Code::MemberLeft, path, message)
        .at(at)
        .help(help)
}

/// Findings of this area's cross-record rules, called by `check::run`: holders that do not
/// satisfy `[eligible]` (`eligibility`) and members who hold or log after they left
/// (`member-left`). Holders whose spell ended before `as_of` are not judged by the current
/// status and office (those may have changed since).
pub fn check(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let loc = ctx.locale;
    let mut out = Vec::new();
    for rec in &ws.posts {
        let post = &rec.value;
        let path = rec.path.as_str();
        for (i, h) in post.holders.iter().enumerate() {
            let Some(m) = ws.member(&h.member) else {
                continue;
            };
            if let Some(left) = m.left {
                let start = h.confirmed.or(h.claimed);
                let after = match h.ended {
                    Some(ended) => ended > left,
                    None => start.is_some(),
                };
                if after {
                    let at = if h.ended.is_some() {
                        format!("holder[{i}].ended")
                    } else {
                        format!("holder[{i}].member")
                    };
                    out.push(member_left(
                        path,
                        &at,
                        tf(
                            loc,
                            "post.check.left-holder",
                            &[("member", &who(m)), ("left", &left)],
                        ),
                        tf(
                            loc,
                            "post.check.left-holder.help",
                            &[("left", &left), ("post", &post.id), ("id", &m.id)],
                        ),
                    ));
                }
            }
            let Some(confirmed) = h.confirmed else {
                continue;
            };
            if h.ended.is_some_and(|e| e < ctx.as_of) {
                continue;
            }
            let org_chain = chain_of(ws, &m.org);
            let lives_chain = m
                .lives_in
                .as_deref()
                .map(|l| chain_of(ws, l))
                .unwrap_or_default();
            let c = Candidate {
                member: m,
                org_chain: &org_chain,
                lives_chain: &lives_chain,
            };
            // An unknown organization is reported once, as `unknown-reference`, not again here;
            // nor is one whose place in the tree is lost to an organization file that failed to
            // parse.
            let orgs_known = ws.org(&post.org).is_some()
                && ws.org(&m.org).is_some()
                && !ws.is_below_broken(&m.org);
            for r in eligibility(post, &c)
                .into_iter()
                .filter(|r| orgs_known || !matches!(r, Refusal::Scope { .. }))
            {
                out.push(
                    Diagnostic::error(
                        crate::diag::Code::Eligibility,
                        path,
                        tf(
                            loc,
                            "post.check.eligibility",
                            &[("reason", &r.message(loc)), ("date", &confirmed)],
                        ),
                    )
                    .at(&format!("holder[{i}].member"))
                    .help(t(loc, "post.check.eligibility.help")),
                );
            }
        }
        for (j, entry) in post.logs.iter().enumerate() {
            let Some(m) = ws.member(&entry.member) else {
                continue;
            };
            if let Some(left) = m.left.filter(|l| entry.date > *l) {
                out.push(member_left(
                    path,
                    &format!("log[{j}].date"),
                    tf(
                        loc,
                        "post.check.left-log",
                        &[("member", &who(m)), ("left", &left), ("date", &entry.date)],
                    ),
                    t(loc, "post.check.left-log.help").to_string(),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
