//! What `review score` and `review outcome` share: finding the evaluation sheet a row belongs
//! in (the one named by `--org`, else the one that already has the subject's row, else the one
//! of the subject's organization), opening it, and saving it through the one write path.

use std::path::Path;

use anyhow::Result;

use crate::check;
use crate::commands::commit::{Committer, resolve_committer};
use crate::commands::post::edit::Session;
use crate::commands::records::with_help;
use crate::commands::{Ctx, Refused};
use crate::i18n::tf;
use crate::model::{Evaluation, Period};
use crate::workspace::resolve::read_record;
use crate::workspace::write::{self, Editable, Written};

/// The sheet a subject's row goes in, and the subject as `(key, id, name)`: `key` is `member`
/// or `org`.
#[derive(Debug)]
pub struct Target {
    pub rel: String,
    pub sheet: Evaluation,
    pub key: &'static str,
    pub id: String,
    pub name: String,
}

/// Finds the sheet of `period` for `subject` (see the module comment); a missing sheet is a
/// refusal naming the `review sheet` command that writes it.
pub fn target(s: &Session, subject: &str, period: Period, org: Option<&str>) -> Result<Target> {
    let l = s.locale;
    let (key, id, name, home) = match resolve_committer(&s.root, subject, l)? {
        Committer::Member(m) => (
            "member",
            m.id.to_string(),
            m.name.to_string(),
            Some(m.org.to_string()),
        ),
        Committer::Org(o) => ("org", o.id.clone(), o.name.clone(), o.parent.clone()),
    };
    let org = match org {
        Some(o) => Some(crate::commands::matter::org_id(&s.root, o, l)?),
        None => None,
    };
    let folder = format!("evaluations/{period}");
    let with_row = || -> Option<(String, Evaluation)> {
        sheets_in(&s.root, &folder, l).into_iter().find(|(_, e)| {
            e.scores
                .iter()
                .any(|r| r.subject() == Some((key == "org", id.as_str())))
        })
    };
    let chosen = match (&org, with_row()) {
        (Some(o), _) => format!("{folder}/{o}.toml"),
        (None, Some((rel, _))) => rel,
        (None, None) => format!("{folder}/{}.toml", home.clone().unwrap_or_default()),
    };
    if !s.root.join(&chosen).is_file() {
        let sheet_org = org.or(home).unwrap_or_default();
        return Err(Refused {
            reasons: vec![with_help(
                l,
                tf(l, "records.refuse.no-sheet", &[("file", &chosen)]),
                format!("dangjian review sheet --period {period} --org {sheet_org}"),
            )],
        }
        .into());
    }
    let sheet = read_record::<Evaluation>(&s.root, &chosen, l)?.value;
    Ok(Target {
        rel: chosen,
        sheet,
        key,
        id,
        name,
    })
}

/// Every sheet of a period folder that parses, by path.
fn sheets_in(root: &Path, folder: &str, l: crate::i18n::Locale) -> Vec<(String, Evaluation)> {
    let mut rels: Vec<String> = std::fs::read_dir(root.join(folder))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
                .map(|n| format!("{folder}/{n}"))
                .collect()
        })
        .unwrap_or_default();
    rels.sort();
    rels.into_iter()
        .filter_map(|rel| {
            read_record::<Evaluation>(root, &rel, l)
                .ok()
                .map(|r| (rel, r.value))
        })
        .collect()
}

/// Validates and writes (or diffs) an edited sheet.
pub fn save(s: &Session, ctx: &Ctx, edit: &Editable, dry_run: bool) -> Result<Written> {
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale: s.locale,
    };
    write::save::<Evaluation>(&s.lock, edit, dry_run, s.locale, |e| {
        check::single::evaluation(&edit.rel, e, &s.settings, &cctx)
    })
}
