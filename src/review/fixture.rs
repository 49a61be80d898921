//! Test fixtures: a workspace from `(path, toml)` pairs, classified by folder as the loader does.

use crate::model::Kind;
use crate::review::period::Missing;
use crate::workspace::{Rec, Records, Workspace, classify};

const SETTINGS: &str =
    "format = 1\nname = \"t\"\nroot = \"root\"\nyear = 2026\nsector = \"community\"\n";

fn rec<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Rec<T> {
    Rec {
        path: path.to_string(),
        value: toml::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}")),
    }
}

/// A workspace of the given files; `dangjian.toml` defaults to plain settings, and `extra`
/// settings text (e.g. a `[review]` table) is appended to it.
pub fn workspace(extra_settings: &str, files: &[(&str, &str)]) -> Workspace {
    let mut settings = format!("{SETTINGS}{extra_settings}");
    let mut r = Records::default();
    for (path, text) in files {
        match classify(path) {
            Some(Kind::Settings) => settings = text.to_string(),
            Some(Kind::Org) => r.orgs.push(rec(path, text)),
            Some(Kind::Member) => r.members.push(rec(path, text)),
            Some(Kind::Post) => r.posts.push(rec(path, text)),
            Some(Kind::Matter) => r.matters.push(rec(path, text)),
            Some(Kind::Commitment) => r.commitments.push(rec(path, text)),
            Some(Kind::Evaluation) => r.evaluations.push(rec(path, text)),
            None => panic!("not a record path: {path}"),
        }
        r.files += 1;
    }
    Workspace::new(rec("dangjian.toml", &settings), r)
}

/// An organization file.
pub fn org(id: &str, parent: Option<&str>) -> (String, String) {
    let parent = parent.map_or(String::new(), |p| format!("parent = \"{p}\"\n"));
    (
        format!("orgs/{id}.toml"),
        format!(
            "id = \"{id}\"\nname = \"{id}-name\"\nkind = \"branch\"\nsector = \"community\"\n{parent}"
        ),
    )
}

/// A full member of `org`, with extra lines.
pub fn member(id: &str, org: &str, extra: &str) -> (String, String) {
    (
        format!("members/{id}.toml"),
        format!(
            "id = \"{id}\"\nname = \"{id}-name\"\norg = \"{org}\"\nstatus = \"full\"\noffice = \"none\"\n{extra}"
        ),
    )
}

/// Borrows owned fixture pairs.
pub fn refs(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

/// Each missing subject's id with the reason it is missing.
pub fn missing_reasons(missing: &[Missing]) -> Vec<(&str, &str)> {
    missing
        .iter()
        .map(|m| (m.subject.id.as_str(), m.reason.as_str()))
        .collect()
}
