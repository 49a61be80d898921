//! A score source (self, peer, leader, masses): a number, or ballots that are trimmed at both
//! ends when there are enough of them, then averaged (SPEC §6).

use super::rational::Q;
use crate::model::{Num, ScoreValue};

/// How a source value was obtained, for `--explain`.
#[derive(Clone, Debug, PartialEq)]
pub enum Reduction {
    /// A single number.
    Single,
    /// Fewer than `2·trim + 3` ballots: the plain mean of all.
    PlainMean { ballots: Vec<Num>, needed: usize },
    /// Enough ballots: `trim` dropped at each end, mean of the rest.
    Trimmed {
        ballots: Vec<Num>,
        high: Vec<Num>,
        low: Vec<Num>,
        kept: Vec<Num>,
    },
}

/// A source's value and how it was obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub value: Q,
    pub how: Reduction,
}

/// The value of a source; `None` for an empty list of ballots.
pub fn reduce(value: &ScoreValue, trim: u32) -> Option<Source> {
    match value {
        ScoreValue::One(n) => Some(Source {
            value: Q::from_dec(n.0),
            how: Reduction::Single,
        }),
        ScoreValue::Ballots(list) if list.is_empty() => None,
        ScoreValue::Ballots(list) => {
            let trim = usize::try_from(trim).unwrap_or(usize::MAX);
            let needed = trim.saturating_mul(2).saturating_add(3);
            let all: Vec<Q> = list.iter().map(|n| Q::from_dec(n.0)).collect();
            if list.len() < needed {
                return Some(Source {
                    value: Q::mean(&all)?,
                    how: Reduction::PlainMean {
                        ballots: list.clone(),
                        needed,
                    },
                });
            }
            let mut sorted = list.clone();
            sorted.sort();
            let low = sorted[..trim].to_vec();
            let high = sorted[sorted.len() - trim..].to_vec();
            let kept = sorted[trim..sorted.len() - trim].to_vec();
            let kept_q: Vec<Q> = kept.iter().map(|n| Q::from_dec(n.0)).collect();
            Some(Source {
                value: Q::mean(&kept_q)?,
                how: Reduction::Trimmed {
                    ballots: list.clone(),
                    high,
                    low,
                    kept,
                },
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn ballots(v: &[&str]) -> ScoreValue {
        ScoreValue::Ballots(v.iter().map(|s| Num::from_str(s).unwrap()).collect())
    }

    fn value(v: &ScoreValue, trim: u32) -> Option<String> {
        reduce(v, trim).map(|s| s.value.round2().normalize().to_string())
    }

    #[test]
    fn two_and_four_ballots_are_plain_means() {
        assert_eq!(value(&ballots(&["80", "91"]), 1), Some("85.5".into()));
        assert_eq!(
            value(&ballots(&["100", "60", "70", "81"]), 1),
            Some("77.75".into())
        );
    }

    #[test]
    fn five_and_seven_ballots_are_trimmed() {
        // 90, 85, 95, 70, 88: drop 95 and 70 → (90 + 85 + 88) / 3 = 87.666…
        let s = reduce(&ballots(&["90", "85", "95", "70", "88"]), 1).unwrap();
        assert_eq!(s.value.round2().to_string(), "87.67");
        let Reduction::Trimmed {
            high, low, kept, ..
        } = s.how
        else {
            panic!("expected trimming")
        };
        assert_eq!(
            (high[0].to_string(), low[0].to_string()),
            ("95".into(), "70".into())
        );
        assert_eq!(kept.len(), 3);
        // 7 ballots with trim 2: drop 2 at each end, mean of the middle 3.
        let seven = ballots(&["10", "20", "30", "40", "50", "60", "100"]);
        assert_eq!(value(&seven, 2), Some("40".into()));
        // trim 1: drop 10 and 100 → (20+30+40+50+60)/5 = 40
        assert_eq!(value(&seven, 1), Some("40".into()));
        // trim 3 needs 9: plain mean 310/7 = 44.2857…
        assert_eq!(value(&seven, 3), Some("44.29".into()));
    }

    #[test]
    fn trim_zero_and_edge_cases() {
        assert_eq!(value(&ballots(&[]), 1), None);
        assert_eq!(
            value(&ballots(&["70", "80", "95"]), 0),
            Some("81.67".into())
        );
        assert_eq!(
            value(&ScoreValue::One(Num::from_str("88.125").unwrap()), 1),
            Some("88.13".into())
        );
        // Duplicate extremes: only one of each is dropped.
        assert_eq!(
            value(&ballots(&["90", "90", "90", "60", "60"]), 1),
            Some("80".into())
        );
    }
}
