//! Names as human formats print them: a person or an organization by name, with the id added
//! only where two of them share the name (`张伟（zhangwei-2）`), so that a printed page never
//! shows a pinyin id a reader has to decode.

use std::collections::HashMap;

use crate::i18n::{Locale, tf};
use crate::model::{Period, PeriodPart};
use crate::workspace::Workspace;

/// The names of a workspace's members and organizations, knowing which are shared.
#[derive(Debug)]
pub struct Names<'a> {
    ws: &'a Workspace,
    count: HashMap<&'a str, usize>,
    locale: Locale,
}

impl<'a> Names<'a> {
    pub fn new(ws: &'a Workspace, locale: Locale) -> Names<'a> {
        let mut count: HashMap<&str, usize> = HashMap::new();
        let names = ws
            .members
            .iter()
            .map(|m| m.name.as_str())
            .chain(ws.orgs.iter().map(|o| o.name.as_str()));
        for name in names {
            *count.entry(name).or_default() += 1;
        }
        Names { ws, count, locale }
    }

    /// The name of a member or organization id, the id added when the name is shared; an id
    /// that names nothing is shown as it is.
    pub fn of(&self, id: &str) -> String {
        self.with_id(self.ws.name_of(id), id)
    }

    /// A name already looked up, the id added when the name is shared.
    pub fn with_id(&self, name: &str, id: &str) -> String {
        if name == id || self.count.get(name).copied().unwrap_or(0) <= 1 {
            return name.to_string();
        }
        tf(
            self.locale,
            "report.name-with-id",
            &[("name", &name), ("id", &id)],
        )
    }

    /// [`Names::of`] for an optional id.
    pub fn of_opt(&self, id: Option<&str>) -> Option<String> {
        id.map(|id| self.of(id))
    }
}

/// A period as a title says it: `2026 年度`, `2026 年下半年`, `2026 年第 3 季度`.
pub fn period_label(period: Period, locale: Locale) -> String {
    let year = period.year;
    match period.part {
        PeriodPart::Y => tf(locale, "report.period.year", &[("year", &year)]),
        PeriodPart::H(1) => tf(locale, "report.period.h1", &[("year", &year)]),
        PeriodPart::H(_) => tf(locale, "report.period.h2", &[("year", &year)]),
        PeriodPart::Q(n) => tf(
            locale,
            "report.period.quarter",
            &[("year", &year), ("n", &n)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::fixture::{member, org, refs, workspace};

    #[test]
    fn ids_only_where_names_are_shared() {
        let twin = (
            "members/c.toml".to_string(),
            "id = \"c\"\nname = \"a-name\"\norg = \"root\"\nstatus = \"full\"\noffice = \"none\"\n"
                .to_string(),
        );
        let files = vec![
            org("root", None),
            member("a", "root", ""),
            member("b", "root", ""),
            twin,
        ];
        let ws = workspace("", &refs(&files));
        let names = Names::new(&ws, Locale::ZhCn);
        assert_eq!(names.of("b"), "b-name");
        assert_eq!(names.of("root"), "root-name");
        assert_eq!(names.of("a"), "a-name（a）");
        assert_eq!(names.of("c"), "a-name（c）");
        assert_eq!(names.of("nobody"), "nobody");
        assert_eq!(names.of_opt(None), None);
        let en = Names::new(&ws, Locale::En);
        assert_eq!(en.of("c"), "a-name (c)");
    }

    #[test]
    fn periods_in_titles() {
        let zh = |p| period_label(p, Locale::ZhCn);
        assert_eq!(zh(Period::year(2026)), "2026 年度");
        assert_eq!(zh(Period::half(2026, 1)), "2026 年上半年");
        assert_eq!(zh(Period::half(2026, 2)), "2026 年下半年");
        assert_eq!(zh(Period::quarter(2026, 3)), "2026 年第 3 季度");
        assert_eq!(
            period_label(Period::quarter(2026, 3), Locale::En),
            "Q3 2026"
        );
    }
}
