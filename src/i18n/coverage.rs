//! Tests that keep the catalog and the code in step: every catalog key the code names exists
//! (with both texts, checked in `mod.rs`), and no user-visible English sentence is written in
//! code outside the catalog. Both scan the sources as text: a heuristic, with allow-lists.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::entries;

/// Dotted literals that look like catalog keys but are TOML key paths of `dangjian.toml`.
const NOT_KEYS: &[&str] = &[
    "review.annual",
    "review.grades",
    "review.scale",
    "review.weights",
];

fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().strip_prefix(&root).unwrap().to_path_buf(), text)
        })
        .collect()
}

/// The string literals of a source text (plain `"…"` only, escapes kept as written), each with
/// its line number and the text just before it on its line.
fn literals(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let bytes: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == '"' && (i == 0 || (bytes[i - 1] != '\'' && bytes[i - 1] != 'r')) {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != '"' {
                    if bytes[j] == '\\' {
                        j += 1;
                    }
                    j += 1;
                }
                if j >= bytes.len() {
                    break;
                }
                let before: String = bytes[..i].iter().collect();
                out.push((n + 1, bytes[start..j].iter().collect(), before));
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    out
}

fn is_key_shaped(s: &str) -> bool {
    let mut parts = s.split('.');
    let first = parts.next().unwrap_or("");
    s.contains('.')
        && first.starts_with(|c: char| c.is_ascii_lowercase())
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[test]
fn every_catalog_key_named_in_code_exists() {
    let keys: HashSet<&str> = entries().map(|(k, _, _)| *k).collect();
    let areas: HashSet<&str> = keys.iter().filter_map(|k| k.split('.').next()).collect();
    let mut missing = Vec::new();
    let mut named = 0;
    for (path, text) in sources() {
        if path.starts_with("i18n") {
            continue;
        }
        for (line, lit, _) in literals(&text) {
            let area = lit.split('.').next().unwrap_or("");
            if is_key_shaped(&lit) && areas.contains(area) && !NOT_KEYS.contains(&lit.as_str()) {
                named += 1;
                if !keys.contains(lit.as_str()) {
                    missing.push(format!("{}:{line}: {lit}", path.display()));
                }
            }
        }
    }
    assert!(
        named > 500,
        "the scan finds the keys the code names ({named})"
    );
    assert!(
        missing.is_empty(),
        "catalog keys used in code but missing from src/i18n: {missing:#?}"
    );
}

/// Calls whose first string argument reaches the user.
const SINKS: &[&str] = &[
    "anyhow!(",
    "bail!(",
    "println!(",
    "eprintln!(",
    "print!(",
    "eprint!(",
    ".context(",
    "with_context(|| format!(",
    "Err(format!(",
];

/// English sentences written in code today, by file and text. FIXME: these are environment
/// errors (`cannot write …`), internal invariants and value-parse messages still in English in
/// every locale; move them into the catalog and empty this list. A new entry needs a reason.
const ENGLISH_ALLOWED: &[(&str, &str)] = &[
    ("commands/completions.rs", "cannot "),
    ("commands/fmt.rs", "cannot "),
    ("commands/init.rs", "cannot "),
    ("commands/member/import.rs", "cannot "),
    ("roster/mod.rs", "cannot "),
    ("commands/mod.rs", "cannot "),
    ("workspace/write.rs", "cannot "),
    ("commands/commit/mod.rs", "is not a half-year"),
    ("commands/commit/mod.rs", "is not an array"),
    ("commands/member/show.rs", "vanished"),
    ("commands/org/show.rs", "vanished"),
    ("commands/post/show.rs", "vanished"),
    ("commands/mod.rs", "dangjian.toml could not be loaded"),
    ("commands/mod.rs", "refusing to write a binary format"),
    ("commands/post/edit.rs", "is missing"),
    ("commands/post/edit.rs", "the post has no holder list"),
    ("commands/schema.rs", "unknown record kind"),
    ("report/render/mod.rs", "unknown format"),
    ("report/render/xlsx.rs", "too many"),
    ("report/render/docx.rs", "cannot "),
    ("workspace/find.rs", "cannot read the current folder"),
    ("workspace/write.rs", "has no folder"),
    ("workspace/edit.rs", "is not a list of entries"),
    ("commands/post/change.rs", "is not a table"),
    ("commands/review/outcome.rs", "is missing"),
    ("commands/review/score.rs", "is missing"),
    ("commands/commit/progress.rs", "is missing"),
    // A clap value parser: it runs before any locale is known, like the `Num` and `Date` ones.
    ("commands/review/score.rs", "has no reason after the colon"),
];

fn is_english_sentence(lit: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0u32;
    for c in lit.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words = plain
        .split_whitespace()
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .count();
    words >= 2 && !plain.chars().any(|c| c > '\u{2e80}')
}

/// The first string literal after each sink in `text` (production code only), with its line.
fn sink_literals(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for sink in SINKS {
        let mut from = 0;
        while let Some(at) = code[from..].find(sink) {
            let start = from + at + sink.len();
            from = start;
            let rest = code[start..].trim_start();
            let Some(lit) = rest.strip_prefix('"') else {
                continue;
            };
            let mut end = 0;
            let mut escaped = false;
            for (i, c) in lit.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = i;
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let line = code[..start].matches('\n').count() + 1;
            out.push((line, lit[..end].to_string()));
        }
    }
    out
}

#[test]
fn no_english_sentence_is_written_outside_the_catalog() {
    let mut found = Vec::new();
    let mut used = HashSet::new();
    for (path, text) in sources() {
        let name = path.to_string_lossy().replace('\\', "/");
        let test_file = ["tests.rs", "props.rs", "fixture.rs", "coverage.rs"]
            .iter()
            .any(|f| name.ends_with(f));
        if name.starts_with("i18n/") || test_file {
            continue;
        }
        for (line, lit) in sink_literals(&text) {
            if !is_english_sentence(&lit) {
                continue;
            }
            match ENGLISH_ALLOWED
                .iter()
                .position(|(f, s)| name == *f && lit.contains(s))
            {
                Some(i) => {
                    used.insert(i);
                }
                None => found.push(format!("{name}:{line}: {lit:?}")),
            }
        }
    }
    assert!(
        found.is_empty(),
        "user-visible English written in code; add a catalog entry (src/i18n) and use its key: {found:#?}"
    );
    let stale: Vec<_> = ENGLISH_ALLOWED
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, e)| e)
        .collect();
    assert!(
        stale.is_empty(),
        "allow-list entries no longer needed: {stale:?}"
    );
}

#[test]
fn the_sentence_heuristic_tells_sentences_from_paths_and_keys() {
    assert!(is_english_sentence("cannot write {} to the disk"));
    assert!(!is_english_sentence("orgs/{id}.toml"));
    assert!(!is_english_sentence("{}: {}"));
    assert!(!is_english_sentence("holder[{i}].member"));
    assert!(!is_english_sentence("无法写入 {file}"));
    let text = "fn f() { bail!(\n  \"no such thing here\"); println!(\"{}\", x); }";
    assert_eq!(
        sink_literals(text),
        vec![(1, "no such thing here".to_string()), (2, "{}".to_string())]
    );
}
