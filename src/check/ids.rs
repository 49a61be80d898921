//! Duplicate ids across files (SPEC §1): members and organizations share one namespace (a
//! committer may be either); posts have their own. A matter's id may recur in another year's
//! folder (`matters/<year>/<id>.toml`; commands pick the workspace year first). Whether an id is
//! valid and equals its file's stem is a single-record rule (`single`).

use std::collections::HashMap;

use super::{Context, Finder};
use crate::diag::Diagnostic;
use crate::workspace::Workspace;

pub(super) fn check(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    let people_and_orgs = ws
        .orgs
        .iter()
        .map(|r| (r.path.as_str(), r.id.as_str()))
        .chain(ws.members.iter().map(|r| (r.path.as_str(), r.id.as_str())));
    duplicates(people_and_orgs, ctx, out);
    duplicates(
        ws.posts.iter().map(|r| (r.path.as_str(), r.id.as_str())),
        ctx,
        out,
    );
}

/// Reports every record whose id was already taken by an earlier one (load order, which is
/// sorted by path).
fn duplicates<'a>(
    records: impl Iterator<Item = (&'a str, &'a str)>,
    ctx: &Context,
    out: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, &str> = HashMap::new();
    for (path, id) in records {
        match first.get(id) {
            Some(other) => {
                let mut f = Finder::new(path, ctx.locale);
                f.error(
                    crate::diag::Code::DuplicateId,
                    "id",
                    "check.duplicate-id",
                    "check.duplicate-id.help",
                    &[("id", &id), ("other", other)],
                );
                out.extend(f.out);
            }
            None => {
                first.insert(id, path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{ctx, org, ws_with};
    use crate::model::Member;
    use crate::workspace::{Rec, Records};

    #[test]
    fn a_member_may_not_take_an_org_id() {
        let mut records = Records::default();
        records.orgs.push(org("root", None));
        records.members.push(Rec {
            path: "members/root.toml".into(),
            value: Member {
                id: "root".into(),
                name: "x".into(),
                org: "root".into(),
                status: crate::model::MemberStatus::Full,
                office: crate::model::Office::None,
                joined: None,
                lives_in: None,
                left: None,
                private: None,
                extra: None,
            },
        });
        let ws = ws_with(records);
        let mut out = Vec::new();
        super::check(&ws, &ctx(), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].code, "duplicate-id");
        assert_eq!(out[0].file, "members/root.toml");
    }
}
