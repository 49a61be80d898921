//! `commitments/<year>-H<n>/<committer>.toml`: a commitment letter for a half-year (承诺书,
//! SPEC §2.6).

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Num, Period, keyword_enum, record};

keyword_enum!(
    Category {
        Politics = "politics" / "思想政治",
        Duty = "duty" / "履行岗位职责",
        Economy = "economy" / "服务经济发展",
        Pairing = "pairing" / "结对帮带帮扶",
        Integrity = "integrity" / "廉政建设",
        OrgLife = "org-life" / "参加组织生活",
        Other = "other" / "其他",
    }
);

keyword_enum!(
    ItemType {
        Service = "service" / "服务承诺",
        Concrete = "concrete" / "实事承诺",
    }
);

keyword_enum!(
    Rating {
        Excellent = "excellent" / "优秀",
        Good = "good" / "良好",
        Fair = "fair" / "一般",
        Poor = "poor" / "较差",
    }
);

keyword_enum!(
    ItemStatus {
        Fulfilled = "fulfilled" / "已践诺",
        Overdue = "overdue" / "逾期",
        InProgress = "in-progress" / "进行中",
        NotStarted = "not-started" / "未开始",
    }
);

record! {
    #[schemars(title = "dangjian commitment letter (commitments/<year>-H<n>/<committer>.toml)")]
    pub struct Commitment {
        /// A member id or an org id; equals the file's stem.
        pub committer: CompactString,
        /// Must match the folder, e.g. 2026-H1.
        pub half: Period,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub signed: Option<Date>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub published: Option<Date>,
        #[serde(default, rename = "item", skip_serializing_if = "Vec::is_empty")]
        pub items: Vec<Item>,
        #[serde(default, rename = "comment", skip_serializing_if = "Vec::is_empty")]
        pub comments: Vec<Comment>,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique within the letter.
    pub id: CompactString,
    pub category: Category,
    #[serde(rename = "type")]
    pub kind: ItemType,
    pub text: String,
    /// 践诺措施
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ItemProgress>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemProgress {
    pub date: Date,
    /// Cumulative value, for items with a target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    /// For items without a target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// Member id of the leader commenting (领导点评).
    pub by: CompactString,
    pub date: Date,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

impl Item {
    /// The latest progress entry dated on or before `date` (the last in the file among equal
    /// dates).
    pub fn progress_on(&self, date: Date) -> Option<&ItemProgress> {
        let mut best: Option<&ItemProgress> = None;
        for p in self.progress.iter().filter(|p| p.date <= date) {
            if best.is_none_or(|b| p.date >= b.date) {
                best = Some(p);
            }
        }
        best
    }

    /// Whether the item is fulfilled by this progress entry.
    fn fulfilled_by(&self, p: &ItemProgress) -> bool {
        match self.target {
            Some(target) => p.value.is_some_and(|v| v >= target),
            None => p.done == Some(true) || p.value.is_some_and(|v| v.0 >= 100.into()),
        }
    }

    /// Status as of `date` (SPEC §2.6).
    pub fn status_on(&self, date: Date) -> ItemStatus {
        match self.progress_on(date) {
            Some(p) if self.fulfilled_by(p) => ItemStatus::Fulfilled,
            _ if self.due.is_some_and(|due| due < date) => ItemStatus::Overdue,
            Some(_) => ItemStatus::InProgress,
            None => ItemStatus::NotStarted,
        }
    }
}
