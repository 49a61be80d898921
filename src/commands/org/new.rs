//! `dangjian org new <id> --name … --kind … --parent …`: adds an organization
//! (`orgs/<id>.toml`), its sector by default that of its parent.

use anyhow::Result;
use toml_edit::DocumentMut;

use crate::commands::post::edit::{self, report};
use crate::commands::records::{self, with_help};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{OrgKind, Sector, is_valid_id};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the new organization (file orgs/<id>.toml)
    pub id: String,
    /// Name, e.g. 江滨社区第一党支部
    #[arg(long)]
    pub name: String,
    /// committee, general-branch, branch, group or partner (or the Chinese name)
    #[arg(long)]
    pub kind: OrgKind,
    /// Parent organization (id or name)
    #[arg(long)]
    pub parent: String,
    /// Sector (default: the parent's)
    #[arg(long)]
    pub sector: Option<Sector>,
    /// A role id from dangjian.toml (八个方面作用)
    #[arg(long)]
    pub role: Option<String>,
    /// The secretary (member id or name)
    #[arg(long)]
    pub secretary: Option<String>,
    /// Print the new file as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let mut reasons = Vec::new();
    let rel = format!("orgs/{}.toml", args.id);
    if !is_valid_id(&args.id) {
        reasons.push(tf(l, "records.refuse.bad-id", &[("id", &args.id)]));
    } else if let Some(file) = records::id_taken(&s.root, &args.id) {
        reasons.push(with_help(
            l,
            tf(
                l,
                "records.refuse.id-taken",
                &[("id", &args.id), ("file", &file)],
            ),
            t(l, "records.refuse.id-taken.help").to_string(),
        ));
    }
    if args.name.trim().is_empty() {
        reasons.push(t(l, "records.refuse.empty-name").to_string());
    }
    let parent = records::org(&s, &mut reasons, &args.parent)?;
    if let Some(role) = &args.role {
        role_problem(&s.settings, role, l, &mut reasons);
    }
    let secretary = records::member_opt(&s, &mut reasons, args.secretary.as_deref())?;
    records::refuse_if_any(reasons)?;
    let parent = parent.expect("resolved when there is no reason");
    let sector = args.sector.unwrap_or(parent.sector);
    let mut doc = DocumentMut::new();
    doc["id"] = toml_edit::value(args.id.as_str());
    doc["name"] = toml_edit::value(args.name.trim());
    doc["kind"] = toml_edit::value(args.kind.as_str());
    doc["sector"] = toml_edit::value(sector.as_str());
    doc["parent"] = toml_edit::value(parent.id.as_str());
    if let Some(role) = &args.role {
        doc["role"] = toml_edit::value(role.as_str());
    }
    if let Some(m) = &secretary {
        doc["secretary"] = toml_edit::value(m.id.as_str());
    }
    let file = Editable::create(&rel, &doc.to_string())?;
    let written = records::save_org(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        l,
        "records.org-created",
        &[
            ("name", &args.name.trim()),
            ("id", &args.id),
            ("parent", &parent.name),
        ],
    );
    Ok(report(ctx, &written, &rel, l, &message))
}

/// A role that `dangjian.toml` does not list, with the ids it does.
pub fn role_problem(
    settings: &crate::model::Settings,
    role: &str,
    l: crate::i18n::Locale,
    reasons: &mut Vec<String>,
) {
    if !settings.roles.iter().any(|r| r.id == role) {
        let ids: Vec<&str> = settings.roles.iter().map(|r| r.id.as_str()).collect();
        reasons.push(with_help(
            l,
            tf(l, "records.refuse.unknown-role", &[("role", &role)]),
            tf(
                l,
                "records.refuse.unknown-role.help",
                &[("roles", &ids.join(", "))],
            ),
        ));
    }
}
