//! The checks of a district (SPEC §10): each included workspace is checked on its own, with its
//! own settings and `[check]` levels, as if `dangjian check` ran in its folder; the including
//! workspace's own files are checked over the whole district with its settings; and the rules
//! that only a district has: ids unique across all its workspaces (`duplicate-id` naming both
//! files) and references only from an includer to what it includes (`include-reference`).

use std::collections::HashMap;

use super::{Context, apply_levels, run as run_one};
use crate::diag::{Code, Diagnostic};
use crate::i18n::tf;
use crate::workspace::{Part, Workspace};

/// Every finding over a district, `[check]` levels applied per workspace. For a workspace
/// without includes this is `run` with its levels.
pub fn run(ws: &mut Workspace, ctx: &Context) -> Vec<Diagnostic> {
    if ws.parts.is_empty() {
        return apply_levels(run_one(ws, ctx), &ws.settings.check);
    }
    let mut out = Vec::new();
    // The including workspace's own files, seen over the whole district; clashes of ids are
    // the district rule's below.
    // Only its own sheets: an included workspace's sheets are scored (and checked) under its
    // own settings, and may rate the same subject as a district sheet.
    let own: Vec<Diagnostic> = ws
        .with_own_view(|view| run_one(view, ctx))
        .into_iter()
        .filter(|d| ws.part_of(&d.file).is_none() && d.code != Code::DuplicateId)
        .collect();
    out.extend(own);
    out.extend(duplicates(ws, ctx));
    out.extend(parents(ws, ctx));
    out.extend(references(ws, ctx));
    let mut out = apply_levels(out, &ws.settings.check);
    // Each directly included workspace on its own (its own includes in turn).
    for part in direct(ws) {
        let mut view = ws.part_view(Some(part));
        out.extend(run(&mut view, ctx));
    }
    out
}

/// The parts included by the workspace itself, not through another include.
fn direct(ws: &Workspace) -> Vec<&Part> {
    ws.parts
        .iter()
        .filter(|p| {
            !ws.parts
                .iter()
                .any(|q| q.prefix != p.prefix && p.prefix.starts_with(&q.prefix))
        })
        .collect()
}

/// Two records of one id in different workspaces, or both in the including one (a clash
/// inside one included workspace is that workspace's own finding).
fn duplicates(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let people_and_orgs: Vec<(&str, &str)> = ws
        .orgs
        .iter()
        .map(|r| (r.path.as_str(), r.id.as_str()))
        .chain(ws.members.iter().map(|r| (r.path.as_str(), r.id.as_str())))
        .collect();
    let posts: Vec<(&str, &str)> = ws
        .posts
        .iter()
        .map(|r| (r.path.as_str(), r.id.as_str()))
        .collect();
    for list in [people_and_orgs, posts] {
        let mut first: HashMap<&str, &str> = HashMap::new();
        let mut sorted = list;
        sorted.sort();
        for (path, id) in sorted {
            let Some(other) = first.get(id).copied() else {
                first.insert(id, path);
                continue;
            };
            let (a, b) = (ws.part_of(path), ws.part_of(other));
            let same_part = matches!((a, b), (Some(a), Some(b)) if a.prefix == b.prefix);
            if same_part {
                continue;
            }
            let key = if a.is_some() || b.is_some() {
                "include.duplicate-id"
            } else {
                "check.duplicate-id"
            };
            let help = if a.is_some() || b.is_some() {
                "include.duplicate-id.help"
            } else {
                "check.duplicate-id.help"
            };
            out.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    path,
                    tf(ctx.locale, key, &[("id", &id), ("other", &other)]),
                )
                .at("id")
                .help(tf(ctx.locale, help, &[])),
            );
        }
    }
    out
}

/// Every reference of an included workspace's record to an organization or member that lives
/// outside that workspace.
fn references(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let mut refs: Vec<(&str, String, &str)> = Vec::new();
    for r in &ws.orgs {
        if ws.part_of(&r.path).is_none() {
            continue;
        }
        if let Some(p) = &r.parent
            && ws.parts.iter().all(|q| q.id != r.id)
        {
            refs.push((&r.path, "parent".into(), p));
        }
        if let Some(s) = &r.secretary {
            refs.push((&r.path, "secretary".into(), s));
        }
    }
    for r in &ws.members {
        if ws.part_of(&r.path).is_none() {
            continue;
        }
        refs.push((&r.path, "org".into(), &r.org));
        if let Some(l) = &r.lives_in {
            refs.push((&r.path, "lives_in".into(), l));
        }
    }
    for r in &ws.posts {
        if ws.part_of(&r.path).is_none() {
            continue;
        }
        refs.push((&r.path, "org".into(), &r.org));
        for (i, h) in r.holders.iter().enumerate() {
            refs.push((&r.path, format!("holder[{i}].member"), &h.member));
        }
        for (i, l) in r.logs.iter().enumerate() {
            refs.push((&r.path, format!("log[{i}].member"), &l.member));
        }
    }
    for r in &ws.matters {
        if ws.part_of(&r.path).is_none() {
            continue;
        }
        refs.push((&r.path, "org".into(), &r.org));
        for (i, t) in r.tasks.iter().enumerate() {
            for (key, v) in [
                ("org", &t.org),
                ("member", &t.member),
                ("leader", &t.leader),
                ("liaison", &t.liaison),
            ] {
                if let Some(v) = v {
                    refs.push((&r.path, format!("task[{i}].{key}"), v));
                }
            }
            for (j, a) in t.assist.iter().enumerate() {
                refs.push((&r.path, format!("task[{i}].assist[{j}]"), a));
            }
        }
    }
    for r in &ws.commitments {
        if ws.part_of(&r.path).is_none() {
            continue;
        }
        refs.push((&r.path, "committer".into(), &r.committer));
        for (i, c) in r.comments.iter().enumerate() {
            refs.push((&r.path, format!("comment[{i}].by"), &c.by));
        }
    }
    for r in &ws.evaluations {
        if ws.part_of(&r.path).is_none() {
            continue;
        }
        refs.push((&r.path, "org".into(), &r.org));
        for (i, s) in r.scores.iter().enumerate() {
            if let Some(m) = &s.member {
                refs.push((&r.path, format!("score[{i}].member"), m));
            }
            if let Some(o) = &s.org {
                refs.push((&r.path, format!("score[{i}].org"), o));
            }
        }
        for (i, o) in r.outcomes.iter().enumerate() {
            refs.push((&r.path, format!("outcome[{i}].member"), &o.member));
        }
    }
    let mut out = Vec::new();
    for (path, place, id) in refs {
        let target = ws
            .org_rec(id)
            .map(|r| r.path.as_str())
            .or_else(|| ws.member_rec(id).map(|r| r.path.as_str()));
        let (Some(target), Some(part)) = (target, ws.part_of(path)) else {
            continue;
        };
        if target.starts_with(&part.prefix) {
            continue;
        }
        let workspace = ws.workspace_of(target);
        out.push(
            Diagnostic::error(
                Code::IncludeReference,
                path,
                tf(
                    ctx.locale,
                    "include.reference",
                    &[("id", &id), ("workspace", &workspace)],
                ),
            )
            .at(&place)
            .help(tf(
                ctx.locale,
                "include.reference.help",
                &[("workspace", &workspace)],
            )),
        );
    }
    out
}

/// Every `parent` of an `[[include]]` names an organization of the including workspace (or of
/// a workspace it includes), not one of the included workspace itself.
fn parents(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &ws.parts {
        let found = ws
            .org_rec(&p.parent)
            .filter(|o| !o.path.starts_with(&p.prefix));
        if found.is_none() {
            let (file, i) = &p.from;
            out.push(
                Diagnostic::error(
                    Code::Include,
                    file,
                    tf(
                        ctx.locale,
                        "include.parent",
                        &[
                            ("parent", &p.parent),
                            ("path", &p.prefix.trim_end_matches('/')),
                        ],
                    ),
                )
                .at(&format!("include[{i}].parent"))
                .help(tf(ctx.locale, "include.parent.help", &[])),
            );
        }
    }
    out
}
