//! `dangjian commit show`: one letter with its items, progress and leader comments. Reads the
//! letter and the records it names, nothing else.

use anyhow::{Result, anyhow};

use super::{letter_half, letter_path, parse_half, resolve_committer};
use crate::commands::{Ctx, Exit, ListFormat, Refused, emit};
use crate::i18n::tf;
use crate::model::{Commitment, Member, Org, Period};
use crate::report::ledger;
use crate::report::render::render;
use crate::workspace::resolve::{read_by_id, read_record};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Member or organization (id or name)
    pub committer: String,
    /// Half-year of the letter (default: the one containing --as-of, else the nearest letter)
    #[arg(long, value_parser = parse_half)]
    pub half: Option<Period>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let root = ctx.root()?;
    let (_, locale) = ctx.settings(&root)?;
    let committer = resolve_committer(&root, &args.committer, locale)?;
    let half = letter_half(&root, committer.id(), ctx.as_of, args.half);
    let rel = letter_path(half, committer.id());
    if !root.join(&rel).is_file() {
        return Err(Refused {
            reasons: vec![tf(
                locale,
                "commit.refuse.no-letter",
                &[
                    ("committer", &committer.id()),
                    ("half", &half),
                    ("file", &rel),
                ],
            )],
        }
        .into());
    }
    let letter = read_record::<Commitment>(&root, &rel, locale)?;
    let committer_name = committer.name().to_string();
    let committer_id = committer.id().to_string();
    let name_of = |id: &str| -> String {
        if id == committer_id {
            return committer_name.clone();
        }
        if let Ok(Some(m)) = read_by_id::<Member>(&root, "members", id, locale) {
            return m.value.name.into();
        }
        if let Ok(Some(o)) = read_by_id::<Org>(&root, "orgs", id, locale) {
            return o.value.name;
        }
        id.to_string()
    };
    let doc = ledger::letter_document(
        &letter.value,
        &name_of,
        ctx.as_of,
        locale,
        args.format.words(),
    );
    let bytes =
        render(&doc, args.format.format(), ctx.render_options()).map_err(|e| anyhow!("{e}"))?;
    emit(&bytes, None, false)?;
    Ok(Exit::Success)
}
