//! `dangjian schema [KIND]`: the JSON Schema (draft-07) of a record kind, generated from the code.
//! The same text is kept in `schemas/<kind>.schema.json` (a test fails when it drifts) and copied
//! into new workspaces by `init`, so editors (taplo / Even Better TOML) validate offline.

use anyhow::{Result, anyhow};

use super::{Ctx, Exit};
use crate::model::Kind;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record kind: dangjian, org, member, post, matter, commitment, evaluation (default: all)
    pub kind: Option<String>,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<Exit> {
    let value = match args.kind.as_deref() {
        Some(name) => Kind::from_name(name)
            .ok_or_else(|| {
                let names: Vec<_> = Kind::ALL.iter().map(|k| k.name()).collect();
                anyhow!("unknown record kind `{name}` (one of {})", names.join(", "))
            })?
            .schema(),
        None => serde_json::Value::Object(
            Kind::ALL
                .iter()
                .map(|k| (k.name().to_string(), k.schema()))
                .collect(),
        ),
    };
    super::print_out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    Ok(Exit::Success)
}

/// The file name of a kind's schema in `schemas/`.
pub fn file_name(kind: Kind) -> String {
    format!("{}.schema.json", kind.name())
}

/// The text of `schemas/<kind>.schema.json`: pretty JSON ending in a newline.
pub fn file_text(kind: Kind) -> String {
    let mut text = serde_json::to_string_pretty(&kind.schema()).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `schemas/` holds exactly what the code generates; `UPDATE_SCHEMAS=1` rewrites it.
    #[test]
    fn schemas_folder_matches_the_code() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
        let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v == "1");
        let mut stale = Vec::new();
        for kind in Kind::ALL {
            let path = dir.join(file_name(kind));
            let want = file_text(kind);
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &want).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
                stale.push(path.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "schemas drifted from the code: {stale:?}; run `UPDATE_SCHEMAS=1 cargo test --lib schema` and commit schemas/"
        );
    }

    #[test]
    fn schemas_are_draft_07_with_titles_and_both_words() {
        for kind in Kind::ALL {
            let s = kind.schema();
            assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
            assert!(
                s["title"].as_str().is_some_and(|t| t.contains("dangjian")),
                "{kind:?}"
            );
        }
        let post = Kind::Post.schema().to_string();
        assert!(
            post.contains("\"standing\"") && post.contains("\"常设\""),
            "{post}"
        );
    }
}
