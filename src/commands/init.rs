//! `dangjian init [DIR] --sector S --name N [--root ID]`: a new workspace with the sector's roles
//! (八个方面作用) and six-step defaults written out, the root organization, the folders of SPEC §1,
//! and the JSON Schemas with a `.taplo.toml` so editors validate the files offline. Refuses to
//! overwrite an existing `dangjian.toml`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use chrono::Datelike;

use super::{Ctx, Exit, Refused};
use crate::i18n::{Locale, t, tf};
use crate::model::{Kind, OrgKind, ReviewSettings, Sector, is_valid_id, sector_roles};
use crate::workflow::sixstep::Rules;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of the new workspace (default: the current folder)
    pub dir: Option<PathBuf>,
    /// Sector: village, community, agency, enterprise, school or other (or its Chinese name)
    #[arg(long, value_parser = parse_sector)]
    pub sector: Sector,
    /// Name of the workspace, usually the top organization's name
    #[arg(long)]
    pub name: String,
    /// Id of the top organization (default: from the folder's name, else `root`)
    #[arg(long)]
    pub root: Option<String>,
    /// Kind of the top organization
    #[arg(long, value_parser = parse_org_kind, default_value = "committee")]
    pub kind: OrgKind,
}

fn parse_sector(s: &str) -> Result<Sector, String> {
    s.parse()
}

fn parse_org_kind(s: &str) -> Result<OrgKind, String> {
    s.parse()
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let locale = ctx.early_locale();
    let dir = match &args.dir {
        Some(d) => d.clone(),
        None => std::env::current_dir().context("cannot read the current folder")?,
    };
    let settings_path = dir.join("dangjian.toml");
    if settings_path.exists() {
        return Err(Refused {
            reasons: vec![tf(
                locale,
                "init.exists",
                &[("file", &settings_path.display())],
            )],
        }
        .into());
    }
    let root = match &args.root {
        Some(r) if is_valid_id(r) => r.clone(),
        Some(r) => {
            return Err(anyhow!(tf(locale, "init.bad-root", &[("id", r)])));
        }
        None => default_root(&dir),
    };
    let plan = Plan {
        name: args.name.trim().to_string(),
        root,
        sector: args.sector,
        kind: args.kind,
        year: ctx.as_of.0.year(),
        locale: ctx.lang.unwrap_or_default(),
    };
    let files = plan.files();
    // Never overwrite: a file `init` would write that already exists refuses the whole command.
    let existing: Vec<String> = files
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .filter(|p| p.exists())
        .map(|p| tf(locale, "init.exists", &[("file", &p.display())]))
        .collect();
    if !existing.is_empty() {
        return Err(Refused { reasons: existing }.into());
    }
    for folder in plan.folders() {
        let path = dir.join(&folder);
        std::fs::create_dir_all(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let keep = path.join(".gitkeep");
        if !keep.exists() {
            std::fs::write(&keep, b"")
                .with_context(|| format!("cannot write {}", keep.display()))?;
        }
    }
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let text = crate::workspace::write::keep_canonical(rel, None, text.clone());
        crate::workspace::write::atomic_write(&path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if !ctx.quiet {
        println!(
            "{}",
            tf(
                locale,
                "init.created",
                &[
                    ("dir", &dir.display()),
                    ("sector", &plan.sector.label(locale)),
                    ("root", &plan.root),
                ]
            )
        );
        for (rel, _) in &files {
            println!("  {rel}");
        }
        println!("{}", tf(locale, "init.next", &[]));
    }
    Ok(Exit::Success)
}

/// The top organization's id from the folder's name when it is a valid id, else `root`.
fn default_root(dir: &Path) -> String {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    abs.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|n| is_valid_id(n))
        .unwrap_or_else(|| "root".to_string())
}

/// Everything `init` writes, computed without touching the file system.
#[derive(Clone, Debug)]
pub struct Plan {
    pub name: String,
    pub root: String,
    pub sector: Sector,
    pub kind: OrgKind,
    pub year: i32,
    pub locale: Locale,
}

impl Plan {
    /// Folders of the layout (SPEC §1), kept in git by a `.gitkeep`.
    pub fn folders(&self) -> Vec<String> {
        vec![
            "orgs".into(),
            "members".into(),
            "posts".into(),
            format!("matters/{}", self.year),
            "commitments".into(),
            "evaluations".into(),
        ]
    }

    /// Files to write: (path relative to the workspace, text).
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = vec![
            ("dangjian.toml".to_string(), self.settings_text()),
            (format!("orgs/{}.toml", self.root), self.root_org_text()),
            (".taplo.toml".to_string(), taplo_text()),
        ];
        for kind in Kind::ALL {
            files.push((
                format!("schemas/{}", super::schema::file_name(kind)),
                super::schema::file_text(kind),
            ));
        }
        files
    }

    pub fn settings_text(&self) -> String {
        let mut s = String::new();
        let l = self.locale;
        s.push_str(&format!("# {}\n", t(l, "init.comment.header")));
        s.push_str("format = 1\n");
        s.push_str(&format!("name = {}\n", quote(&self.name)));
        s.push_str(&format!("root = {}\n", quote(&self.root)));
        s.push_str(&format!("year = {}\n", self.year));
        s.push_str(&format!("locale = \"{}\"\n", self.locale.as_str()));
        s.push_str(&format!("sector = \"{}\"\n", self.sector.as_str()));
        s.push('\n');
        s.push_str(&roles_text(self.sector, l));
        s.push('\n');
        s.push_str(&workflow_text(self.sector, l));
        s.push_str(&format!("# {}\n", t(l, "init.comment.review")));
        s.push_str(&review_text());
        s.push_str(&format!("# {}\n", t(l, "init.comment.check")));
        s.push_str(CHECK_TEXT);
        s
    }

    pub fn root_org_text(&self) -> String {
        format!(
            "id = {}\nname = {}\nkind = \"{}\"\nsector = \"{}\"\n",
            quote(&self.root),
            quote(&self.name),
            self.kind.as_str(),
            self.sector.as_str()
        )
    }
}

fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

fn roles_text(sector: Sector, l: Locale) -> String {
    let roles = sector_roles(sector);
    let note = match sector {
        Sector::Village => "init.comment.roles.village",
        Sector::Community => "init.comment.roles.community",
        Sector::Agency => "init.comment.roles.agency",
        Sector::Enterprise => "init.comment.roles.enterprise",
        Sector::School => "init.comment.roles.school",
        Sector::Other => "init.comment.roles.other",
    };
    let mut s = comment(t(l, "init.comment.roles"));
    s.push_str(&comment(t(l, note)));
    for (id, name) in roles {
        s.push_str(&format!("[[role]]\nid = \"{id}\"\nname = \"{name}\"\n\n"));
    }
    s
}

/// The six-step defaults of the sector (SPEC §5), written as comments: uncomment a line to
/// override it.
fn workflow_text(sector: Sector, l: Locale) -> String {
    let note = match sector {
        Sector::Village => "init.comment.workflow.village",
        Sector::Community => "init.comment.workflow.community",
        Sector::Agency => "init.comment.workflow.agency",
        Sector::Enterprise => "init.comment.workflow.enterprise",
        Sector::School | Sector::Other => "init.comment.workflow.other",
    };
    let (head, note) = (t(l, "init.comment.workflow"), t(l, note));
    let rules = Rules::sector_defaults(sector);
    let bodies: Vec<String> = rules.bodies.iter().map(|b| format!("\"{b}\"")).collect();
    let quorums: Vec<String> = rules
        .quorums
        .iter()
        .map(|(b, q)| format!("{b} = {q}"))
        .collect();
    let mut s = format!(
        "# {head}\n\
         # {note}\n\
         # [workflow.consult]\n\
         # min_opinions = {}\n\
         # min_sources = {}\n\
         # [workflow.decide]\n\
         # bodies = [{}]\n\
         # quorum = {}\n\
         # quorums = {{ {} }}\n\
         # publish = {}\n",
        rules.min_opinions,
        rules.min_sources,
        bodies.join(", "),
        rules.quorum,
        quorums.join(", "),
        rules.decide_publish,
    );
    // Without a default cadence, monthly is shown as an optional value.
    match rules.progress_every {
        Some(every) => s.push_str(&format!(
            "# [workflow.implement]\n# progress_every = \"{every}\"\n"
        )),
        None => s.push_str(&format!(
            "# [workflow.implement]\n# progress_every = \"month\"   # {}\n",
            t(l, "init.comment.progress-optional")
        )),
    }
    s.push_str(&format!(
        "# [workflow.evaluate]\n# publish = {}\n\n",
        rules.evaluate_publish
    ));
    s
}

/// The `[review]` defaults (`ReviewSettings::default()`), written as comments.
fn review_text() -> String {
    let r = ReviewSettings::default();
    let (w, a) = (&r.weights, &r.annual);
    format!(
        "# [review]\n\
         # scale = {}\n\
         # trim = {}\n\
         # rectify_days = {}\n\
         # [review.weights]\n\
         # self = {}\n\
         # peer = {}\n\
         # leader = {}\n\
         # masses = {}\n\
         # objective = {}\n\
         # [review.annual]\n\
         # quarters = {}\n\
         # half = {}\n\
         # year_end = {}\n\n",
        r.scale,
        r.trim,
        r.rectify_days,
        w.self_,
        w.peer,
        w.leader,
        w.masses,
        w.objective,
        a.quarters,
        a.half,
        a.year_end,
    )
}

/// `# ` before every line of a catalog text.
fn comment(text: &str) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

const CHECK_TEXT: &str = "[check]\n\
allow = []\n\
deny = []\n";

/// Associates each folder's files with their schema, for taplo / Even Better TOML.
pub fn taplo_text() -> String {
    let mut s = String::from(
        "# Editor validation and completion (taplo / Even Better TOML) with the schemas in schemas/.\n\
         # Regenerate them with `dangjian schema <kind>` after upgrading dangjian.\n\n",
    );
    let rules: [(&str, Kind); 7] = [
        ("dangjian.toml", Kind::Settings),
        ("orgs/*.toml", Kind::Org),
        ("members/*.toml", Kind::Member),
        ("posts/*.toml", Kind::Post),
        ("matters/*/*.toml", Kind::Matter),
        ("commitments/*/*.toml", Kind::Commitment),
        ("evaluations/*/*.toml", Kind::Evaluation),
    ];
    for (glob, kind) in rules {
        s.push_str(&format!(
            "[[rule]]\ninclude = [\"{glob}\"]\n[rule.schema]\npath = \"./schemas/{}\"\n\n",
            super::schema::file_name(kind)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Org, Settings};

    fn plan(sector: Sector) -> Plan {
        Plan {
            name: "江滨社区党委 \"试点\"".into(),
            root: "jiangbin".into(),
            sector,
            kind: OrgKind::Committee,
            year: 2026,
            locale: Locale::ZhCn,
        }
    }

    #[test]
    fn every_sector_gives_records_that_parse() {
        for sector in Sector::ALL {
            let p = plan(*sector);
            let s: Settings = toml::from_str(&p.settings_text()).unwrap();
            assert_eq!(s.root, "jiangbin");
            assert_eq!(s.sector, *sector);
            assert_eq!(s.roles.len(), sector_roles(*sector).len());
            let o: Org = toml::from_str(&p.root_org_text()).unwrap();
            assert_eq!(o.name, p.name);
            assert!(o.parent.is_none());
            let taplo: toml::Table = toml::from_str(&taplo_text()).unwrap();
            assert_eq!(taplo["rule"].as_array().unwrap().len(), 7);
        }
        assert_eq!(sector_roles(Sector::Village).len(), 8);
        assert_eq!(sector_roles(Sector::School).len(), 8);
    }

    #[test]
    fn the_workflow_comments_uncomment_to_valid_settings() {
        let p = plan(Sector::Village);
        let uncommented: String = p
            .settings_text()
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.starts_with('[') || r.contains(" = "))
                    .unwrap_or(l)
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let s: Settings = toml::from_str(&uncommented).unwrap();
        assert_eq!(s.workflow.decide.bodies.as_ref().unwrap().len(), 4);
        assert_eq!(s.workflow.decide.publish, Some(true));
    }
}
