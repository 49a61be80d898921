//! The layers of ARCHITECTURE.md, kept by a test: each top-level module of `src/` may name only
//! the modules listed for it, and no two top-level modules name each other (`cli` is the clap
//! half of the command layer and counts as part of `commands`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::repo;

/// What each top-level module may import. A module not listed here fails the test, so a new
/// one must be placed in a layer.
const ALLOWED: &[(&str, &[&str])] = &[
    ("i18n", &[]),
    ("error", &[]),
    ("model", &["i18n", "error"]),
    ("diag", &["model", "i18n", "error"]),
    ("format", &["model", "diag", "i18n", "error"]),
    ("roster", &["model", "i18n", "error"]),
    ("workspace", &["model", "diag", "i18n", "error", "format"]),
    ("workflow", &["model", "diag", "i18n", "error", "workspace"]),
    (
        "review",
        &["model", "diag", "i18n", "error", "workspace", "workflow"],
    ),
    (
        "check",
        &[
            "model",
            "diag",
            "i18n",
            "error",
            "workspace",
            "workflow",
            "review",
        ],
    ),
    (
        "report",
        &[
            "model",
            "diag",
            "i18n",
            "error",
            "workspace",
            "workflow",
            "review",
            "check",
        ],
    ),
    (
        "listing",
        &[
            "model",
            "diag",
            "i18n",
            "error",
            "workspace",
            "workflow",
            "review",
            "check",
            "report",
        ],
    ),
    (
        "fuzzing",
        &[
            "model",
            "diag",
            "i18n",
            "error",
            "format",
            "workspace",
            "workflow",
            "review",
            "check",
            "report",
        ],
    ),
    (
        "commands",
        &[
            "model",
            "diag",
            "i18n",
            "error",
            "format",
            "workspace",
            "workflow",
            "review",
            "check",
            "report",
            "listing",
            "roster",
            "cli",
        ],
    ),
    ("cli", &["commands"]),
];

/// The top-level modules each top-level module names (`crate::x` anywhere outside comments).
fn imports(src: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "main" || module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for piece in code.split("crate::").skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    out.entry(module.clone())
                        .or_default()
                        .entry(name)
                        .or_insert_with(|| format!("{}:{}", rel.display(), n + 1));
                }
            }
        }
    }
    out
}

/// Every import that its layer does not allow, as `module -> imported (file:line)`.
fn violations(src: &Path) -> Vec<String> {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut bad = Vec::new();
    for (module, names) in imports(src) {
        let Some(ok) = allowed.get(module.as_str()) else {
            bad.push(format!("{module} is in no layer: add it to ALLOWED"));
            continue;
        };
        for (name, place) in names {
            if !ok.contains(&name.as_str()) {
                bad.push(format!("{module} -> {name} ({place})"));
            }
        }
    }
    bad
}

#[test]
fn modules_import_only_lower_layers() {
    let bad = violations(&repo().join("src"));
    assert!(bad.is_empty(), "layer violations:\n{}", bad.join("\n"));
}

#[test]
fn the_allowed_layers_have_no_cycle() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    for (a, deps) in &allowed {
        for b in *deps {
            let back = allowed.get(b).is_some_and(|d| d.contains(a));
            let cli_pair = [*a, *b] == ["commands", "cli"] || [*a, *b] == ["cli", "commands"];
            assert!(!back || cli_pair, "{a} and {b} may import each other");
        }
    }
}

#[test]
fn the_test_catches_the_workspace_importing_a_command() {
    let tmp = tempfile::tempdir().unwrap();
    crate::copy_dir(&repo().join("src"), tmp.path());
    let file = tmp.path().join("workspace/mod.rs");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("use crate::commands::Ctx;\n{text}")).unwrap();
    let bad = violations(tmp.path());
    assert!(
        bad.iter().any(|b| b.starts_with("workspace -> commands")),
        "{bad:?}"
    );
}
