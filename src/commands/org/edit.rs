//! `dangjian org edit <org> [--name] [--parent] [--kind] [--sector] [--role] [--secretary]`:
//! changes an organization; a move (`--parent`) that would put it below itself is refused.

use anyhow::Result;
use toml_edit::Value;

use crate::commands::post::edit::{self, org_chain, report};
use crate::commands::records::{self, with_help};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{OrgKind, Sector};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The organization (id or name)
    pub org: String,
    /// New name
    #[arg(long)]
    pub name: Option<String>,
    /// New parent (id or name): moves the organization
    #[arg(long)]
    pub parent: Option<String>,
    /// New kind
    #[arg(long)]
    pub kind: Option<OrgKind>,
    /// New sector
    #[arg(long)]
    pub sector: Option<Sector>,
    /// New role id from dangjian.toml
    #[arg(long)]
    pub role: Option<String>,
    /// New secretary (member id or name)
    #[arg(long)]
    pub secretary: Option<String>,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let mut reasons = Vec::new();
    let org = records::org(&s, &mut reasons, &args.org)?;
    let parent = records::org_opt(&s, &mut reasons, args.parent.as_deref())?;
    if let (Some(org), Some(parent)) = (&org, &parent) {
        let chain = org_chain(&s.root, &parent.id, l);
        if chain.contains(&org.id) {
            reasons.push(with_help(
                l,
                tf(
                    l,
                    "records.refuse.cycle",
                    &[("org", &org.name), ("parent", &parent.name)],
                ),
                t(l, "records.refuse.cycle.help").to_string(),
            ));
        }
    }
    if let Some(role) = &args.role {
        super::new::role_problem(&s.settings, role, l, &mut reasons);
    }
    let secretary = records::member_opt(&s, &mut reasons, args.secretary.as_deref())?;
    if args.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        reasons.push(t(l, "records.refuse.empty-name").to_string());
    }
    records::refuse_if_any(reasons)?;
    let org = org.expect("resolved when there is no reason");
    let rel = format!("orgs/{}.toml", org.id);
    let mut file = Editable::open(&s.root, &rel, l)?;
    let doc = file.doc.as_table_mut();
    records::set_given(
        doc,
        vec![
            ("name", args.name.as_deref().map(|n| Value::from(n.trim()))),
            (
                "parent",
                parent.as_ref().map(|p| Value::from(p.id.as_str())),
            ),
            ("kind", args.kind.map(|k| Value::from(k.as_str()))),
            ("sector", args.sector.map(|s| Value::from(s.as_str()))),
            ("role", args.role.as_deref().map(Value::from)),
            (
                "secretary",
                secretary.as_ref().map(|m| Value::from(m.id.as_str())),
            ),
        ],
    );
    let written = records::save_org(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        l,
        "records.org-edited",
        &[("name", &org.name), ("id", &org.id)],
    );
    Ok(report(ctx, &written, &rel, l, &message))
}
