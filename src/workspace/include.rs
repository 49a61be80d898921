//! Districts (SPEC §10): `[[include]]` in `dangjian.toml` loads other workspaces with this one.
//! Each included workspace is loaded on its own (in parallel with the others), its paths are
//! prefixed with its folder as seen from the including root, its root organization is hung under
//! the include's `parent`, and its records join the including workspace's. `Workspace::parts`
//! says which workspace each record came from (by the prefix of its path) and keeps each one's
//! settings, so that scoring and checks use the settings of the workspace a record lives in.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use super::find::SETTINGS_FILE;
use super::{LoadOptions, Rec, Records, Workspace, load};
use crate::diag::{Code, Diagnostic};
use crate::i18n::tf;
use crate::model::Settings;

/// An included workspace of a district.
#[derive(Clone, Debug)]
pub struct Part {
    /// Its `root` id: the workspace id of its rows in an export.
    pub id: String,
    /// Its folder from the district's root, with `/` and a trailing `/` (`communities/a/`).
    pub prefix: String,
    /// The organization its root hangs under.
    pub parent: String,
    /// Its settings (the path prefixed like every record's).
    pub settings: Rec<Settings>,
    /// Number of record files it holds.
    pub files: usize,
    /// The `dangjian.toml` (as a district path) whose `[[include]]` names it, and its index.
    pub from: (String, usize),
}

/// An include waiting to be loaded: where it is, what names it, and the chain that led to it.
struct Pending {
    dir: PathBuf,
    prefix: String,
    parent: String,
    /// The `dangjian.toml` (as a district path) and the index of the `[[include]]` naming it.
    from: (String, usize),
    /// Canonical roots from the district's root down to the includer, for loops.
    chain: Vec<PathBuf>,
}

/// Loads the workspace at `root` with every workspace it includes, directly or through other
/// includes. Without `[[include]]` this is `load`. The workspaces it names are loaded in
/// parallel with it (their paths are read from its `dangjian.toml` first), then the ones they
/// name, level by level.
pub fn load_district(root: &Path, opts: LoadOptions) -> (Option<Workspace>, Vec<Diagnostic>) {
    let raw = raw_includes(root);
    if raw.is_empty() {
        return load(root, opts);
    }
    let top = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let first = pending_from(&raw, &top, "", std::slice::from_ref(&top));
    let mut loaded: Vec<(Pending, Workspace)> = Vec::new();
    let ((ws, mut diags), (mut results, refused)) =
        rayon::join(|| load(root, opts), || load_level(first, &loaded, opts));
    let Some(ws) = ws else {
        return (None, diags);
    };
    diags.extend(refused);
    // The includes as parsed must be those read ahead (they are, unless the file is broken).
    let parsed: Vec<(String, String)> = ws
        .settings
        .includes
        .iter()
        .map(|i| (i.path.clone(), i.parent.clone()))
        .collect();
    if parsed != raw {
        let first = pending_from(&parsed, &top, "", std::slice::from_ref(&top));
        let (r, refused) = load_level(first, &loaded, opts);
        results = r;
        diags = diags
            .into_iter()
            .filter(|d| d.code != Code::Include)
            .chain(refused)
            .collect();
    }
    while !results.is_empty() {
        let mut pending = Vec::new();
        for (p, w, d) in results {
            diags.extend(d.into_iter().map(|mut d| {
                d.file = format!("{}{}", p.prefix, d.file);
                d
            }));
            let Some(w) = w else { continue };
            let mut chain = p.chain.clone();
            chain.push(p.dir.clone());
            let own: Vec<(String, String)> = w
                .settings
                .includes
                .iter()
                .map(|i| (i.path.clone(), i.parent.clone()))
                .collect();
            pending.extend(pending_from(&own, &p.dir, &p.prefix, &chain));
            loaded.push((p, w));
        }
        let (r, refused) = load_level(pending, &loaded, opts);
        diags.extend(refused);
        results = r;
    }
    (Some(merge(ws, loaded)), diags)
}

/// A loaded include: where it was named, the workspace (if its settings could be used) and the
/// findings of loading it.
type Loaded = (Pending, Option<Workspace>, Vec<Diagnostic>);

/// Loads one level of includes in parallel, after refusing the missing, the non-workspaces,
/// loops and workspaces already included (also twice in this level).
fn load_level(
    pending: Vec<Pending>,
    loaded: &[(Pending, Workspace)],
    opts: LoadOptions,
) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let mut ready: Vec<Pending> = Vec::new();
    let mut refused = Vec::new();
    for p in pending {
        let twice = ready.iter().any(|q| q.dir == p.dir);
        match refuse(&p, loaded, twice, opts.locale) {
            Some(d) => refused.push(d),
            None => ready.push(p),
        }
    }
    let results = ready
        .into_par_iter()
        .map(|p| {
            let (w, d) = load(&p.dir, opts);
            (p, w, d)
        })
        .collect();
    (results, refused)
}

/// The `[[include]]` entries of `root/dangjian.toml` (path, parent), read ahead of loading it;
/// empty when there are none or the file does not parse (the loader then reports it).
fn raw_includes(root: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(root.join(SETTINGS_FILE)) else {
        return Vec::new();
    };
    // Cheap test first: a workspace without includes pays for no second parse.
    if !text.contains("include") {
        return Vec::new();
    }
    let Ok(table) = text.trim_start_matches('\u{feff}').parse::<toml::Table>() else {
        return Vec::new();
    };
    let list = table.get("include").and_then(|v| v.as_array());
    list.into_iter()
        .flatten()
        .map(|i| {
            let get = |k: &str| i.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            (get("path"), get("parent"))
        })
        .collect()
}

fn pending_from(
    includes: &[(String, String)],
    dir: &Path,
    prefix: &str,
    chain: &[PathBuf],
) -> Vec<Pending> {
    includes
        .iter()
        .enumerate()
        .map(|(i, (path, parent))| {
            let joined = dir.join(path);
            let canonical = joined.canonicalize().unwrap_or(joined);
            Pending {
                prefix: format!("{}/", normalize(&format!("{prefix}{path}"))),
                dir: canonical,
                parent: parent.clone(),
                from: (format!("{prefix}{SETTINGS_FILE}"), i),
                chain: chain.to_vec(),
            }
        })
        .collect()
}

/// `a/b/../c/./d/` → `a/c/d`; a leading `..` stays.
fn normalize(path: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for c in Path::new(path).components() {
        match c {
            Component::ParentDir if out.last().is_some_and(|l| l != "..") => {
                out.pop();
            }
            Component::ParentDir => out.push("..".into()),
            Component::Normal(s) => out.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    out.join("/")
}

/// Why an include cannot be loaded: missing, not a workspace, itself, a loop, or loaded twice.
fn refuse(
    p: &Pending,
    loaded: &[(Pending, Workspace)],
    twice: bool,
    locale: crate::i18n::Locale,
) -> Option<Diagnostic> {
    let (file, i) = &p.from;
    let at = format!("include[{i}].path");
    let folder = p.prefix.trim_end_matches('/');
    let err = |key: &'static str, help: &'static str| {
        Some(
            Diagnostic::error(Code::Include, file, tf(locale, key, &[("path", &folder)]))
                .at(&at)
                .help(tf(locale, help, &[("path", &folder)])),
        )
    };
    if !p.dir.is_dir() {
        return err("include.missing", "include.missing.help");
    }
    if !p.dir.join(SETTINGS_FILE).is_file() {
        return err("include.not-workspace", "include.not-workspace.help");
    }
    if p.chain.last() == Some(&p.dir) {
        return err("include.self", "include.self.help");
    }
    if p.chain.contains(&p.dir) {
        return err("include.loop", "include.loop.help");
    }
    if twice || loaded.iter().any(|(q, _)| q.dir == p.dir) {
        return err("include.twice", "include.twice.help");
    }
    None
}

fn prefixed<T>(list: Vec<Rec<T>>, prefix: &str) -> impl Iterator<Item = Rec<T>> {
    list.into_iter().map(move |mut r| {
        r.path = format!("{prefix}{}", r.path);
        r
    })
}

fn merge(ws: Workspace, loaded: Vec<(Pending, Workspace)>) -> Workspace {
    let mut records = Records {
        orgs: ws.orgs,
        members: ws.members,
        posts: ws.posts,
        matters: ws.matters,
        commitments: ws.commitments,
        evaluations: ws.evaluations,
        files: ws.files,
        broken: ws.broken,
    };
    let mut parts = ws.parts;
    for (p, w) in loaded {
        let root = w.settings.root.clone();
        let prefix = p.prefix;
        records.orgs.extend(prefixed(w.orgs, &prefix).map(|mut r| {
            if r.id == root && r.value.parent.is_none() {
                r.value.parent = Some(p.parent.clone());
            }
            r
        }));
        records.members.extend(prefixed(w.members, &prefix));
        records.posts.extend(prefixed(w.posts, &prefix));
        records.matters.extend(prefixed(w.matters, &prefix));
        records.commitments.extend(prefixed(w.commitments, &prefix));
        records.evaluations.extend(prefixed(w.evaluations, &prefix));
        records.files += w.files;
        records.broken.extend(w.broken.into_iter().map(|mut b| {
            b.path = format!("{prefix}{}", b.path);
            b
        }));
        let mut settings = w.settings;
        settings.path = format!("{prefix}{}", settings.path);
        parts.push(Part {
            id: root,
            prefix,
            parent: p.parent,
            settings,
            files: w.files,
            from: p.from,
        });
    }
    let mut out = Workspace::new(ws.settings, records);
    out.parts = parts;
    out
}

impl Workspace {
    /// The included workspace a path (from the district's root) lies in, the innermost one
    /// where includes nest; `None` for the including workspace's own files.
    pub fn part_of(&self, path: &str) -> Option<&Part> {
        self.parts
            .iter()
            .filter(|p| path.starts_with(&p.prefix))
            .max_by_key(|p| p.prefix.len())
    }

    /// The workspace id of a path: its part's root id, or this workspace's.
    pub fn workspace_of(&self, path: &str) -> &str {
        self.part_of(path)
            .map_or(self.settings.root.as_str(), |p| p.id.as_str())
    }

    /// Runs `f` on what `part_view(None)` gives (every record, only this workspace's own sheets,
    /// no parts) without copying the records: the included sheets and the parts are set aside
    /// while `f` runs, and put back in their order after.
    pub fn with_own_view<R>(&mut self, f: impl FnOnce(&Workspace) -> R) -> R {
        let parts = std::mem::take(&mut self.parts);
        let own = |path: &str| !parts.iter().any(|p| path.starts_with(&p.prefix));
        let sheets = std::mem::take(&mut self.evaluations);
        self.evaluations = sheets.iter().filter(|r| own(&r.path)).cloned().collect();
        let out = f(self);
        self.evaluations = sheets;
        self.parts = parts;
        out
    }

    /// One workspace of a district as a workspace of its own: an included one with its own
    /// records and settings (what `dangjian` run in its folder sees, paths still prefixed);
    /// `None` for the including workspace: every record, but only its own sheets, so that it
    /// scores under its own settings what it rated.
    pub fn part_view(&self, part: Option<&Part>) -> Workspace {
        let mine = |path: &str| match (part, self.part_of(path)) {
            (None, None) => true,
            (Some(p), Some(q)) => p.prefix == q.prefix,
            _ => false,
        };
        let within = |path: &str| match part {
            None => true,
            Some(p) => path.starts_with(&p.prefix),
        };
        let records = Records {
            orgs: self
                .orgs
                .iter()
                .filter(|r| within(&r.path))
                .cloned()
                .map(|mut r| {
                    if part.is_some_and(|p| p.id == r.id) {
                        r.value.parent = None;
                    }
                    r
                })
                .collect(),
            members: self
                .members
                .iter()
                .filter(|r| within(&r.path))
                .cloned()
                .collect(),
            posts: self
                .posts
                .iter()
                .filter(|r| within(&r.path))
                .cloned()
                .collect(),
            matters: self
                .matters
                .iter()
                .filter(|r| within(&r.path))
                .cloned()
                .collect(),
            commitments: self
                .commitments
                .iter()
                .filter(|r| within(&r.path))
                .cloned()
                .collect(),
            evaluations: self
                .evaluations
                .iter()
                .filter(|r| mine(&r.path))
                .cloned()
                .collect(),
            files: part.map_or(self.files, |p| p.files),
            broken: self
                .broken
                .iter()
                .filter(|b| within(&b.path))
                .cloned()
                .collect(),
        };
        let settings = part.map_or_else(|| self.settings.clone(), |p| p.settings.clone());
        let mut out = Workspace::new(settings, records);
        out.parts = match part {
            None => Vec::new(),
            Some(p) => self
                .parts
                .iter()
                .filter(|q| q.prefix.starts_with(&p.prefix) && q.prefix != p.prefix)
                .cloned()
                .collect(),
        };
        out
    }
}

/// Where a writing command's record lives when it is not in the workspace at `root` but in a
/// workspace that one includes (directly or not): the file as a district path, and the folder
/// to run the command in. `arg` is the record's id, or else its name. Reads the `dangjian.toml`
/// files of the includes, and the records of `folder` in them only to look for a name.
pub fn included_record(root: &Path, folder: &str, arg: &str) -> Option<(String, String)> {
    let included = included_folders(root);
    if crate::model::is_valid_id(arg) {
        for (dir, prefix) in &included {
            if dir.join(folder).join(format!("{arg}.toml")).is_file() {
                return Some((format!("{prefix}/{folder}/{arg}.toml"), prefix.clone()));
            }
        }
    }
    for (dir, prefix) in &included {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
            .collect();
        names.sort();
        for file in names {
            let named = std::fs::read_to_string(dir.join(folder).join(&file))
                .ok()
                .and_then(|text| {
                    text.trim_start_matches('\u{feff}')
                        .parse::<toml::Table>()
                        .ok()
                })
                .is_some_and(|t| t.get("name").and_then(|n| n.as_str()) == Some(arg));
            if named {
                return Some((format!("{prefix}/{folder}/{file}"), prefix.clone()));
            }
        }
    }
    None
}

/// Every workspace `root` includes, directly or not, as its folder and its path from `root`
/// (normalized, the form diagnostics use), in the order of the `[[include]]` entries.
fn included_folders(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<(PathBuf, String)> = vec![(root.to_path_buf(), String::new())];
    let mut seen: Vec<PathBuf> = Vec::new();
    while let Some((dir, prefix)) = stack.pop() {
        let Ok(canonical) = dir.canonicalize() else {
            continue;
        };
        if seen.contains(&canonical) {
            continue;
        }
        seen.push(canonical);
        let Ok(text) = std::fs::read_to_string(dir.join(SETTINGS_FILE)) else {
            continue;
        };
        let Ok(table) = text.trim_start_matches('\u{feff}').parse::<toml::Table>() else {
            continue;
        };
        let includes = table.get("include").and_then(|v| v.as_array());
        let mut here = Vec::new();
        for inc in includes.into_iter().flatten() {
            let Some(path) = inc.get("path").and_then(|p| p.as_str()) else {
                continue;
            };
            let sub_prefix = normalize(&format!("{prefix}{path}"));
            here.push((dir.join(path), sub_prefix));
        }
        out.extend(here.iter().cloned());
        // Depth first, in the order of the entries.
        stack.extend(
            here.into_iter()
                .rev()
                .map(|(sub, p)| (sub, format!("{p}/"))),
        );
    }
    out.retain(|(dir, _)| dir.join(SETTINGS_FILE).is_file());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Rec<T> {
        Rec {
            path: path.into(),
            value: toml::from_str(text).unwrap(),
        }
    }

    fn settings(path: &str, root: &str) -> Rec<Settings> {
        rec(
            path,
            &format!(
                "format = 1\nname = \"{root}\"\nroot = \"{root}\"\nyear = 2026\nsector = \"community\"\n"
            ),
        )
    }

    fn org(path: &str, id: &str, parent: Option<&str>) -> Rec<crate::model::Org> {
        let parent = parent.map_or(String::new(), |p| format!("parent = \"{p}\"\n"));
        rec(
            path,
            &format!(
                "id = \"{id}\"\nname = \"{id}\"\nkind = \"branch\"\nsector = \"community\"\n{parent}"
            ),
        )
    }

    fn sheet(path: &str, org: &str) -> Rec<crate::model::Evaluation> {
        rec(
            path,
            &format!("org = \"{org}\"\nperiod = \"2026-Q1\"\ndate = 2026-04-01\n"),
        )
    }

    /// A district `d` including `a` (at `c/a/`) and `b` (at `../b/`), as `merge` leaves it.
    fn district() -> Workspace {
        let records = Records {
            orgs: vec![
                org("orgs/d.toml", "d", None),
                org("c/a/orgs/a.toml", "a", Some("d")),
                org("c/a/orgs/a1.toml", "a1", Some("a")),
                org("../b/orgs/b.toml", "b", Some("d")),
            ],
            evaluations: vec![
                sheet("evaluations/2026-Q1/d.toml", "d"),
                sheet("c/a/evaluations/2026-Q1/a.toml", "a"),
                sheet("../b/evaluations/2026-Q1/b.toml", "b"),
            ],
            files: 8,
            ..Records::default()
        };
        let mut ws = Workspace::new(settings("dangjian.toml", "d"), records);
        for (id, prefix) in [("a", "c/a/"), ("b", "../b/")] {
            ws.parts.push(Part {
                id: id.into(),
                prefix: prefix.into(),
                parent: "d".into(),
                settings: settings(&format!("{prefix}dangjian.toml"), id),
                files: 3,
                from: ("dangjian.toml".into(), 0),
            });
        }
        ws
    }

    #[test]
    fn include_paths_are_normalised_from_the_district_root() {
        assert_eq!(normalize("communities/./a/"), "communities/a");
        assert_eq!(normalize("communities/a/../b"), "communities/b");
        assert_eq!(normalize("../qingxi"), "../qingxi");
        assert_eq!(normalize("x/../../y"), "../y");
    }

    #[test]
    fn a_path_tells_its_workspace() {
        let ws = district();
        assert_eq!(ws.workspace_of("orgs/d.toml"), "d");
        assert_eq!(ws.workspace_of("c/a/orgs/a1.toml"), "a");
        assert_eq!(ws.workspace_of("../b/orgs/b.toml"), "b");
        // A folder whose name merely starts like an include's is not inside it.
        assert_eq!(ws.workspace_of("c/ab/orgs/x.toml"), "d");
    }

    #[test]
    fn a_view_holds_one_workspace_with_its_own_settings_and_sheets() {
        let ws = district();
        let a = ws.part_view(Some(&ws.parts[0]));
        assert_eq!(a.settings.root, "a");
        let ids: Vec<&str> = a.orgs.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["a", "a1"]);
        // Its root stands alone again, as in its own folder.
        assert_eq!(a.org("a").unwrap().parent, None);
        assert_eq!(a.evaluations.len(), 1);
        assert_eq!(a.evaluations[0].org, "a");
        assert_eq!(a.files, 3);
        // The including workspace's view: every record, its own sheets only.
        let d = ws.part_view(None);
        assert_eq!(d.orgs.len(), 4);
        assert_eq!(d.org("a").unwrap().parent.as_deref(), Some("d"));
        let sheets: Vec<&str> = d.evaluations.iter().map(|e| e.org.as_str()).collect();
        assert_eq!(sheets, ["d"]);
    }
}
