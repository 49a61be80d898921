//! The machine shape of review results (SPEC §6 JSON; yaml carries the same value): keys in the
//! documented order, printed values rounded to 2 decimals.

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use super::annual::{AnnualResult, AnnualScored, Outcome, PARTS};
use super::period::{
    COMPONENTS, Gradable, Missing, PeriodResult, Scored, Subject, SubjectKind, grade_table,
};
use super::rational::Q;
use super::recorded::Recorded;
use crate::model::{Date, Grade, ReviewSettings};

/// A printed value: rounded half away from zero to 2 decimals, as a JSON number.
pub fn number(d: Decimal) -> Value {
    let r = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let f: f64 = r.try_into().unwrap_or(0.0);
    Value::from(f)
}

fn q(v: Q) -> Value {
    number(v.round2())
}

fn head(s: &Subject) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("kind".into(), s.kind.as_str().into());
    m.insert("id".into(), s.id.clone().into());
    m.insert("name".into(), s.name.clone().into());
    m.insert("org".into(), s.org.clone().map_or(Value::Null, Value::from));
    m
}

fn missing(list: &[Missing]) -> Value {
    Value::Array(
        list.iter()
            .map(|m| {
                json!({ "kind": m.subject.kind.as_str(), "id": m.subject.id, "reason": m.reason.as_str() })
            })
            .collect(),
    )
}

/// Counts per grade id over the subjects, every id of the tables in use listed.
fn grade_counts<'a>(
    settings: &ReviewSettings,
    with_orgs: bool,
    graded: impl Iterator<Item = (SubjectKind, usize)> + 'a,
) -> Value {
    let members = grade_table(settings, SubjectKind::Member);
    let orgs = grade_table(settings, SubjectKind::Org);
    let mut counts = Map::new();
    let tables: Vec<&Vec<Grade>> = if with_orgs {
        vec![&members, &orgs]
    } else {
        vec![&members]
    };
    for t in &tables {
        for g in t.iter() {
            counts.entry(g.id.clone()).or_insert(Value::from(0u64));
        }
    }
    for (kind, gi) in graded {
        let table = if kind == SubjectKind::Member {
            &members
        } else {
            &orgs
        };
        if let Some(g) = table.get(gi)
            && let Some(Value::Number(n)) = counts.get_mut(&g.id)
        {
            *n = (n.as_u64().unwrap_or(0) + 1).into();
        }
    }
    Value::Object(counts)
}

fn grade_id(settings: &ReviewSettings, kind: SubjectKind, gi: usize) -> Value {
    grade_table(settings, kind)
        .get(gi)
        .map_or(Value::Null, |g| g.id.clone().into())
}

/// The values that exist, keyed by their names.
fn by_name(names: &[&str], values: &[Option<Q>]) -> Value {
    let mut m = Map::new();
    for (name, v) in names.iter().zip(values) {
        if let Some(v) = v {
            m.insert((*name).into(), q(*v));
        }
    }
    Value::Object(m)
}

/// The score, grade, demotion, veto and ranks of a scored subject.
fn standing<S: Gradable>(m: &mut Map<String, Value>, settings: &ReviewSettings, s: &S) {
    let graded = s.graded();
    m.insert("score".into(), number(s.score()));
    m.insert(
        "grade".into(),
        grade_id(settings, s.subject().kind, graded.grade),
    );
    m.insert("demoted".into(), graded.demoted.into());
    m.insert("vetoed".into(), s.vetoed().into());
    m.insert("rank".into(), graded.rank.into());
    m.insert("rank_overall".into(), s.rank_overall().into());
}

/// The JSON of a period review.
pub fn period(r: &PeriodResult, settings: &ReviewSettings, as_of: Date) -> Value {
    serde_json::to_value(PeriodJson { r, settings, as_of }).unwrap_or(Value::Null)
}

/// A period review's JSON, serialized straight to text (the value of every subject is built
/// and dropped in turn, never all of them at once); `period` is its value.
pub struct PeriodJson<'a> {
    pub r: &'a PeriodResult,
    pub settings: &'a ReviewSettings,
    pub as_of: Date,
}

impl Serialize for PeriodJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let (r, settings) = (self.r, self.settings);
        let subjects = Each(&r.subjects, |s: &Scored| {
            let mut m = head(&s.subject);
            m.insert("components".into(), by_name(&COMPONENTS, &s.components));
            m.insert("adjust".into(), q(s.adjust_total));
            standing(&mut m, settings, s);
            Value::Object(m)
        });
        let mut out = ser.serialize_map(None)?;
        out.serialize_entry("period", &r.period.to_string())?;
        out.serialize_entry("as_of", &self.as_of.to_string())?;
        out.serialize_entry("scale", &r.scale)?;
        out.serialize_entry("subjects", &subjects)?;
        out.serialize_entry("missing", &missing(&r.missing))?;
        out.serialize_entry("grades", &grades(settings, &r.subjects, &r.missing))?;
        out.end()
    }
}

/// A list serialized as the values `f` builds of its items, one at a time.
struct Each<'a, T, F>(&'a [T], F);

impl<T, F: Fn(&T) -> Value> Serialize for Each<'_, T, F> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut seq = ser.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&(self.1)(item))?;
        }
        seq.end()
    }
}

/// The grade counts of the scored subjects, with the organizations' grades when any subject,
/// scored or missing, is an organization.
fn grades<S: Gradable>(settings: &ReviewSettings, subjects: &[S], missing: &[Missing]) -> Value {
    let with_orgs = subjects
        .iter()
        .any(|s| s.subject().kind == SubjectKind::Org)
        || missing.iter().any(|m| m.subject.kind == SubjectKind::Org);
    grade_counts(
        settings,
        with_orgs,
        subjects
            .iter()
            .map(|s| (s.subject().kind, s.graded().grade)),
    )
}

/// The JSON of an annual review.
pub fn annual(r: &AnnualResult, settings: &ReviewSettings, as_of: Date) -> Value {
    serde_json::to_value(AnnualJson { r, settings, as_of }).unwrap_or(Value::Null)
}

/// An annual review's JSON, serialized straight to text as `PeriodJson` is; `annual` is its
/// value.
pub struct AnnualJson<'a> {
    pub r: &'a AnnualResult,
    pub settings: &'a ReviewSettings,
    pub as_of: Date,
}

impl Serialize for AnnualJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let (r, settings) = (self.r, self.settings);
        let subjects = Each(&r.subjects, |s: &AnnualScored| {
            let mut m = head(&s.subject);
            m.insert("parts".into(), by_name(&PARTS, &s.parts));
            standing(&mut m, settings, s);
            if s.subject.kind == SubjectKind::Member {
                let outcomes: Vec<Value> = s
                    .outcomes
                    .iter()
                    .map(|o| match o {
                        Outcome::Rectify { due } => json!({
                            "kind": o.kind(),
                            "due": due.map_or(Value::Null, |d| d.to_string().into()),
                        }),
                        _ => json!({ "kind": o.kind() }),
                    })
                    .collect();
                m.insert("outcomes".into(), Value::Array(outcomes));
                m.insert("recorded".into(), recorded_list(&s.recorded));
            }
            Value::Object(m)
        });
        // Decisions recorded for members without an annual score stay visible: beside their
        // `missing` entry, or (for an id that is not reviewed at all) in a top-level list.
        let mut missing = missing(&r.missing);
        let mut orphans = Vec::new();
        for (subject, rec) in &r.unscored_recorded {
            let entry = missing.as_array_mut().and_then(|list| {
                list.iter_mut()
                    .find(|m| m["kind"] == subject.kind.as_str() && m["id"] == subject.id.as_str())
            });
            match entry {
                Some(Value::Object(m)) => {
                    m.insert("recorded".into(), recorded_list(rec));
                }
                _ => orphans.push(json!({ "member": subject.id, "recorded": recorded_list(rec) })),
            }
        }
        let mut out = ser.serialize_map(None)?;
        out.serialize_entry("year", &r.year)?;
        out.serialize_entry("as_of", &self.as_of.to_string())?;
        out.serialize_entry("scale", &r.scale)?;
        out.serialize_entry("subjects", &subjects)?;
        out.serialize_entry("missing", &missing)?;
        out.serialize_entry("grades", &grades(settings, &r.subjects, &r.missing))?;
        if !orphans.is_empty() {
            out.serialize_entry("recorded", &orphans)?;
        }
        out.end()
    }
}

/// Recorded decisions: kind, title, due, verified (null when absent) and whether the computed
/// result supports them.
fn recorded_list(list: &[Recorded]) -> Value {
    let date = |d: Option<Date>| d.map_or(Value::Null, |d| d.to_string().into());
    Value::Array(
        list.iter()
            .map(|r| {
                json!({
                    "kind": r.kind.as_str(),
                    "title": r.title.clone().map_or(Value::Null, Value::from),
                    "due": date(r.due),
                    "verified": date(r.verified),
                    "supported": r.supported,
                })
            })
            .collect(),
    )
}
