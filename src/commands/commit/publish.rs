//! `dangjian commit publish`: record the date a letter was made public (网络、公开栏、明白纸).

use super::OpenLetter;
use crate::i18n::{Locale, tf};
use crate::model::Date;

super::date_command! {
    committer = "Member or organization (id or name) whose letter was made public",
    date = "Date it was made public (default: --as-of)",
    key = "published",
}

/// Why the letter cannot be made public on `date`.
fn refusals(open: &OpenLetter, date: Date, locale: Locale) -> Vec<String> {
    let signed = match open.letter.signed {
        None => Some(tf(
            locale,
            "commit.refuse.not-signed",
            &[("committer", &open.committer.id())],
        )),
        Some(signed) if date < signed => Some(tf(
            locale,
            "commit.refuse.publish-before-signed",
            &[("date", &date), ("signed", &signed)],
        )),
        Some(_) => None,
    };
    let published = open
        .letter
        .published
        .filter(|p| *p != date)
        .map(|published| {
            tf(
                locale,
                "commit.refuse.already-published",
                &[("published", &published)],
            )
        });
    signed.into_iter().chain(published).collect()
}
