//! `dangjian.toml`: the workspace settings (SPEC §2.1). Every `[review]` and `[workflow]` key is
//! optional; the defaults live here (review) and in `workflow::rules` (sector defaults).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Body, Cadence, Num, Sector, record};
use crate::i18n::Locale;

record! {
    #[schemars(title = "dangjian workspace settings (dangjian.toml)")]
    pub struct Settings {
        /// File-format version.
        pub format: u32,
        pub name: String,
        /// Id of this workspace's top organization.
        pub root: String,
        /// Current cycle year: the default for commands.
        pub year: i32,
        #[serde(default)]
        pub locale: Locale,
        pub sector: Sector,
        /// The eight roles of this workspace (八个方面作用).
        #[serde(default, rename = "role", skip_serializing_if = "Vec::is_empty")]
        pub roles: Vec<Role>,
        #[serde(default)]
        pub review: ReviewSettings,
        #[serde(default)]
        pub workflow: WorkflowSettings,
        #[serde(default)]
        pub check: CheckSettings,
        #[serde(default)]
        pub report: ReportSettings,
        /// Workspaces of a district loaded with this one (SPEC §10).
        #[serde(default, rename = "include", skip_serializing_if = "Vec::is_empty")]
        pub includes: Vec<Include>,
    }
}

/// `[[include]]`: another workspace loaded with this one (SPEC §10).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Include {
    /// A folder holding a workspace (a git submodule, a checkout), relative to dangjian.toml.
    pub path: String,
    /// The organization of this workspace that the included workspace's root hangs under.
    pub parent: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewSettings {
    #[serde(default = "defaults::scale")]
    pub scale: Num,
    /// Ballots dropped at each end.
    #[serde(default = "defaults::trim")]
    pub trim: u32,
    #[serde(default = "defaults::rectify_days")]
    pub rectify_days: u32,
    #[serde(default)]
    pub weights: Weights,
    #[serde(default)]
    pub annual: AnnualWeights,
    #[serde(default = "defaults::member_grades")]
    pub grades: Vec<Grade>,
    #[serde(default = "defaults::org_grades")]
    pub org_grades: Vec<Grade>,
}

impl Default for ReviewSettings {
    fn default() -> ReviewSettings {
        ReviewSettings {
            scale: defaults::scale(),
            trim: defaults::trim(),
            rectify_days: defaults::rectify_days(),
            weights: Weights::default(),
            annual: AnnualWeights::default(),
            grades: defaults::member_grades(),
            org_grades: defaults::org_grades(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    #[serde(default = "defaults::w_self", rename = "self")]
    pub self_: Num,
    #[serde(default = "defaults::w_peer")]
    pub peer: Num,
    #[serde(default = "defaults::w_leader")]
    pub leader: Num,
    #[serde(default = "defaults::w_masses")]
    pub masses: Num,
    #[serde(default = "defaults::w_objective")]
    pub objective: Num,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            self_: defaults::w_self(),
            peer: defaults::w_peer(),
            leader: defaults::w_leader(),
            masses: defaults::w_masses(),
            objective: defaults::w_objective(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnualWeights {
    #[serde(default = "defaults::a_quarters")]
    pub quarters: Num,
    #[serde(default = "defaults::a_half")]
    pub half: Num,
    #[serde(default = "defaults::a_year_end")]
    pub year_end: Num,
}

impl Default for AnnualWeights {
    fn default() -> AnnualWeights {
        AnnualWeights {
            quarters: defaults::a_quarters(),
            half: defaults::a_half(),
            year_end: defaults::a_year_end(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub id: String,
    pub name: String,
    /// Lowest score of the grade; absent on the last grade, which takes any score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Num>,
    /// Largest share of a group that may receive this grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_share: Option<Num>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowSettings {
    #[serde(default)]
    pub consult: ConsultSettings,
    #[serde(default)]
    pub decide: DecideSettings,
    #[serde(default)]
    pub implement: ImplementSettings,
    #[serde(default)]
    pub evaluate: EvaluateSettings,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_opinions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sources: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bodies: Option<Vec<Body>>,
    /// present > expected × quorum
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Num>,
    /// Per-body quorum overrides, e.g. `{ representatives = 0.6667 }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorums: Option<std::collections::BTreeMap<String, Num>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImplementSettings {
    /// Warn when a task in implementation has no progress for longer than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_every: Option<Cadence>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluateSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
}

/// Lint levels: `allow = ["unquantified"]`, `deny = ["overdue"]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deny: Vec<String>,
}

/// `[report]`: what reports show and for how long.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// Days a rectification stays on the public board after it is verified (default 30).
    #[serde(default = "defaults::board_keep_days")]
    pub board_keep_days: u32,
}

impl Default for ReportSettings {
    fn default() -> ReportSettings {
        ReportSettings {
            board_keep_days: defaults::board_keep_days(),
        }
    }
}

mod defaults {
    use super::{Grade, Num};
    use rust_decimal::Decimal;

    fn dec(units: i64, scale: u32) -> Num {
        Num(Decimal::new(units, scale))
    }
    pub fn scale() -> Num {
        Num::int(100)
    }
    pub fn trim() -> u32 {
        1
    }
    pub fn rectify_days() -> u32 {
        30
    }
    pub fn board_keep_days() -> u32 {
        30
    }
    pub fn w_self() -> Num {
        dec(1, 1)
    }
    pub fn w_peer() -> Num {
        dec(2, 1)
    }
    pub fn w_leader() -> Num {
        dec(3, 1)
    }
    pub fn w_masses() -> Num {
        dec(2, 1)
    }
    pub fn w_objective() -> Num {
        dec(2, 1)
    }
    pub fn a_quarters() -> Num {
        dec(3, 1)
    }
    pub fn a_half() -> Num {
        dec(2, 1)
    }
    pub fn a_year_end() -> Num {
        dec(5, 1)
    }
    fn grade(id: &str, name: &str, min: Option<i64>, max_share: Option<Num>) -> Grade {
        Grade {
            id: id.into(),
            name: name.into(),
            min: min.map(Num::int),
            max_share,
        }
    }
    pub fn member_grades() -> Vec<Grade> {
        vec![
            grade("excellent", "优秀", Some(90), Some(dec(3, 1))),
            grade("qualified", "合格", Some(75), None),
            grade("basic", "基本合格", Some(60), None),
            grade("unqualified", "不合格", None, None),
        ]
    }
    pub fn org_grades() -> Vec<Grade> {
        vec![
            grade("advanced", "先进", Some(90), None),
            grade("good", "较好", Some(80), None),
            grade("average", "一般", Some(60), None),
            grade("lagging", "后进", None, None),
        ]
    }
}
