//! `dangjian check` (SPEC §3): pure functions from a loaded workspace to findings. One file per
//! rule family; `run` calls them all. Levels from `[check]` (allow/deny) are applied last.
//!
//! - `single`: rules inside one record (also used by the write path);
//! - `ids`: duplicate ids across files;
//! - `tree`: the organization tree (root, parents, cycles);
//! - `refs`: every reference resolves, score rows lie in the sheet's subtree;
//! - `sheets`: a subject has at most one row per period across all sheets.

pub mod district;
mod future;
mod ids;
mod privacy;
mod refs;
mod sheets;
pub mod single;
mod strings;
mod tree;

use std::fmt::Display;

use crate::diag::{Diagnostic, Severity, did_you_mean};
use crate::i18n::{Locale, t, tf};
use crate::model::CheckSettings;
use crate::workspace::Workspace;

pub use crate::diag::Context;

/// Every finding of every rule over the workspace, before `[check]` levels.
pub fn run(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    type Rule = fn(&Workspace, &Context, &mut Vec<Diagnostic>);
    // The cross-record rules read the workspace only: they run side by side, their findings
    // kept in this order.
    let rules: [Rule; 10] = [
        ids::check,
        tree::check,
        refs::check,
        sheets::check,
        privacy::check,
        future::check,
        |ws, ctx, out| out.extend(crate::workflow::post::check(ws, ctx)),
        |ws, ctx, out| out.extend(crate::workflow::sixstep::check(ws, ctx)),
        |ws, ctx, out| out.extend(crate::workflow::commitment::check(ws, ctx)),
        |ws, ctx, out| out.extend(crate::review::check(ws, ctx)),
    ];
    let (mut out, rest) = rayon::join(
        || single_rules(ws, ctx),
        || {
            rules
                .par_iter()
                .map(|rule| {
                    let mut found = Vec::new();
                    rule(ws, ctx, &mut found);
                    found
                })
                .collect::<Vec<_>>()
        },
    );
    out.extend(rest.into_iter().flatten());
    out
}

/// The rules of `single` over every record, in parallel (they are independent).
fn single_rules(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let s = &ws.settings;
    let mut out = single::settings(&s.path, s, ctx);
    let parts: Vec<Vec<Diagnostic>> = vec![
        ws.orgs
            .par_iter()
            .flat_map_iter(|r| single::org(&r.path, r, ctx))
            .collect(),
        ws.members
            .par_iter()
            .flat_map_iter(|r| single::member(&r.path, r, ctx))
            .collect(),
        ws.posts
            .par_iter()
            .flat_map_iter(|r| single::post(&r.path, r, ctx))
            .collect(),
        ws.matters
            .par_iter()
            .flat_map_iter(|r| single::matter(&r.path, r, s, ctx))
            .collect(),
        ws.commitments
            .par_iter()
            .flat_map_iter(|r| single::commitment(&r.path, r, ctx))
            .collect(),
        ws.evaluations
            .par_iter()
            .flat_map_iter(|r| single::evaluation(&r.path, r, s, ctx))
            .collect(),
    ];
    out.extend(parts.into_iter().flatten());
    out
}

/// Applies `[check]`: `allow` drops a code's findings (errors stay), `deny` turns them into
/// errors.
pub fn apply_levels(diags: Vec<Diagnostic>, levels: &CheckSettings) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .filter(|d| {
            d.severity == Severity::Error || !levels.allow.iter().any(|c| d.code == c.as_str())
        })
        .map(|mut d| {
            if levels.deny.iter().any(|c| d.code == c.as_str()) {
                d.severity = Severity::Error;
            }
            d
        })
        .collect()
}

/// Collects the findings of one file: message and help come from the catalog, with the same
/// placeholders.
pub(crate) struct Finder<'a> {
    pub file: &'a str,
    pub locale: Locale,
    pub out: Vec<Diagnostic>,
}

impl<'a> Finder<'a> {
    pub(crate) fn new(file: &'a str, locale: Locale) -> Finder<'a> {
        Finder {
            file,
            locale,
            out: Vec::new(),
        }
    }

    pub(crate) fn push(
        &mut self,
        severity: Severity,
        code: crate::diag::Code,
        at: &str,
        msg: &'static str,
        help: &'static str,
        args: &[(&str, &dyn Display)],
    ) {
        self.out.push(
            Diagnostic::new(severity, code, self.file, tf(self.locale, msg, args))
                .at(at)
                .help(tf(self.locale, help, args)),
        );
    }

    /// An `unknown-reference` error: `kind` is a catalog key naming what was looked for
    /// (`check.word.member` …); the help suggests the closest existing id.
    pub(crate) fn unknown<'c>(
        &mut self,
        at: &str,
        kind: &'static str,
        id: &str,
        candidates: impl IntoIterator<Item = &'c str>,
    ) {
        let suggestion = did_you_mean(id, candidates);
        self.unknown_with(at, kind, id, suggestion);
    }

    /// `unknown` with the suggestion already computed (or skipped).
    pub(crate) fn unknown_with(
        &mut self,
        at: &str,
        kind: &'static str,
        id: &str,
        suggestion: Option<&str>,
    ) {
        let kind_word = t(self.locale, kind);
        let help = match suggestion {
            Some(s) => tf(
                self.locale,
                "check.unknown-reference.did-you-mean",
                &[("id", &s)],
            ),
            None => tf(
                self.locale,
                "check.unknown-reference.help",
                &[("kind", &kind_word), ("id", &id)],
            ),
        };
        self.out.push(
            Diagnostic::error(
                crate::diag::Code::UnknownReference,
                self.file,
                tf(
                    self.locale,
                    "check.unknown-reference",
                    &[("kind", &kind_word), ("id", &id)],
                ),
            )
            .at(at)
            .help(help),
        );
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Org, Settings};
    use crate::workspace::{Rec, Records};

    pub(crate) fn ctx() -> Context {
        Context {
            as_of: crate::model::Date::ymd(2026, 11, 20),
            locale: Locale::En,
        }
    }

    pub(crate) fn settings() -> Settings {
        toml::from_str(
            "format = 1\nname = \"t\"\nroot = \"root\"\nyear = 2026\nsector = \"community\"\n\
             [[role]]\nid = \"core\"\nname = \"领导核心作用\"\n",
        )
        .unwrap()
    }

    pub(crate) fn org(id: &str, parent: Option<&str>) -> Rec<Org> {
        Rec {
            path: format!("orgs/{id}.toml"),
            value: Org {
                id: id.into(),
                name: id.into(),
                kind: crate::model::OrgKind::Branch,
                sector: crate::model::Sector::Community,
                parent: parent.map(Into::into),
                role: None,
                secretary: None,
                private: None,
                extra: None,
            },
        }
    }

    pub(crate) fn ws_with(records: Records) -> Workspace {
        Workspace::new(
            Rec {
                path: "dangjian.toml".into(),
                value: settings(),
            },
            records,
        )
    }

    #[test]
    fn levels_allow_and_deny() {
        let w = Diagnostic::warning(crate::diag::Code::Unquantified, "a.toml", "w".into());
        let e = Diagnostic::error(crate::diag::Code::Schema, "a.toml", "e".into());
        let i = Diagnostic::info(crate::diag::Code::LongTenure, "a.toml", "i".into());
        let levels = CheckSettings {
            allow: vec!["unquantified".into(), "schema".into()],
            deny: vec!["long-tenure".into()],
        };
        let out = apply_levels(vec![w, e, i], &levels);
        let got: Vec<_> = out.iter().map(|d| (d.code.as_str(), d.severity)).collect();
        assert_eq!(
            got,
            vec![
                ("schema", Severity::Error),
                ("long-tenure", Severity::Error)
            ]
        );
    }
}
