//! Typed records of the workspace (SPEC §1–2): one file per record kind, plus the value types
//! they share (dates, exact numbers, keyword enums that also accept their Chinese names).

mod commitment;
mod evaluation;
mod matter;
mod member;
mod name_id;
mod org;
mod post;
mod sector;
mod settings;
mod values;

pub use commitment::*;
pub use evaluation::*;
pub use matter::*;
pub use member::*;
pub use name_id::{free_id, id_of_name};
pub use org::*;
pub use post::*;
pub use sector::sector_roles;
pub use settings::*;
pub use values::*;

/// The kinds of record a workspace holds, in the order of SPEC §1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Settings,
    Org,
    Member,
    Post,
    Matter,
    Commitment,
    Evaluation,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Settings,
        Kind::Org,
        Kind::Member,
        Kind::Post,
        Kind::Matter,
        Kind::Commitment,
        Kind::Evaluation,
    ];

    /// The name used for schemas (`schemas/<name>.schema.json`) and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Settings => "dangjian",
            Kind::Org => "org",
            Kind::Member => "member",
            Kind::Post => "post",
            Kind::Matter => "matter",
            Kind::Commitment => "commitment",
            Kind::Evaluation => "evaluation",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The JSON Schema (draft-07) of this record kind.
    pub fn schema(self) -> serde_json::Value {
        let generator = schemars::generate::SchemaSettings::draft07().into_generator();
        let schema = match self {
            Kind::Settings => generator.into_root_schema_for::<Settings>(),
            Kind::Org => generator.into_root_schema_for::<Org>(),
            Kind::Member => generator.into_root_schema_for::<Member>(),
            Kind::Post => generator.into_root_schema_for::<Post>(),
            Kind::Matter => generator.into_root_schema_for::<Matter>(),
            Kind::Commitment => generator.into_root_schema_for::<Commitment>(),
            Kind::Evaluation => generator.into_root_schema_for::<Evaluation>(),
        };
        schema.to_value()
    }
}

/// Free-form tables every record may carry: `[extra]` is kept and never checked, `[private]` is
/// never rendered in a report (SPEC §1). A record holds each boxed (most records have neither,
/// and an empty map is 72 bytes inline), shrunk to its entries when read.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct FreeTable(pub toml::Table);

impl<'de> serde::Deserialize<'de> for FreeTable {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FreeTable, D::Error> {
        // Collected again at the exact size: grown entry by entry it holds room for four.
        Ok(FreeTable(
            toml::Table::deserialize(d)?.into_iter().collect(),
        ))
    }
}

impl schemars::JsonSchema for FreeTable {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FreeTable".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "object" })
    }
}

/// Whether `id` is a valid record id (`^[a-z0-9][a-z0-9_-]{0,63}$`).
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_' || *b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("pingan-1"));
        assert!(is_valid_id("0a_b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("Zhang"));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert!(is_valid_id(&"a".repeat(64)));
    }
}
