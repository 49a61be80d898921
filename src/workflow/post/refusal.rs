//! Why a step of the post process is refused, and how each reason reads in both locales.

use super::*;

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
