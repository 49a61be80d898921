//! One renderer per format. Each takes a `Document` and returns bytes; the same document gives
//! the same bytes.

mod csv;
mod json;
mod terminal;

use std::str::FromStr;

use anyhow::{Result, bail};

use super::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Md,
    Csv,
    Json,
    Yaml,
    Html,
    Xlsx,
}

impl Format {
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Table),
            "md" => Some(Format::Md),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s {
            "table" => Format::Table,
            "md" | "markdown" => Format::Md,
            "csv" => Format::Csv,
            "json" => Format::Json,
            "yaml" | "yml" => Format::Yaml,
            "html" => Format::Html,
            "xlsx" => Format::Xlsx,
            _ => {
                return Err(format!(
                    "unknown format `{s}` (table, md, csv, json, yaml, html, xlsx)"
                ));
            }
        })
    }
}

/// Options that apply to some formats only.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// CSV: start with a UTF-8 BOM (Excel on Chinese Windows).
    pub bom: bool,
    /// Terminal: use colour.
    pub color: bool,
}

pub fn render(doc: &Document, format: Format, opts: RenderOptions) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Table => terminal::render(doc, opts).into_bytes(),
        Format::Csv => csv::render(doc, opts)?,
        Format::Json => json::render(doc).into_bytes(),
        other => bail!("the {other:?} format is not available for this output yet"),
    })
}

/// Neutralises a text cell against formula injection in CSV and XLSX: a leading `= + - @`, tab
/// or CR gets a `'` in front.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}
