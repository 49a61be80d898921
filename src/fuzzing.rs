//! Entry points for the fuzzers (`fuzz/`) and for replaying their corpus in the tests: bytes in,
//! nothing out, and no panic whatever the bytes.

use crate::check;
use crate::diag::Place;
use crate::i18n::Locale;
use crate::model::{Date, Kind};
use crate::workspace::{Parsed, Rec, Records, Workspace, decode, parse_kind};

/// Decodes `bytes` and parses them as every record kind, locating any finding.
pub fn record(bytes: &[u8]) {
    let Ok(decoded) = decode("x.toml", bytes.to_vec(), Locale::En) else {
        return;
    };
    for kind in Kind::ALL {
        if let Err(d) = parse_kind("x.toml", kind, &decoded.text, Locale::ZhCn)
            && let Place::Offset(o) = d.place
        {
            let _ = crate::workspace::line_column(&decoded.text, o);
        }
    }
    let _ = crate::workspace::span_of(&decoded.text, &crate::diag::parse_path("holder[1].member"));
}

/// Splits `bytes` at 0xFF into files, parses each as the kind its position gives, builds a
/// workspace from whatever parsed, and runs every check over it.
pub fn workspace(bytes: &[u8]) {
    let mut settings = None;
    let mut records = Records::default();
    let kinds = [
        Kind::Settings,
        Kind::Org,
        Kind::Org,
        Kind::Member,
        Kind::Member,
        Kind::Post,
        Kind::Matter,
        Kind::Commitment,
        Kind::Evaluation,
    ];
    for (i, chunk) in bytes.split(|b| *b == 0xFF).enumerate() {
        let kind = kinds[i % kinds.len()];
        let Ok(text) = std::str::from_utf8(chunk) else {
            continue;
        };
        let rel = format!("f{i}.toml");
        let Ok(parsed) = parse_kind(&rel, kind, text, Locale::En) else {
            continue;
        };
        let path = rel.clone();
        match parsed {
            Parsed::Settings(v) => settings = Some(Rec { path, value: v }),
            Parsed::Org(v) => records.orgs.push(Rec { path, value: v }),
            Parsed::Member(v) => records.members.push(Rec { path, value: v }),
            Parsed::Post(v) => records.posts.push(Rec { path, value: v }),
            Parsed::Matter(v) => records.matters.push(Rec { path, value: v }),
            Parsed::Commitment(v) => records.commitments.push(Rec { path, value: v }),
            Parsed::Evaluation(v) => records.evaluations.push(Rec { path, value: v }),
        }
    }
    let Some(settings) = settings else { return };
    let ws = Workspace::new(settings, records);
    let ctx = check::Context {
        as_of: Date::ymd(2026, 11, 20),
        locale: Locale::En,
    };
    let _ = check::run(&ws, &ctx);
}
