//! `dangjian matter new <id> --name … --org … [--year Y]`: creates `matters/<year>/<id>.toml` at
//! the consult step. The id may recur in another year's folder (a yearly matter).

use anyhow::Result;
use toml_edit::{DocumentMut, value};

use super::{org_id, refused};
use crate::check;
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Matter, is_valid_id};
use crate::workspace::write::{self, Editable};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter (the file's stem)
    pub id: String,
    /// Name of the matter
    #[arg(long)]
    pub name: String,
    /// Owning organization (id or name)
    #[arg(long)]
    pub org: String,
    /// Year of the matter (default: the workspace year)
    #[arg(value_parser = clap::value_parser!(i32).range(1900..=9999), long)]
    pub year: Option<i32>,
    /// Print the new file as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let root = ctx.root()?;
    let (settings, locale) = ctx.settings(&root)?;
    let lock = write::lock(&root, locale, ctx.quiet)?;
    if !is_valid_id(&args.id) {
        return Err(refused(vec![tf(
            locale,
            "records.refuse.bad-id",
            &[("id", &args.id)],
        )]));
    }
    let org = org_id(&root, &args.org, locale)?;
    let year = args.year.unwrap_or(settings.year);
    // The same id may recur in another year's folder (a yearly matter); not in this one.
    let rel = format!("matters/{year}/{}.toml", args.id);
    if root.join(&rel).exists() {
        return Err(refused(vec![tf(
            locale,
            "matter.exists",
            &[("id", &args.id), ("file", &rel)],
        )]));
    }
    let mut doc = DocumentMut::new();
    doc["id"] = value(args.id.as_str());
    doc["name"] = value(args.name.as_str());
    doc["org"] = value(org.as_str());
    doc["year"] = value(i64::from(year));
    doc["step"] = value("consult");
    let edit = Editable::create(&rel, &doc.to_string())?;
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale,
    };
    let written = write::save::<Matter>(&lock, &edit, args.dry_run, locale, |m| {
        check::single::matter(&rel, m, &settings, &cctx)
    })?;
    match &written {
        write::Written::DryRun(diff) => print!("{diff}"),
        w if !ctx.quiet => println!("{}", write::describe(w, &rel, locale)),
        _ => {}
    }
    Ok(Exit::Success)
}
