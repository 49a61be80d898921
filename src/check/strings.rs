//! Visiting every string a record would serialize, with its key path, without building a
//! `serde_json::Value` of the record: the privacy scan looks at every string of every record,
//! and most records hold no candidate at all.
//!
//! The strings and paths are those of `serde_json::to_value`: struct fields and map entries by
//! key, sequence and tuple elements by index, enum variants as their name (unit) or as a
//! one-key table (newtype, tuple, struct), `collect_str` values (dates) as their text.

use std::fmt::{self, Display, Write as _};

use serde::Serialize;
use serde::ser;

use crate::diag::Seg;

/// One step of the path, borrowed while walking; turned into a `Seg` only for a hit.
enum Step {
    Field(&'static str),
    Key(String),
    Index(usize),
}

/// What is called for every string: with a function giving its key path (built only when
/// asked for), and the text.
pub type Visit<'f> = dyn FnMut(&dyn Fn() -> Vec<Seg>, &str) + 'f;

/// Calls `f` with the key path and text of every string `value` serializes to, in
/// serialization order. Returns false when the value cannot be serialized (nothing is then
/// reported, as with `serde_json::to_value`).
pub fn each_string<T: Serialize + ?Sized>(value: &T, f: &mut Visit<'_>) -> bool {
    let mut w = Walker {
        path: Vec::new(),
        buf: String::new(),
        f,
    };
    value.serialize(&mut w).is_ok()
}

struct Walker<'f> {
    path: Vec<Step>,
    buf: String,
    f: &'f mut Visit<'f>,
}

impl Walker<'_> {
    fn text(&mut self, s: &str) {
        let path = &self.path;
        (self.f)(&|| segs(path), s);
    }
    fn nested<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Result<(), Error> {
        self.path.push(step);
        let r = value.serialize(&mut *self);
        self.path.pop();
        r
    }
}

fn segs(path: &[Step]) -> Vec<Seg> {
    path.iter()
        .map(|s| match s {
            Step::Field(k) => Seg::Key((*k).to_string()),
            Step::Key(k) => Seg::Key(k.clone()),
            Step::Index(i) => Seg::Index(*i),
        })
        .collect()
}

#[derive(Debug)]
pub struct Error;

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cannot serialize")
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<M: Display>(_: M) -> Error {
        Error
    }
}

/// A sequence, tuple or map being walked: the index of the next element, the pending key.
struct Compound<'a, 'f> {
    w: &'a mut Walker<'f>,
    index: usize,
    key: Option<String>,
    /// Steps pushed for an enum variant, popped at the end.
    variant: bool,
}

impl<'a, 'f> Compound<'a, 'f> {
    fn new(w: &'a mut Walker<'f>, variant: Option<&'static str>) -> Compound<'a, 'f> {
        if let Some(v) = variant {
            w.path.push(Step::Field(v));
        }
        Compound {
            w,
            index: 0,
            key: None,
            variant: variant.is_some(),
        }
    }
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let i = self.index;
        self.index += 1;
        self.w.nested(Step::Index(i), value)
    }
    fn finish(self) -> Result<(), Error> {
        if self.variant {
            self.w.path.pop();
        }
        Ok(())
    }
}

impl<'a, 'f> ser::Serializer for &'a mut Walker<'f> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'f>;
    type SerializeTuple = Compound<'a, 'f>;
    type SerializeTupleStruct = Compound<'a, 'f>;
    type SerializeTupleVariant = Compound<'a, 'f>;
    type SerializeMap = Compound<'a, 'f>;
    type SerializeStruct = Compound<'a, 'f>;
    type SerializeStructVariant = Compound<'a, 'f>;

    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_u128(self, _: u128) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        let mut b = [0; 4];
        self.text(v.encode_utf8(&mut b));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v);
        Ok(())
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let _ = write!(buf, "{value}");
        self.text(&buf);
        self.buf = buf;
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.nested(Step::Field(variant), value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'f>, Error> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a, 'f>, Error> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'f>, Error> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'f>, Error> {
        Ok(Compound::new(self, Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, 'f>, Error> {
        Ok(Compound::new(self, None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'f>, Error> {
        Ok(Compound::new(self, None))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'f>, Error> {
        self.serialize_tuple_variant(name, index, variant, len)
    }
}

/// The element-wise compounds (sequences and tuples) and the keyed-by-field ones (structs):
/// each element is a step in the path, the compound's end closes it.
macro_rules! compound {
    ($trait:ident, $method:ident, elements) => {
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    };
    ($trait:ident, fields) => {
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.w.nested(Step::Field(key), value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    };
}

compound!(SerializeSeq, serialize_element, elements);
compound!(SerializeTuple, serialize_element, elements);
compound!(SerializeTupleStruct, serialize_field, elements);
compound!(SerializeTupleVariant, serialize_field, elements);
compound!(SerializeStruct, fields);
compound!(SerializeStructVariant, fields);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Keys become strings as in `serde_json::to_value` (numbers written out).
        let k = serde_json::to_value(key).map_err(|_| Error)?;
        self.key = Some(match k {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            _ => return Err(Error),
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or(Error)?;
        self.w.nested(Step::Key(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde_json::Value;

    use super::*;
    use crate::model::Date;

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Wrapped(String),
        Pair(String, u32),
        Named { text: String, when: Date },
    }

    #[derive(Serialize)]
    struct Inner {
        note: Option<String>,
        kinds: Vec<Kind>,
    }

    #[derive(Serialize)]
    struct Record {
        id: String,
        count: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        missing: Option<String>,
        date: Date,
        tags: Vec<String>,
        by_name: BTreeMap<String, Inner>,
        by_number: BTreeMap<u32, String>,
        letter: char,
        #[serde(flatten)]
        extra: BTreeMap<String, String>,
    }

    /// The strings and paths of `serde_json::to_value`, walked the way the scan used to.
    fn reference(value: &Value, path: &mut Vec<Seg>, out: &mut Vec<(Vec<Seg>, String)>) {
        match value {
            Value::String(s) => out.push((path.clone(), s.clone())),
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    reference(v, path, out);
                    path.pop();
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    path.push(Seg::Key(k.clone()));
                    reference(v, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    #[test]
    fn visits_the_strings_and_paths_of_a_json_value() {
        let date = |s: &str| s.parse::<Date>().unwrap();
        let record = Record {
            id: "a-1".into(),
            count: 3,
            missing: None,
            date: date("2026-03-01"),
            tags: vec!["13812345678".into(), "x".into()],
            by_name: BTreeMap::from([(
                "k".to_string(),
                Inner {
                    note: Some("电话 138-1234-5678".into()),
                    kinds: vec![
                        Kind::Plain,
                        Kind::Wrapped("w".into()),
                        Kind::Pair("p".into(), 2),
                        Kind::Named {
                            text: "t".into(),
                            when: date("2026-01-02"),
                        },
                    ],
                },
            )]),
            by_number: BTreeMap::from([(7, "seven".to_string())]),
            letter: '7',
            extra: BTreeMap::from([("more".to_string(), "m".to_string())]),
        };
        let mut expected = Vec::new();
        reference(
            &serde_json::to_value(&record).unwrap(),
            &mut Vec::new(),
            &mut expected,
        );
        let mut got = Vec::new();
        assert!(each_string(&record, &mut |segs, text| got
            .push((segs(), text.to_string()))));
        assert_eq!(got, expected);
        assert!(got.len() > 10, "{got:?}");
    }
}
