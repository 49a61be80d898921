//! The post process (设岗定责): eligibility, capacity, windows and the steps of SPEC §4 as pure
//! functions. Each step takes the records it needs and returns the edit to make to the post, or
//! every reason it is refused; the commands apply the edit through the write path.

use crate::check::Context;
use crate::diag::Diagnostic;
use crate::i18n::{Locale, t, tf};
use crate::model::{
    Date, Holder, LogEntry, Member, MemberStatus, Num, Office, OfficeRule, Post, PostKind, Scope,
};
use crate::workspace::Workspace;

/// A member with where they stand in the organization tree, as the eligibility rules need it.
#[derive(Clone, Copy, Debug)]
pub struct Candidate<'a> {
    pub member: &'a Member,
    /// The member's `org` and its ancestors, nearest first.
    pub org_chain: &'a [String],
    /// The member's `lives_in` and its ancestors, nearest first; empty without `lives_in`.
    pub lives_chain: &'a [String],
}

/// Why a step is refused (or, for `check`, why a record breaks a rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The member's status is not in `[eligible] status`.
    Status {
        member: String,
        status: MemberStatus,
        allowed: Vec<MemberStatus>,
    },
    /// The post takes only members without office.
    Office {
        member: String,
    },
    /// The member's organization (or home) is not the post's organization or below it.
    Scope {
        member: String,
        org: String,
        post_org: String,
        scope: Scope,
    },
    /// `capacity` holders are already confirmed on `date`.
    CapacityFull {
        capacity: u32,
        date: Date,
        holders: Vec<String>,
    },
    /// A temporary post's window does not contain the date.
    WindowClosed {
        date: Date,
        from: Option<Date>,
        until: Option<Date>,
    },
    /// The member left the workspace.
    MemberLeft {
        member: String,
        left: Date,
    },
    /// Ending a holder after the member left: the end must be on or before `left`.
    EndAfterLeft {
        member: String,
        left: Date,
    },
    AlreadyClaimed {
        member: String,
        claimed: Option<Date>,
    },
    AlreadyConfirmed {
        member: String,
        confirmed: Date,
    },
    /// The member has no holder entry on the post.
    NotAHolder {
        member: String,
    },
    /// Every holder entry of the member has ended.
    AlreadyEnded {
        member: String,
        ended: Date,
    },
    /// Ending before the member's last log entry of the spell would leave that entry outside it.
    LogsAfterEnd {
        member: String,
        last: Date,
    },
    /// A log entry on a day the member was not serving (confirmed … ended).
    NotServing {
        member: String,
        date: Date,
    },
    /// The date is before an earlier step of the same holder.
    DateOrder {
        member: String,
        step: Step,
        earlier: Date,
        date: Date,
    },
    EmptyText,
    NegativeHours {
        hours: Num,
    },
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

fn list_statuses(statuses: &[MemberStatus], locale: Locale) -> String {
    let sep = match locale {
        Locale::ZhCn => "、",
        Locale::En => ", ",
    };
    statuses
        .iter()
        .map(|s| s.label(locale))
        .collect::<Vec<_>>()
        .join(sep)
}

impl Refusal {
    /// The reason in words a branch secretary understands, with what to do where that helps.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Refusal::Status {
                member,
                status,
                allowed,
            } => tf(
                locale,
                "post.refuse.status",
                &[
                    ("member", member),
                    ("status", &status.label(locale)),
                    ("allowed", &list_statuses(allowed, locale)),
                ],
            ),
            Refusal::Office { member } => tf(locale, "post.refuse.office", &[("member", member)]),
            Refusal::Scope {
                member,
                org,
                post_org,
                scope,
            } => {
                let key = if *scope == Scope::Area {
                    "post.refuse.scope-area"
                } else {
                    "post.refuse.scope"
                };
                tf(
                    locale,
                    key,
                    &[("member", member), ("org", org), ("post_org", post_org)],
                )
            }
            Refusal::CapacityFull {
                capacity,
                date,
                holders,
            } => tf(
                locale,
                "post.refuse.capacity",
                &[
                    ("capacity", capacity),
                    ("date", date),
                    ("count", &holders.len()),
                    ("holders", &holders.join(", ")),
                ],
            ),
            Refusal::WindowClosed { date, from, until } => {
                let show = |d: &Option<Date>| d.map_or_else(|| "…".to_string(), |d| d.to_string());
                tf(
                    locale,
                    "post.refuse.window",
                    &[
                        ("date", date),
                        ("from", &show(from)),
                        ("until", &show(until)),
                    ],
                )
            }
            Refusal::MemberLeft { member, left } => tf(
                locale,
                "post.refuse.left",
                &[("member", member), ("left", left)],
            ),
            Refusal::EndAfterLeft { member, left } => tf(
                locale,
                "post.refuse.end-after-left",
                &[("member", member), ("left", left)],
            ),
            Refusal::AlreadyClaimed { member, claimed } => match claimed {
                Some(d) => tf(
                    locale,
                    "post.refuse.claimed",
                    &[("member", member), ("date", d)],
                ),
                None => tf(locale, "post.refuse.claimed-undated", &[("member", member)]),
            },
            Refusal::AlreadyConfirmed { member, confirmed } => tf(
                locale,
                "post.refuse.confirmed",
                &[("member", member), ("date", confirmed)],
            ),
            Refusal::NotAHolder { member } => {
                tf(locale, "post.refuse.not-holder", &[("member", member)])
            }
            Refusal::AlreadyEnded { member, ended } => tf(
                locale,
                "post.refuse.ended",
                &[("member", member), ("date", ended)],
            ),
            Refusal::LogsAfterEnd { member, last } => tf(
                locale,
                "post.refuse.logs-after-end",
                &[("member", member), ("last", last)],
            ),
            Refusal::NotServing { member, date } => tf(
                locale,
                "post.refuse.not-serving",
                &[("member", member), ("date", date)],
            ),
            Refusal::DateOrder {
                member,
                step,
                earlier,
                date,
            } => tf(
                locale,
                "post.refuse.date-order",
                &[
                    ("member", member),
                    ("step", &step.label(locale)),
                    ("earlier", earlier),
                    ("date", date),
                ],
            ),
            Refusal::EmptyText => t(locale, "post.refuse.empty-text").to_string(),
            Refusal::NegativeHours { hours } => {
                tf(locale, "post.refuse.hours", &[("hours", hours)])
            }
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
            org: m.org.clone(),
            post_org: post.org.clone(),
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
            .filter(|(i, h)| Some(*i) != except && h.serving_on(day))
            .map(|(_, h)| h.member.clone())
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
                    member: self.member.clone(),
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
            member: m.id.clone(),
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
        member: m.id.clone(),
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
            member: h.member.clone(),
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
        member: member.id.clone(),
        set,
    })
}

/// An organization and its ancestors (nearest first) from the loaded workspace.
pub fn chain_of(ws: &Workspace, org: &str) -> Vec<String> {
    let mut out = vec![org.to_string()];
    out.extend(ws.ancestors(org).iter().map(|o| o.id.clone()));
    out
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
                    out.push(
                        Diagnostic::error(
                            "member-left",
                            path,
                            tf(
                                loc,
                                "post.check.left-holder",
                                &[("member", &who(m)), ("left", &left)],
                            ),
                        )
                        .at(&at)
                        .help(tf(
                            loc,
                            "post.check.left-holder.help",
                            &[("left", &left), ("post", &post.id), ("id", &m.id)],
                        )),
                    );
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
            // An unknown organization is reported once, as `unknown-reference`, not again here.
            let orgs_known = ws.org(&post.org).is_some() && ws.org(&m.org).is_some();
            for r in eligibility(post, &c)
                .into_iter()
                .filter(|r| orgs_known || !matches!(r, Refusal::Scope { .. }))
            {
                out.push(
                    Diagnostic::error(
                        "eligibility",
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
                out.push(
                    Diagnostic::error(
                        "member-left",
                        path,
                        tf(
                            loc,
                            "post.check.left-log",
                            &[("member", &who(m)), ("left", &left), ("date", &entry.date)],
                        ),
                    )
                    .at(&format!("log[{j}].date"))
                    .help(t(loc, "post.check.left-log.help")),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Eligible;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn post() -> Post {
        Post {
            id: "pingan-1".into(),
            name: "平安创建岗".into(),
            org: "jiangbin".into(),
            kind: PostKind::Standing,
            from: None,
            until: None,
            duties: vec!["巡查".into()],
            capacity: Some(2),
            log_every: None,
            eligible: None,
            targets: vec![],
            holders: vec![],
            logs: vec![],
            private: None,
            extra: None,
        }
    }

    fn member(id: &str, status: MemberStatus) -> Member {
        Member {
            id: id.into(),
            name: id.to_uppercase(),
            org: "jiangbin".into(),
            status,
            office: Office::None,
            joined: None,
            lives_in: None,
            left: None,
            private: None,
            extra: None,
        }
    }

    fn holder(m: &str, confirmed: Option<&str>, ended: Option<&str>) -> Holder {
        Holder {
            member: m.into(),
            claimed: confirmed.map(d),
            confirmed: confirmed.map(d),
            published: None,
            ended: ended.map(d),
            end_reason: None,
        }
    }

    fn chain(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn eligibility_reports_every_reason() {
        let mut p = post();
        p.eligible = Some(Eligible {
            office: OfficeRule::None,
            ..Eligible::default()
        });
        let mut m = member("a", MemberStatus::Activist);
        m.office = Office::Leader;
        m.org = "other".into();
        let oc = chain(&["other", "liedong"]);
        let c = Candidate {
            member: &m,
            org_chain: &oc,
            lives_chain: &[],
        };
        let r = eligibility(&p, &c);
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(matches!(r[0], Refusal::Status { .. }));
        assert!(matches!(r[1], Refusal::Office { .. }));
        assert!(matches!(r[2], Refusal::Scope { .. }));
    }

    #[test]
    fn scope_org_area_any() {
        let m = member("a", MemberStatus::Full);
        let below = chain(&["block-3", "jiangbin", "liedong"]);
        let elsewhere = chain(&["water-co", "liedong"]);
        let home = chain(&["jiangbin", "liedong"]);
        let cand = |oc: &[String], lc: &[String], scope| {
            in_scope(
                "jiangbin",
                scope,
                &Candidate {
                    member: &m,
                    org_chain: oc,
                    lives_chain: lc,
                },
            )
        };
        assert!(cand(&below, &[], Scope::Org));
        assert!(!cand(&elsewhere, &home, Scope::Org));
        assert!(cand(&elsewhere, &home, Scope::Area));
        assert!(!cand(&elsewhere, &[], Scope::Area));
        assert!(cand(&elsewhere, &[], Scope::Any));
    }

    #[test]
    fn capacity_counts_serving_holders_and_future_confirmations() {
        let mut p = post();
        p.holders = vec![
            holder("a", Some("2026-01-01"), None),
            holder("b", Some("2026-01-01"), Some("2026-03-31")),
        ];
        assert!(capacity_check(&p, d("2026-03-31"), None).is_some());
        // The spell includes its last day; the day after, a place is free.
        assert!(capacity_check(&p, d("2026-04-01"), None).is_none());
        assert_eq!(vacancies_on(&p, d("2026-04-01")), Some(1));
        // A confirmation dated later fills the place from then on.
        p.holders.push(holder("c", Some("2026-06-01"), None));
        let r = capacity_check(&p, d("2026-04-01"), None);
        assert!(
            matches!(&r, Some(Refusal::CapacityFull { date, .. }) if *date == d("2026-06-01")),
            "{r:?}"
        );
        // Without a capacity there is no limit.
        p.capacity = None;
        assert!(capacity_check(&p, d("2026-06-01"), None).is_none());
        assert_eq!(vacancies_on(&p, d("2026-06-01")), None);
    }

    #[test]
    fn window_of_temporary_posts() {
        let mut p = post();
        assert!(in_window(&p, d("1999-01-01")));
        p.kind = PostKind::Temporary;
        p.from = Some(d("2026-06-18"));
        p.until = Some(d("2026-07-31"));
        assert!(!in_window(&p, d("2026-06-17")));
        assert!(in_window(&p, d("2026-06-18")));
        assert!(in_window(&p, d("2026-07-31")));
        assert!(!in_window(&p, d("2026-08-01")));
    }

    #[test]
    fn the_six_steps_in_the_model() {
        let mut p = post();
        let m = member("a", MemberStatus::Full);
        let oc = chain(&["jiangbin"]);
        let c = Candidate {
            member: &m,
            org_chain: &oc,
            lives_chain: &[],
        };
        let claim = claim(&p, &c, d("2026-01-10")).unwrap();
        assert!(claim.notes.is_empty());
        claim.edit.apply(&mut p);
        assert_eq!(
            super::claim(&p, &c, d("2026-01-11")).unwrap_err(),
            vec![Refusal::AlreadyClaimed {
                member: "A (a)".into(),
                claimed: Some(d("2026-01-10"))
            }]
        );
        // Confirming before the claim is a date-order refusal.
        assert!(matches!(
            assign(&p, &c, d("2026-01-09")).unwrap_err()[..],
            [Refusal::DateOrder { .. }]
        ));
        let e = assign(&p, &c, d("2026-01-15")).unwrap();
        assert_eq!(e.index, Some(0));
        assert_eq!(e.set, vec![("confirmed", Field::Date(d("2026-01-15")))]);
        e.apply(&mut p);
        let pubs = publish(&p, d("2026-01-20"));
        assert_eq!(pubs.len(), 1);
        pubs[0].apply(&mut p);
        assert!(publish(&p, d("2026-01-21")).is_empty());
        let entry = log(&p, &m, d("2026-02-03"), "巡查3个小区", Some(Num::int(2))).unwrap();
        assert_eq!(entry.member, "a");
        assert!(log(&p, &m, d("2026-01-14"), "x", None).is_err());
        let e = end(&p, &m, d("2026-12-31"), Some("换岗")).unwrap();
        e.apply(&mut p);
        assert_eq!(p.holders[0].ended, Some(d("2026-12-31")));
        assert_eq!(p.holders[0].end_reason.as_deref(), Some("换岗"));
        // A log on the day the holder ended is inside the spell; the day after is not.
        assert!(log(&p, &m, d("2026-12-31"), "x", None).is_ok());
        assert!(matches!(
            log(&p, &m, d("2027-01-01"), "x", None).unwrap_err()[..],
            [Refusal::NotServing { .. }]
        ));
        assert!(matches!(
            end(&p, &m, d("2027-01-01"), None).unwrap_err()[..],
            [Refusal::AlreadyEnded { .. }]
        ));
        // After ending, the member may claim again: a new holder entry.
        assert_eq!(
            super::claim(&p, &c, d("2027-01-02")).unwrap().edit.index,
            None
        );
    }

    #[test]
    fn assign_lists_every_reason() {
        let mut p = post();
        p.kind = PostKind::Temporary;
        p.from = Some(d("2026-06-18"));
        p.until = Some(d("2026-07-31"));
        p.capacity = Some(1);
        p.holders = vec![holder("b", Some("2026-06-18"), None)];
        let mut m = member("a", MemberStatus::Resident);
        m.left = Some(d("2026-05-01"));
        let oc = chain(&["elsewhere"]);
        let c = Candidate {
            member: &m,
            org_chain: &oc,
            lives_chain: &[],
        };
        let r = assign(&p, &c, d("2026-08-02")).unwrap_err();
        let kinds: Vec<&str> = r
            .iter()
            .map(|r| match r {
                Refusal::MemberLeft { .. } => "left",
                Refusal::Status { .. } => "status",
                Refusal::Scope { .. } => "scope",
                Refusal::WindowClosed { .. } => "window",
                Refusal::CapacityFull { .. } => "capacity",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["left", "status", "scope", "window", "capacity"]);
        for r in &r {
            assert!(!r.message(Locale::ZhCn).contains('{'), "{r:?}");
            assert!(!r.message(Locale::En).contains('{'), "{r:?}");
        }
    }

    fn rec<T>(path: &str, value: T) -> crate::workspace::Rec<T> {
        crate::workspace::Rec {
            path: path.to_string(),
            value,
        }
    }

    #[test]
    fn check_finds_ineligible_holders_and_members_who_left() {
        let settings = toml::from_str(
            "format = 1\nname = \"x\"\nroot = \"jiangbin\"\nyear = 2026\nlocale = \"en\"\nsector = \"community\"\n",
        )
        .unwrap();
        let org: crate::model::Org = toml::from_str(
            "id = \"jiangbin\"\nname = \"江滨\"\nkind = \"branch\"\nsector = \"community\"\n",
        )
        .unwrap();
        let mut left = member("c", MemberStatus::Full);
        left.left = Some(d("2026-06-30"));
        let mut p = post();
        p.capacity = None;
        p.holders = vec![
            holder("a", Some("2026-01-01"), None),
            holder("b", Some("2026-01-01"), None),
            holder("c", Some("2026-01-01"), Some("2026-06-30")),
            holder("c", Some("2026-07-01"), None),
            // Ended before as_of: not judged by today's status.
            holder("b", Some("2025-01-01"), Some("2025-12-31")),
        ];
        p.logs = vec![
            LogEntry {
                date: d("2026-06-30"),
                member: "c".into(),
                text: "x".into(),
                hours: None,
            },
            LogEntry {
                date: d("2026-07-02"),
                member: "c".into(),
                text: "x".into(),
                hours: None,
            },
        ];
        let ws = Workspace::new(
            rec("dangjian.toml", settings),
            crate::workspace::Records {
                orgs: vec![rec("orgs/jiangbin.toml", org)],
                members: vec![
                    rec("members/a.toml", member("a", MemberStatus::Full)),
                    rec("members/b.toml", member("b", MemberStatus::Activist)),
                    rec("members/c.toml", left),
                ],
                posts: vec![rec("posts/pingan-1.toml", p)],
                ..Default::default()
            },
        );
        let ctx = Context {
            as_of: d("2026-11-20"),
            locale: Locale::En,
        };
        let found: Vec<(&str, crate::diag::Place)> = check(&ws, &ctx)
            .into_iter()
            .map(|d| (d.code, d.place))
            .collect();
        let at = |p: &str| crate::diag::Place::Path(crate::diag::parse_path(p));
        assert_eq!(
            found,
            vec![
                ("eligibility", at("holder[1].member")),
                ("member-left", at("holder[3].member")),
                ("member-left", at("log[1].date")),
            ]
        );
    }

    /// After any sequence of accepted steps, the post keeps the rules of SPEC §2.4: dates of a
    /// holder in order, capacity never exceeded on any day, confirmations inside the window,
    /// log entries inside a spell.
    fn rules_hold(p: &Post) -> Result<(), String> {
        for h in &p.holders {
            let dates: Vec<Date> = [h.claimed, h.confirmed, h.published, h.ended]
                .into_iter()
                .flatten()
                .collect();
            if dates.windows(2).any(|w| w[0] > w[1]) {
                return Err(format!("date order: {h:?}"));
            }
            if let Some(c) = h.confirmed
                && !in_window(p, c)
            {
                return Err(format!("outside the window: {h:?}"));
            }
        }
        if let Some(cap) = p.capacity {
            for day in p.holders.iter().filter_map(|h| h.confirmed) {
                if serving_on(p, day).len() > cap as usize {
                    return Err(format!("over capacity on {day}"));
                }
            }
        }
        for l in &p.logs {
            if !p
                .holders
                .iter()
                .any(|h| h.member == l.member && h.serving_on(l.date))
            {
                return Err(format!("log outside a spell: {l:?}"));
            }
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn accepted_steps_keep_the_rules(
            temporary in proptest::bool::ANY,
            capacity in proptest::option::of(1u32..4),
            steps in proptest::collection::vec((0u8..5, 0usize..5, 0u64..90), 1..40),
        ) {
            let mut p = post();
            p.capacity = capacity;
            if temporary {
                p.kind = PostKind::Temporary;
                p.from = Some(d("2026-01-20"));
                p.until = Some(d("2026-02-20"));
            }
            let mut leaves = member("e", MemberStatus::Full);
            leaves.left = Some(d("2026-02-01"));
            let members = [
                member("a", MemberStatus::Full),
                member("b", MemberStatus::Probationary),
                member("c", MemberStatus::Full),
                member("d", MemberStatus::Activist),
                leaves,
            ];
            let oc = chain(&["jiangbin"]);
            for (op, who_i, day) in steps {
                let m = &members[who_i];
                let c = Candidate { member: m, org_chain: &oc, lives_chain: &[] };
                let date = Date(d("2026-01-01").0 + chrono::Days::new(day));
                let edits: Vec<HolderEdit> = match op {
                    0 => claim(&p, &c, date).map(|c| vec![c.edit]).unwrap_or_default(),
                    1 => assign(&p, &c, date).map(|e| vec![e]).unwrap_or_default(),
                    2 => publish(&p, date),
                    3 => {
                        if let Ok(entry) = log(&p, m, date, "x", None) {
                            p.logs.push(entry);
                        }
                        vec![]
                    }
                    _ => end(&p, m, date, None).map(|e| vec![e]).unwrap_or_default(),
                };
                for e in edits {
                    e.apply(&mut p);
                }
                proptest::prop_assert_eq!(rules_hold(&p), Ok(()), "{:?}", p.holders);
                // Nobody ineligible or gone is ever confirmed.
                proptest::prop_assert!(p
                    .holders
                    .iter()
                    .all(|h| h.confirmed.is_none() || (h.member != "d" && h.member != "e")));
            }
        }
    }

    #[test]
    fn end_after_leaving_is_refused() {
        let mut p = post();
        p.holders = vec![holder("a", Some("2026-01-01"), None)];
        let mut m = member("a", MemberStatus::Full);
        m.left = Some(d("2026-09-01"));
        assert!(matches!(
            end(&p, &m, d("2026-09-02"), Some("调离")).unwrap_err()[..],
            [Refusal::EndAfterLeft { .. }]
        ));
        assert!(end(&p, &m, d("2026-09-01"), None).is_ok());
        let n = member("z", MemberStatus::Full);
        assert!(matches!(
            end(&p, &n, d("2026-09-01"), None).unwrap_err()[..],
            [Refusal::NotAHolder { .. }]
        ));
    }
}
