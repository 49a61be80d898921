//! The organization tree (SPEC §2.2): the root named in `dangjian.toml` exists and has no
//! parent, every other organization has one, and no parent chain loops.

use std::collections::{HashMap, HashSet};

use super::{Context, Finder};
use crate::diag::Diagnostic;
use crate::workspace::Workspace;

pub(super) fn check(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    let root = ws.settings.root.as_str();
    // An invalid root id is reported by `single::settings`; only a valid one can be missing.
    if crate::model::is_valid_id(root) && ws.org(root).is_none() && !ws.is_broken_id(root) {
        let mut f = Finder::new(&ws.settings.path, ctx.locale);
        f.unknown(
            "root",
            "check.word.org",
            root,
            ws.orgs.iter().map(|o| o.id.as_str()),
        );
        out.extend(f.out);
    }
    for o in &ws.orgs {
        let mut f = Finder::new(&o.path, ctx.locale);
        match (&o.parent, o.id == root) {
            (Some(p), true) => f.error(
                crate::diag::Code::RootParent,
                "parent",
                "check.tree.root-parent",
                "check.tree.root-parent.help",
                &[("id", &o.id), ("parent", p)],
            ),
            (None, false) => f.error(
                crate::diag::Code::MissingParent,
                "id",
                "check.tree.missing-parent",
                "check.tree.missing-parent.help",
                &[("id", &o.id), ("root", &root)],
            ),
            _ => {}
        }
        out.extend(f.out);
    }
    cycles(ws, ctx, out);
}

/// Reports each parent cycle once, on the file of its first organization in load order.
/// A self-parent is reported by `single::org`.
fn cycles(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    let parent: HashMap<&str, &str> = ws
        .orgs
        .iter()
        .filter_map(|o| o.parent.as_deref().map(|p| (o.id.as_str(), p)))
        .collect();
    let mut done: HashSet<&str> = HashSet::new();
    for o in &ws.orgs {
        let start = o.id.as_str();
        if done.contains(start) {
            continue;
        }
        // Walk up; stop at a known-good node, the top, or a repeat.
        let mut path: Vec<&str> = vec![start];
        let mut on_path: HashSet<&str> = HashSet::from([start]);
        let mut cur = start;
        let cycle_start = loop {
            let Some(&p) = parent.get(cur) else {
                break None;
            };
            if p == cur || done.contains(p) {
                break None;
            }
            if on_path.contains(p) {
                break Some(p);
            }
            path.push(p);
            on_path.insert(p);
            cur = p;
        };
        if let Some(c) = cycle_start {
            let from = path.iter().position(|x| *x == c).unwrap_or(0);
            let members: Vec<&str> = path[from..].to_vec();
            let first = ws
                .orgs
                .iter()
                .find(|r| members.contains(&r.id.as_str()))
                .map_or(o, |r| r);
            let at = first.id.as_str();
            let pos = members.iter().position(|x| *x == at).unwrap_or(0);
            let mut ring: Vec<&str> = members[pos..].to_vec();
            ring.extend_from_slice(&members[..pos]);
            ring.push(at);
            let mut f = Finder::new(&first.path, ctx.locale);
            f.error(
                crate::diag::Code::Cycle,
                "parent",
                "check.cycle",
                "check.cycle.help",
                &[("id", &at), ("cycle", &ring.join(" → "))],
            );
            out.extend(f.out);
        }
        done.extend(path);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{ctx, org, ws_with};
    use crate::workspace::Records;

    fn codes(records: Records) -> Vec<(String, &'static str)> {
        let ws = ws_with(records);
        let mut out = Vec::new();
        super::check(&ws, &ctx(), &mut out);
        out.into_iter().map(|d| (d.file, d.code.as_str())).collect()
    }

    #[test]
    fn a_cycle_is_reported_once() {
        let mut r = Records::default();
        r.orgs.push(org("root", None));
        r.orgs.push(org("a", Some("c")));
        r.orgs.push(org("b", Some("a")));
        r.orgs.push(org("c", Some("b")));
        r.orgs.push(org("d", Some("a")));
        assert_eq!(codes(r), vec![("orgs/a.toml".to_string(), "cycle")]);
    }

    #[test]
    fn root_and_parents() {
        let mut r = Records::default();
        r.orgs.push(org("root", Some("x")));
        r.orgs.push(org("orphan", None));
        assert_eq!(
            codes(r),
            vec![
                ("orgs/root.toml".to_string(), "root-parent"),
                ("orgs/orphan.toml".to_string(), "missing-parent"),
            ]
        );
        let r = Records::default();
        assert_eq!(
            codes(r),
            vec![("dangjian.toml".to_string(), "unknown-reference")]
        );
    }
}
