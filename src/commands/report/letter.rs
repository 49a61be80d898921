//! `dangjian report letter`: the commitment letters as the form of seed 004 (承诺书: 附件一 for
//! members, 附件二 for organizations), one per A4 page, for printing and signing.

use anyhow::Result;

use super::forms::{FormArgs, Prepared, finish_forms, resolve_committer};
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::{t, tf};
use crate::report::letter::{Options, forms, half, letters, machine};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print only the letter of this member or organization (id or name)
    #[arg(value_name = "COMMITTER")]
    pub committer: Option<String>,
    #[command(flatten)]
    pub forms: FormArgs,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let Prepared {
        loaded,
        format,
        half: half_arg,
        org,
    } = args.forms.prepare(ctx)?;
    let locale = loaded.locale;
    let ws = &loaded.ws;
    let committer = args
        .committer
        .as_deref()
        .map(|c| resolve_committer(ws, c, locale))
        .transpose()?;
    let opts = Options {
        org,
        half: half_arg,
        committer,
        as_of: ctx.as_of,
    };
    let found = letters(ws, &opts);
    if found.is_empty() {
        return Err(Refused {
            reasons: vec![format!(
                "{}\n{}: {}",
                match &opts.committer {
                    Some(id) => tf(
                        locale,
                        "letter.none-of",
                        &[("name", &ws.name_of(id)), ("half", &half(&opts))]
                    ),
                    None => tf(locale, "letter.none", &[("half", &half(&opts))]),
                },
                t(locale, "cli.help"),
                t(locale, "letter.none.help")
            )],
        }
        .into());
    }
    let printed = forms(ws, &found, half(&opts), locale);
    let data = machine(ws, &found, &opts);
    finish_forms(
        ctx,
        "letter",
        &printed,
        &data,
        format,
        &args.forms.out,
        locale,
    )
}
