//! `matters/<year>/<id>.toml`: one yearly objective carried through the six steps (SPEC §2.5).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Num, keyword_enum, record};

keyword_enum!(
    /// The six steps (六步工作法), and `done` after the last.
    Step {
        Consult = "consult" / "征求意见",
        Decide = "decide" / "议事决策",
        Decompose = "decompose" / "任务分解",
        Commit = "commit" / "公开承诺",
        Implement = "implement" / "组织实施",
        Evaluate = "evaluate" / "考评奖惩",
        Done = "done" / "完成",
    }
);

impl Step {
    /// The step after this one; `done` stays `done`.
    pub fn next(self) -> Step {
        match self {
            Step::Consult => Step::Decide,
            Step::Decide => Step::Decompose,
            Step::Decompose => Step::Commit,
            Step::Commit => Step::Implement,
            Step::Implement => Step::Evaluate,
            Step::Evaluate | Step::Done => Step::Done,
        }
    }
    /// Position from 0 (consult) to 6 (done).
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

keyword_enum!(
    OpinionSource {
        Leader = "leader" / "挂点领导",
        LiaisonUnit = "liaison-unit" / "挂点单位",
        ResidentUnit = "resident-unit" / "驻区单位",
        Civil = "civil" / "民间组织",
        Mass = "mass" / "群团组织",
        Residents = "residents" / "群众",
        Members = "members" / "党员",
        Other = "other" / "其他",
    }
);

keyword_enum!(
    Body {
        Branch = "branch" / "支委会",
        Committees = "committees" / "两委会",
        Members = "members" / "党员大会",
        Representatives = "representatives" / "代表会议",
        Joint = "joint" / "联席会议",
        Leadership = "leadership" / "党组(党委)会",
        Workers = "workers" / "职工代表大会",
        Board = "board" / "董事会",
        Owner = "owner" / "业主",
    }
);

record! {
    #[schemars(title = "dangjian matter (matters/<year>/<id>.toml)")]
    pub struct Matter {
        pub id: String,
        pub name: String,
        /// Owning organization.
        pub org: String,
        pub year: i32,
        /// Current step; written by `matter advance`.
        pub step: Step,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub history: Vec<HistoryEntry>,
        #[serde(default, rename = "opinion", skip_serializing_if = "Vec::is_empty")]
        pub opinions: Vec<Opinion>,
        #[serde(default, rename = "meeting", skip_serializing_if = "Vec::is_empty")]
        pub meetings: Vec<Meeting>,
        #[serde(default, rename = "task", skip_serializing_if = "Vec::is_empty")]
        pub tasks: Vec<Task>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub publicity: Option<Publicity>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub progress: Vec<TaskProgress>,
        #[serde(default, rename = "review", skip_serializing_if = "Vec::is_empty")]
        pub reviews: Vec<MatterReview>,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    pub step: Step,
    pub completed: Date,
    /// Only when advanced with --force: the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forced: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    pub source: OpinionSource,
    pub date: Date,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub body: Body,
    pub date: Date,
    /// 应到
    pub expected: u32,
    /// 实到
    pub present: u32,
    pub yes: u32,
    #[serde(default)]
    pub no: u32,
    #[serde(default)]
    pub abstain: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// 决议公开
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Unique within the matter.
    pub id: String,
    pub text: String,
    /// Responsible organization (one of `org` and `member` is required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// Responsible person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// 责任领导
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// 联络员
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liaison: Option<String>,
    /// 协办单位
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assist: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// 责任状/承诺书 signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publicity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskProgress {
    pub task: String,
    pub date: Date,
    /// Cumulative, in the task's unit; a percent (0–100) when the task has no target.
    pub value: Num,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatterReview {
    /// The task reviewed; the whole matter when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// 实施结果公开
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
}

impl Matter {
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// The latest progress value of a task dated on or before `date` (the last in the file among
    /// equal dates).
    pub fn task_value_on(&self, task: &str, date: Date) -> Option<Num> {
        let mut best: Option<&TaskProgress> = None;
        for p in self
            .progress
            .iter()
            .filter(|p| p.task == task && p.date <= date)
        {
            if best.is_none_or(|b| p.date >= b.date) {
                best = Some(p);
            }
        }
        best.map(|p| p.value)
    }
}
