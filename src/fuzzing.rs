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
    let as_of = Date::ymd(2026, 11, 20);
    let ctx = check::Context {
        as_of,
        locale: Locale::En,
    };
    let _ = check::run(&ws, &ctx);
    scores_and_reports(&ws, as_of);
}

/// Runs the scoring engine and every report builder, and renders each report in every format.
fn scores_and_reports(ws: &Workspace, as_of: Date) {
    use crate::model::Period;
    use crate::report::{self, Format, render::RenderOptions};
    let year = ws.settings.year;
    let _ = crate::review::period::compute(ws, Period::quarter(2026, 1));
    let _ = crate::review::annual::compute(ws, year);
    let locale = Locale::ZhCn;
    let org = None;
    let docs = [
        report::board::build(
            ws,
            &report::board::Options {
                org: org.clone(),
                as_of,
            },
            locale,
        ),
        report::ledger::build(
            ws,
            &report::ledger::Options {
                org: org.clone(),
                half: None,
                status: None,
                as_of,
            },
            locale,
        ),
        report::review::build(
            ws,
            &report::review::Options {
                org: org.clone(),
                period: Period::quarter(2026, 3),
                as_of,
            },
            locale,
        ),
        report::annual::build(
            ws,
            &report::annual::Options {
                org: org.clone(),
                year,
                as_of,
            },
            locale,
        ),
        report::progress::build(
            ws,
            &report::progress::Options {
                org: org.clone(),
                month: as_of,
                as_of,
            },
            locale,
        ),
        report::roles::build(
            ws,
            &report::roles::Options {
                org: org.clone(),
                year,
                as_of,
            },
            locale,
        ),
        report::matters::build(ws, &report::matters::Options { org, year, as_of }, locale),
    ];
    for doc in &docs {
        // docx is for the forms, rendered below
        for format in Format::ALL.into_iter().filter(|f| *f != Format::Docx) {
            let _ = report::render(doc, format, RenderOptions::default());
        }
    }
    forms(ws, as_of);
}

/// Builds the forms of seed 004 (letters, comment registers) and renders them in the formats
/// that lay out forms.
fn forms(ws: &Workspace, as_of: Date) {
    use crate::report::render::{Layout, RenderOptions, render_forms};
    use crate::report::{Format, comments, letter};
    let opts = letter::Options {
        org: None,
        half: Some(crate::model::Period::half(2026, 2)),
        committer: None,
        as_of,
    };
    let letters = letter::letters(ws, &opts);
    let entries = comments::entries(ws, &opts);
    let pairs = [
        (
            letter::forms(ws, &letters, letter::half(&opts), Locale::ZhCn),
            letter::machine(ws, &letters, &opts),
        ),
        (
            comments::forms(ws, &entries, &opts, Locale::ZhCn),
            comments::machine(ws, &entries, &opts),
        ),
    ];
    for (forms, machine) in &pairs {
        for format in [Format::Html, Format::Md, Format::Docx, Format::Json] {
            let _ = render_forms(
                "form",
                forms,
                machine,
                format,
                RenderOptions::default(),
                Layout::default(),
            );
        }
    }
}
