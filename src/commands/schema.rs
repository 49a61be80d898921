//! `dangjian schema [KIND]`: the JSON Schema (draft-07) of a record kind, generated from the code.

use anyhow::{Result, anyhow};

use super::{Ctx, Exit};
use crate::model::Kind;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record kind: dangjian, org, member, post, matter, commitment, evaluation (default: all)
    pub kind: Option<String>,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<Exit> {
    let value = match args.kind.as_deref() {
        Some(name) => Kind::from_name(name)
            .ok_or_else(|| {
                let names: Vec<_> = Kind::ALL.iter().map(|k| k.name()).collect();
                anyhow!("unknown record kind `{name}` (one of {})", names.join(", "))
            })?
            .schema(),
        None => serde_json::Value::Object(
            Kind::ALL
                .iter()
                .map(|k| (k.name().to_string(), k.schema()))
                .collect(),
        ),
    };
    println!("{}", serde_json::to_string_pretty(&value)?);
    Ok(Exit::Success)
}
