//! `evaluations/<period>/<org>.toml`: one evaluation sheet of an organization for a period
//! (SPEC §2.7).

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Num, Period, ScoreValue, keyword_enum, record};

keyword_enum!(
    OutcomeKind {
        Honour = "honour" / "表彰",
        Rectify = "rectify" / "整改",
    }
);

record! {
    #[schemars(title = "dangjian evaluation sheet (evaluations/<period>/<org>.toml)")]
    pub struct Evaluation {
        /// The evaluating organization; rows are its members or its sub-organizations.
        pub org: CompactString,
        pub period: Period,
        /// Date of the review meeting.
        pub date: Date,
        #[serde(default, rename = "score", skip_serializing_if = "Vec::is_empty")]
        pub scores: Vec<ScoreRow>,
        /// Only in Y sheets: decisions taken on the annual results.
        #[serde(default, rename = "outcome", skip_serializing_if = "Vec::is_empty")]
        pub outcomes: Vec<Outcome>,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreRow {
    /// A member of this org's subtree (or `org`, a descendant organization).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<CompactString>,
    #[serde(default, rename = "self", skip_serializing_if = "Option::is_none")]
    pub self_score: Option<ScoreValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<ScoreValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<ScoreValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masses: Option<ScoreValue>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjust: Vec<Adjustment>,
    /// 一票否决: the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    pub points: Num,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub member: String,
    pub kind: OutcomeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Rectify: deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Rectify: 复验 date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Date>,
}

impl ScoreRow {
    /// The subject of the row: `(is_org, id)`.
    pub fn subject(&self) -> Option<(bool, &str)> {
        match (&self.member, &self.org) {
            (Some(m), None) => Some((false, m)),
            (None, Some(o)) => Some((true, o)),
            _ => None,
        }
    }
}
