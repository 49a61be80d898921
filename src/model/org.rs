//! `orgs/<id>.toml`: one organization (SPEC §2.2).

use super::{Sector, keyword_enum, record};

keyword_enum!(
    /// Kind of organization; `partner` covers the non-Party organizations that take tasks.
    OrgKind {
        Committee = "committee" / "党委",
        GeneralBranch = "general-branch" / "党总支",
        Branch = "branch" / "党支部",
        Group = "group" / "党小组",
        Partner = "partner" / "共建组织",
    }
);

record! {
    #[schemars(title = "dangjian organization (orgs/<id>.toml)")]
    pub struct Org {
        /// Id of the organization; equals the file's stem.
        pub id: String,
        pub name: String,
        pub kind: OrgKind,
        pub sector: Sector,
        /// Parent organization; required except for the workspace root.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub parent: Option<String>,
        /// A role id from dangjian.toml (八个方面作用).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub role: Option<String>,
        /// Member id of the secretary.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub secretary: Option<String>,
    }
}
