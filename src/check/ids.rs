//! Ids and file names: every id is valid and equals its file's stem (SPEC §1).

use super::Context;
use crate::diag::Diagnostic;
use crate::i18n::tf;
use crate::model::is_valid_id;
use crate::workspace::Workspace;

pub(super) fn check(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    let loc = ctx.locale;
    let records = ws
        .orgs
        .iter()
        .map(|r| (r.path.as_str(), r.id.as_str(), "id"))
        .chain(
            ws.members
                .iter()
                .map(|r| (r.path.as_str(), r.id.as_str(), "id")),
        )
        .chain(
            ws.posts
                .iter()
                .map(|r| (r.path.as_str(), r.id.as_str(), "id")),
        )
        .chain(
            ws.matters
                .iter()
                .map(|r| (r.path.as_str(), r.id.as_str(), "id")),
        )
        .chain(
            ws.commitments
                .iter()
                .map(|r| (r.path.as_str(), r.committer.as_str(), "committer")),
        )
        .chain(
            ws.evaluations
                .iter()
                .map(|r| (r.path.as_str(), r.org.as_str(), "org")),
        );
    for (path, id, key) in records {
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".toml");
        if !is_valid_id(id) {
            out.push(
                Diagnostic::error(
                    "invalid-id",
                    path,
                    tf(loc, "check.invalid-id", &[("id", &id)]),
                )
                .at(key)
                .help(tf(loc, "check.invalid-id.help", &[])),
            );
        } else if id != stem {
            out.push(
                Diagnostic::error(
                    "id-mismatch",
                    path,
                    tf(loc, "check.id-mismatch", &[("id", &id), ("stem", &stem)]),
                )
                .at(key)
                .help(tf(
                    loc,
                    "check.id-mismatch.help",
                    &[("id", &id), ("stem", &stem)],
                )),
            );
        }
    }
}
