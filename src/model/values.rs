//! Value types shared by the records: calendar dates, exact decimal numbers, review periods and
//! the keyword enums whose values are English kebab-case words that also accept Chinese names.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A calendar date, written in TOML as a local date (`2026-01-10`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn ymd(y: i32, m: u32, d: u32) -> Date {
        Date(NaiveDate::from_ymd_opt(y, m, d).expect("valid literal date"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike;
        let year = self.0.year();
        if (0..=9999).contains(&year) {
            // What `%Y-%m-%d` gives, without parsing the format for every date.
            write!(f, "{year:04}-{:02}-{:02}", self.0.month(), self.0.day())
        } else {
            write!(f, "{}", self.0.format("%Y-%m-%d"))
        }
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Date)
            .map_err(|_| format!("`{s}` is not a valid date (YYYY-MM-DD)"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let dt = toml::value::Datetime::deserialize(d)?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => {
                NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
                    .map(Date)
                    .ok_or_else(|| {
                        de::Error::custom(format!("{date} is not a day of the calendar"))
                    })
            }
            _ => Err(de::Error::custom(format!(
                "expected a date like 2026-01-10, found `{dt}`"
            ))),
        }
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date" })
    }
}

/// An exact decimal number. A TOML float is taken through its shortest decimal representation,
/// so `0.1` is exactly one tenth (SPEC §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Num(pub Decimal);

impl Num {
    pub fn from_f64(f: f64) -> Option<Num> {
        if !f.is_finite() {
            return None;
        }
        // Its shortest decimal text, written on the stack: every finite `f64` takes fewer than
        // 400 characters.
        let mut buf = [0u8; 512];
        let mut rest = &mut buf[..];
        std::io::Write::write_fmt(&mut rest, format_args!("{f}")).ok()?;
        let len = 512 - rest.len();
        let text = std::str::from_utf8(&buf[..len]).ok()?;
        Decimal::from_str(text).ok().map(|d| Num(d.normalize()))
    }
    pub fn int(i: i64) -> Num {
        Num(Decimal::from(i))
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl FromStr for Num {
    type Err = String;
    fn from_str(s: &str) -> Result<Num, String> {
        Decimal::from_str(s.trim())
            .map(|d| Num(d.normalize()))
            .map_err(|_| format!("`{s}` is not a number"))
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0.normalize();
        if d.scale() == 0
            && let Ok(i) = i64::try_from(d)
        {
            return s.serialize_i64(i);
        }
        s.serialize_f64(f64::try_from(d).unwrap_or(0.0))
    }
}

/// A TOML number as a `Num`.
struct NumVisitor;

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

impl Visitor<'_> for NumVisitor {
    type Value = Num;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
        Ok(Num::int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
        Ok(Num(Decimal::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
        Num::from_f64(v).ok_or_else(|| {
            E::custom(format!(
                "`{v}` is not a usable number (nan, inf or too large)"
            ))
        })
    }
}

impl JsonSchema for Num {
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number" })
    }
}

/// A score source: a single number, or a list of ballots (SPEC §6).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ScoreValue {
    One(Num),
    Ballots(Vec<Num>),
}

/// Read by what the value is, not by trying each variant in turn: serde's untagged enums
/// first copy every value into a buffer of their own.
impl<'de> Deserialize<'de> for ScoreValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ScoreValue, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ScoreValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a list of numbers (ballots)")
            }
            // A single number is read as `Num` reads it.
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ScoreValue, E> {
                NumVisitor.visit_i64(v).map(ScoreValue::One)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ScoreValue, E> {
                NumVisitor.visit_u64(v).map(ScoreValue::One)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ScoreValue, E> {
                NumVisitor.visit_f64(v).map(ScoreValue::One)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<ScoreValue, A::Error> {
                let mut ballots = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(n) = seq.next_element::<Num>()? {
                    ballots.push(n);
                }
                Ok(ScoreValue::Ballots(ballots))
            }
        }
        d.deserialize_any(V)
    }
}

/// A review period: a quarter, a half-year or a whole year (SPEC §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub part: PeriodPart,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodPart {
    Q(u8),
    H(u8),
    Y,
}

impl Period {
    pub fn quarter(year: i32, q: u8) -> Period {
        Period {
            year,
            part: PeriodPart::Q(q),
        }
    }
    pub fn half(year: i32, h: u8) -> Period {
        Period {
            year,
            part: PeriodPart::H(h),
        }
    }
    pub fn year(year: i32) -> Period {
        Period {
            year,
            part: PeriodPart::Y,
        }
    }

    /// First and last day of the period's window, both included.
    pub fn window(self) -> (Date, Date) {
        let (m0, m1) = match self.part {
            PeriodPart::Q(q) => (3 * u32::from(q) - 2, 3 * u32::from(q)),
            PeriodPart::H(h) => (6 * u32::from(h) - 5, 6 * u32::from(h)),
            PeriodPart::Y => (1, 12),
        };
        // Years beyond the calendar's range (only from hand-edited files, which `check`
        // reports) clamp to its ends rather than panic.
        let first = NaiveDate::from_ymd_opt(self.year, m0, 1).unwrap_or(if self.year < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        });
        (Date(first), Date(last_day_of_month(self.year, m1)))
    }

    pub fn start(self) -> Date {
        self.window().0
    }
    pub fn end(self) -> Date {
        self.window().1
    }

    pub fn contains(self, d: Date) -> bool {
        let (a, b) = self.window();
        a <= d && d <= b
    }

    /// The half-year (`YYYY-Hn`) a date falls in.
    pub fn half_of(d: Date) -> Period {
        Period::half(d.0.year(), if d.0.month() <= 6 { 1 } else { 2 })
    }
    pub fn quarter_of(d: Date) -> Period {
        Period::quarter(d.0.year(), ((d.0.month() - 1) / 3 + 1) as u8)
    }

    /// The period of the same kind just before this one.
    pub fn previous(self) -> Period {
        match self.part {
            PeriodPart::Q(1) => Period::quarter(self.year - 1, 4),
            PeriodPart::Q(q) => Period::quarter(self.year, q - 1),
            PeriodPart::H(1) => Period::half(self.year - 1, 2),
            PeriodPart::H(h) => Period::half(self.year, h - 1),
            PeriodPart::Y => Period::year(self.year - 1),
        }
    }
}

pub fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year.saturating_add(1), 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(if year < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            PeriodPart::Q(q) => write!(f, "{}-Q{q}", self.year),
            PeriodPart::H(h) => write!(f, "{}-H{h}", self.year),
            PeriodPart::Y => write!(f, "{}-Y", self.year),
        }
    }
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        let bad = || format!("`{s}` is not a period (YYYY-Q1…Q4, YYYY-H1, YYYY-H2 or YYYY-Y)");
        let (y, rest) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let part = match rest {
            "Q1" => PeriodPart::Q(1),
            "Q2" => PeriodPart::Q(2),
            "Q3" => PeriodPart::Q(3),
            "Q4" => PeriodPart::Q(4),
            "H1" => PeriodPart::H(1),
            "H2" => PeriodPart::H(2),
            "Y" => PeriodPart::Y,
            _ => return Err(bad()),
        };
        Ok(Period { year, part })
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[0-9]{4}-(Q[1-4]|H[12]|Y)$" })
    }
}

/// Declares a keyword enum: canonical kebab-case English words, each also accepting its Chinese
/// name. `as_str` gives the English word, `zh` the Chinese name.
macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $en:literal / $zh:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
            pub fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }
            /// The word in the given locale: Chinese for zh-CN, English otherwise.
            pub fn label(self, locale: $crate::i18n::Locale) -> &'static str {
                match locale {
                    $crate::i18n::Locale::ZhCn => self.zh(),
                    $crate::i18n::Locale::En => self.as_str(),
                }
            }
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($en | $zh => Some($name::$variant),)+ _ => None }
            }
            pub fn words() -> String {
                [$(concat!("`", $en, "` (", $zh, ")")),+].join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<$name, String> {
                $name::parse(s).ok_or_else(|| format!("`{s}` is not one of {}", $name::words()))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "enum": [$($en, $zh),+],
                    "description": format!("One of {} (English word or Chinese name)", $name::words()),
                })
            }
        }
    };
}
pub(crate) use keyword_enum;

/// Declares a record type (one kind of file of the workspace): the derives every record has,
/// unknown keys refused, and after its own fields the two free tables every record may carry,
/// `[private]` (read, never serialized) and `[extra]`. Doc comments before a trailing `private;`
/// describe the `[private]` table in the schema.
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)*
        }
        $($(#[$private_meta:meta])+ private;)?
    ) => {
        #[derive(
            Clone,
            Debug,
            PartialEq,
            serde::Serialize,
            serde::Deserialize,
            schemars::JsonSchema,
        )]
        #[serde(deny_unknown_fields)]
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
            $($(#[$private_meta])+)?
            #[serde(default, skip_serializing)]
            pub private: Option<Box<$crate::model::FreeTable>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub extra: Option<Box<$crate::model::FreeTable>>,
        }
    };
}
pub(crate) use record;

keyword_enum!(
    /// Sector of an organization (SPEC §2.2).
    Sector {
        Village = "village" / "农村",
        Community = "community" / "社区",
        Agency = "agency" / "机关",
        Enterprise = "enterprise" / "企业",
        School = "school" / "学校",
        Other = "other" / "其他",
    }
);

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn floats_are_read_through_their_shortest_text() {
        for f in [
            0.1,
            1.5,
            -2.25,
            100.0,
            1e-7,
            123_456.789,
            1e28,
            7.9e28,
            1e29,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            let through_string = Decimal::from_str(&format!("{f}"))
                .ok()
                .map(|d| Num(d.normalize()));
            assert_eq!(Num::from_f64(f), through_string, "{f}");
        }
        assert_eq!(Num::from_f64(0.1).unwrap().to_string(), "0.1");
        assert_eq!(Num::from_f64(f64::NAN), None);
    }

    #[test]
    fn score_values_are_read_by_their_shape() {
        #[derive(Debug, Deserialize)]
        struct Row {
            a: ScoreValue,
            b: ScoreValue,
            c: ScoreValue,
        }
        let row: Row = toml::from_str("a = 90\nb = 92.5\nc = [80, 85.5, 90]").unwrap();
        assert_eq!(row.a, ScoreValue::One(Num::int(90)));
        assert_eq!(row.b, ScoreValue::One(Num::from_f64(92.5).unwrap()));
        let ballots = [Num::int(80), Num::from_f64(85.5).unwrap(), Num::int(90)];
        assert_eq!(row.c, ScoreValue::Ballots(ballots.to_vec()));
        let wrong = toml::from_str::<Row>("a = \"x\"\nb = 1\nc = 1").unwrap_err();
        assert!(
            wrong.message().contains("a number or a list of numbers"),
            "{wrong}"
        );
    }

    #[test]
    fn dates_print_as_chrono_prints_them() {
        for (y, m, d) in [
            (2026, 1, 5),
            (1, 12, 31),
            (0, 1, 1),
            (999, 7, 9),
            (9999, 12, 31),
        ]
        .into_iter()
        .chain([(10000, 1, 1), (-1, 3, 4), (-262_000, 1, 1)])
        {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(Date(date).to_string(), date.format("%Y-%m-%d").to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_their_shortest_decimal() {
        assert_eq!(
            Num::from_f64(0.1).unwrap().0,
            Decimal::from_str("0.1").unwrap()
        );
        assert_eq!(Num::from_f64(88.125).unwrap().to_string(), "88.125");
        assert!(Num::from_f64(f64::NAN).is_none());
        assert!(Num::from_f64(f64::INFINITY).is_none());
    }

    #[test]
    fn period_windows() {
        let p: Period = "2026-Q1".parse().unwrap();
        assert_eq!(p.window(), (Date::ymd(2026, 1, 1), Date::ymd(2026, 3, 31)));
        let h: Period = "2024-H1".parse().unwrap();
        assert_eq!(h.end(), Date::ymd(2024, 6, 30));
        assert_eq!(
            "2026-Y".parse::<Period>().unwrap().end(),
            Date::ymd(2026, 12, 31)
        );
        assert!("2026-Q5".parse::<Period>().is_err());
        assert_eq!(
            Period::quarter(2026, 1).previous(),
            Period::quarter(2025, 4)
        );
    }
}
