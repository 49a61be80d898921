//! `members/<id>.toml`: one person (SPEC §2.3).

use compact_str::CompactString;

use super::{Date, keyword_enum, record};

keyword_enum!(
    MemberStatus {
        Full = "full" / "正式党员",
        Probationary = "probationary" / "预备党员",
        Activist = "activist" / "入党积极分子",
        Resident = "resident" / "群众",
    }
);

keyword_enum!(
    Office {
        None = "none" / "无职",
        Leader = "leader" / "有职",
    }
);

record! {
    #[schemars(title = "dangjian member (members/<id>.toml)")]
    pub struct Member {
        pub id: CompactString,
        pub name: CompactString,
        /// Organization holding the person's Party relation (for residents: their community).
        pub org: CompactString,
        pub status: MemberStatus,
        /// Party office; optional, default `none` (residents and activists hold none).
        #[serde(default = "Office::none")]
        pub office: Office,
        /// Date of joining the Party.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub joined: Option<Date>,
        /// Community organization where the person lives (在职党员进社区).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub lives_in: Option<CompactString>,
        /// Left this workspace on this date; history stays.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub left: Option<Date>,
    }
    /// Private data: never rendered in a report or printed, except by `show --private`.
    private;
}

impl Office {
    /// The default office: none (无职).
    pub fn none() -> Office {
        Office::None
    }
}

impl Member {
    /// Full and probationary members are the ones reviewed and expected to commit.
    pub fn is_party_member(&self) -> bool {
        matches!(self.status, MemberStatus::Full | MemberStatus::Probationary)
    }

    /// Whether the person is still in the workspace on `date`.
    pub fn present_on(&self, date: Date) -> bool {
        self.left.is_none_or(|left| date < left)
    }
}
