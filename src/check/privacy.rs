//! `exposed-private`: a mobile phone number or a resident ID-card number written outside a
//! `[private]` table would be printed in reports that are posted publicly. Such values belong in
//! `[private]`, which no report renders.

use rayon::prelude::*;
use serde::Serialize;

use super::Context;
use crate::diag::Diagnostic;
use crate::i18n::tf;
use crate::workspace::{Rec, Workspace};

pub(super) fn check(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    fn all<T: Serialize + Sync>(recs: &[Rec<T>], ctx: &Context) -> Vec<Diagnostic> {
        recs.par_iter()
            .flat_map_iter(|r| {
                let mut found = Vec::new();
                scan(&r.path, &r.value, ctx, &mut found);
                found
            })
            .collect()
    }
    scan(&ws.settings.path, &ws.settings.value, ctx, out);
    out.extend(all(&ws.orgs, ctx));
    out.extend(all(&ws.members, ctx));
    out.extend(all(&ws.posts, ctx));
    out.extend(all(&ws.matters, ctx));
    out.extend(all(&ws.commitments, ctx));
    out.extend(all(&ws.evaluations, ctx));
}

/// What kind of personal number a text holds, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exposed {
    Phone,
    IdCard,
}

fn scan<T: Serialize>(path: &str, record: &T, ctx: &Context, out: &mut Vec<Diagnostic>) {
    // `[private]` is skipped by serialization, so every string seen here would be rendered.
    // The strings are visited in place (no `serde_json::Value` of the record is built); a
    // record that cannot be serialized is not reported.
    let mut found = Vec::new();
    let complete = super::strings::each_string(record, &mut |segs, text| {
        if let Some(kind) = find_exposed(text) {
            found.push((kind, segs()));
        }
    });
    if !complete {
        return;
    }
    for (kind, segs) in found {
        let what = match kind {
            Exposed::Phone => "check.exposed-private.phone",
            Exposed::IdCard => "check.exposed-private.id-card",
        };
        out.push(
            Diagnostic::warning(
                crate::diag::Code::ExposedPrivate,
                path,
                tf(
                    ctx.locale,
                    "check.exposed-private",
                    &[("what", &crate::i18n::t(ctx.locale, what))],
                ),
            )
            .at_segs(segs)
            .help(tf(ctx.locale, "check.exposed-private.help", &[])),
        );
    }
}

/// Finds a mainland mobile number (11 digits starting 13–19, spaces or hyphens allowed inside)
/// or an 18-character resident ID number with a valid check digit.
pub fn find_exposed(text: &str) -> Option<Exposed> {
    // Most texts hold fewer than 11 digits and cannot contain either number.
    if text.bytes().filter(u8::is_ascii_digit).count() < 11 {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A maximal run of digits, X (ID check digit) and inner separators.
        let start = i;
        let mut j = i;
        while j < chars.len()
            && (chars[j].is_ascii_digit() || matches!(chars[j], 'X' | 'x' | ' ' | '-'))
        {
            j += 1;
        }
        let run: String = chars[start..j]
            .iter()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        let run = run.trim_end_matches(['X', 'x', ' ']);
        if is_mobile(run) {
            return Some(Exposed::Phone);
        }
        let compact: String = chars[start..j]
            .iter()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        if is_id_card(&compact) {
            return Some(Exposed::IdCard);
        }
        i = j.max(i + 1);
    }
    None
}

fn is_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
}

fn is_id_card(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = b[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    b[17].to_ascii_uppercase() == CHECK[(sum % 11) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phones_and_id_numbers() {
        assert_eq!(find_exposed("联系电话13812345678"), Some(Exposed::Phone));
        assert_eq!(
            find_exposed("电话 138-1234-5678 找我"),
            Some(Exposed::Phone)
        );
        assert_eq!(
            find_exposed("身份证 11010519491231002X"),
            Some(Exposed::IdCard)
        );
        assert_eq!(find_exposed("巡查3个小区，发现并上报隐患2处"), None);
        assert_eq!(find_exposed("2026-01-15 完成 1200 米"), None);
        assert_eq!(find_exposed("办公电话 0598-8231234"), None);
        assert_eq!(find_exposed("编号 23812345678901"), None);
        assert_eq!(find_exposed("110105194912310021"), None, "bad check digit");
    }
}
