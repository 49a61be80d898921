//! `dangjian commit new`: draft a letter, with one commented example item per category.

use anyhow::Result;

use super::{Session, letter_path, parse_half};
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::{Locale, t, tf};
use crate::model::{Date, Kind, Period};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Member or organization (id or name) making the commitments
    pub committer: String,
    /// Half-year of the letter, YYYY-H1 or YYYY-H2 (default: the one containing --date)
    #[arg(long, value_parser = parse_half)]
    pub half: Option<Period>,
    /// A day of the letter's half-year (default: --as-of)
    #[arg(long)]
    pub date: Option<Date>,
    /// Print the new file as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let (session, committer) = Session::begin_for(ctx, &args.committer)?;
    let locale = session.locale;
    let half = args
        .half
        .unwrap_or_else(|| Period::half_of(super::date_or(ctx, args.date)));
    let rel = letter_path(half, committer.id());
    if session.root.join(&rel).exists() {
        return Err(Refused {
            reasons: vec![tf(
                locale,
                "commit.refuse.exists",
                &[
                    ("file", &rel),
                    ("committer", &committer.id()),
                    ("half", &half),
                ],
            )],
        }
        .into());
    }
    let text = skeleton(committer.id(), committer.name(), half, locale);
    // In the canonical form of `dangjian fmt`, so a new letter passes `fmt --check`.
    let text = crate::format::canonical(Kind::Commitment, &text).unwrap_or(text);
    let edit = Editable::create(&rel, &text)?;
    session.finish(ctx, &edit, Vec::new(), args.dry_run)
}

/// The text of a new letter: the header, then a commented example item for each of the six
/// categories of seed 001 (思想政治 … 参加组织生活).
pub fn skeleton(id: &str, name: &str, half: Period, locale: Locale) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "# {}\n# {}\n# {}\n",
        tf(
            locale,
            "commit.new.header",
            &[("name", &name), ("half", &half)]
        ),
        t(locale, "commit.new.categories"),
        t(locale, "commit.new.quantify"),
    ));
    s.push_str(&format!("committer = {}\nhalf = \"{half}\"\n", quote(id)));
    let due = half.end();
    s.push_str(&format!("\n# {}\n", t(locale, "commit.new.examples")));
    let examples: [Example; 6] = [
        (
            "politics",
            "service",
            "commit.example.politics",
            Some((12, "commit.example.politics.unit")),
        ),
        (
            "duty",
            "service",
            "commit.example.duty",
            Some((20, "commit.example.duty.unit")),
        ),
        (
            "economy",
            "concrete",
            "commit.example.economy",
            Some((2, "commit.example.economy.unit")),
        ),
        (
            "pairing",
            "concrete",
            "commit.example.pairing",
            Some((3, "commit.example.pairing.unit")),
        ),
        ("integrity", "service", "commit.example.integrity", None),
        (
            "org-life",
            "service",
            "commit.example.org-life",
            Some((6, "commit.example.org-life.unit")),
        ),
    ];
    for (n, (category, kind, text, target)) in examples.iter().enumerate() {
        if n > 0 {
            s.push_str("#\n");
        }
        let zh = crate::model::Category::parse(category).map_or("", |c| c.zh());
        s.push_str(&format!(
            "# [[item]]\n# id = \"c{}\"\n# category = \"{category}\"   # {zh}\n# type = \"{kind}\"\n# text = {}\n",
            n + 1,
            quote(t(locale, text)),
        ));
        if *category == "pairing" {
            s.push_str(&format!(
                "# measure = {}\n",
                quote(t(locale, "commit.example.measure"))
            ));
        }
        if let Some((target, unit)) = target {
            s.push_str(&format!(
                "# target = {target}\n# unit = {}\n",
                quote(t(locale, unit))
            ));
        }
        s.push_str(&format!("# due = {due}\n"));
    }
    s
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

/// A commented example item: category, type, catalog key of its text, target and unit key.
type Example = (
    &'static str,
    &'static str,
    &'static str,
    Option<(u32, &'static str)>,
);
