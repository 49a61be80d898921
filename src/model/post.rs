//! `posts/<id>.toml`: one post with its duties, holders and duty log (设岗定责, SPEC §2.4).

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, MemberStatus, Num, keyword_enum, record};

keyword_enum!(
    PostKind {
        Standing = "standing" / "常设",
        Temporary = "temporary" / "临时",
    }
);

keyword_enum!(
    /// A calendar unit for duty-log cadence and targets.
    Cadence {
        Week = "week" / "周",
        Month = "month" / "月",
        Quarter = "quarter" / "季度",
        Year = "year" / "年",
    }
);

keyword_enum!(
    OfficeRule {
        Any = "any" / "不限",
        None = "none" / "无职",
    }
);

keyword_enum!(
    Scope {
        Org = "org" / "本组织",
        Area = "area" / "本区域",
        Any = "any" / "不限",
    }
);

record! {
    #[schemars(title = "dangjian post (posts/<id>.toml)")]
    pub struct Post {
        pub id: CompactString,
        pub name: String,
        pub org: CompactString,
        pub kind: PostKind,
        /// Temporary posts: first day of the active window.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<Date>,
        /// Temporary posts: last day of the active window.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub until: Option<Date>,
        /// At least one duty (一岗多责).
        pub duties: Vec<String>,
        /// Most confirmed holders at once.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub capacity: Option<u32>,
        /// Required cadence of duty-log entries.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub log_every: Option<Cadence>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub eligible: Option<Eligible>,
        #[serde(default, rename = "target", skip_serializing_if = "Vec::is_empty")]
        pub targets: Vec<PostTarget>,
        #[serde(default, rename = "holder", skip_serializing_if = "Vec::is_empty")]
        pub holders: Vec<Holder>,
        #[serde(default, rename = "log", skip_serializing_if = "Vec::is_empty")]
        pub logs: Vec<LogEntry>,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligible {
    #[serde(default = "Eligible::default_status")]
    pub status: Vec<MemberStatus>,
    #[serde(default = "Eligible::default_office")]
    pub office: OfficeRule,
    #[serde(default = "Eligible::default_scope")]
    pub scope: Scope,
}

impl Eligible {
    fn default_status() -> Vec<MemberStatus> {
        vec![MemberStatus::Full, MemberStatus::Probationary]
    }
    fn default_office() -> OfficeRule {
        OfficeRule::Any
    }
    fn default_scope() -> Scope {
        Scope::Org
    }
}

impl Default for Eligible {
    fn default() -> Eligible {
        Eligible {
            status: Eligible::default_status(),
            office: Eligible::default_office(),
            scope: Eligible::default_scope(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostTarget {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<Cadence>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    pub member: CompactString,
    /// 认岗
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed: Option<Date>,
    /// 定岗
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<Date>,
    /// 明岗 (公示)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Left the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<String>,
}

impl Holder {
    /// Whether this holder is confirmed and not ended on `date` (the spell includes both ends).
    pub fn serving_on(&self, date: Date) -> bool {
        self.confirmed.is_some_and(|c| c <= date) && self.ended.is_none_or(|e| date <= e)
    }

    /// Whether this holder takes one of the post's places on `date` (SPEC §2.4): confirmed and
    /// not ended on or before it, so that on a handover day (离岗 and 定岗 the same day) the
    /// leaving and the arriving holder count as one place.
    pub fn occupies_on(&self, date: Date) -> bool {
        self.confirmed.is_some_and(|c| c <= date) && self.ended.is_none_or(|e| date < e)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    pub date: Date,
    pub member: CompactString,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Num>,
}

impl Post {
    pub fn eligible(&self) -> Eligible {
        self.eligible.clone().unwrap_or_default()
    }
}
