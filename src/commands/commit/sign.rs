//! `dangjian commit sign`: record the date a letter was signed (签订承诺书).

use super::OpenLetter;
use crate::i18n::{Locale, tf};
use crate::model::Date;

super::date_command! {
    committer = "Member or organization (id or name) who signed",
    date = "Date of signing (default: --as-of)",
    key = "signed",
}

/// Why the letter cannot be signed on `date`.
fn refusals(open: &OpenLetter, date: Date, locale: Locale) -> Vec<String> {
    // Signed already: the other reasons would only follow from signing again.
    if let Some(signed) = open.letter.signed
        && signed != date
    {
        return vec![tf(
            locale,
            "commit.refuse.already-signed",
            &[("signed", &signed)],
        )];
    }
    let mut reasons = Vec::new();
    if open.letter.items.is_empty() {
        reasons.push(tf(locale, "commit.refuse.no-items", &[]));
    }
    for item in &open.letter.items {
        if let Some(first) = item.progress.iter().map(|p| p.date).min()
            && first < date
        {
            reasons.push(tf(
                locale,
                "commit.refuse.progress-before-sign",
                &[("item", &item.id), ("date", &first)],
            ));
        }
    }
    if let Some(published) = open.letter.published
        && published < date
    {
        reasons.push(tf(
            locale,
            "commit.refuse.sign-after-published",
            &[("published", &published), ("date", &date)],
        ));
    }
    reasons
}
