//! Value wrappers for plan files: positions for diagnostics, and TOML dates.
//!
//! `Spanned<T>` keeps the byte range a value came from so validation errors
//! can say `file:line:col`; unlike `toml::Spanned` it also describes itself
//! in the JSON Schema as the plain `T`, which is what an editor should see.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A value together with the byte range of its source text.
#[derive(Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub span: Range<usize>,
    pub value: T,
}

impl<T> Spanned<T> {
    /// A value with no source position (defaults, values built in code).
    pub fn unplaced(value: T) -> Self {
        Spanned { span: 0..0, value }
    }
    pub fn get(&self) -> &T {
        &self.value
    }
}

/// Shown as its value: diagnostics quote titles and names.
impl<T: std::fmt::Display> std::fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.value.fmt(f)
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = toml::Spanned::<T>::deserialize(d)?;
        let span = s.span();
        Ok(Spanned {
            span,
            value: s.into_inner(),
        })
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}

/// A calendar date written as a TOML date (`2025-08-19`) or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date like 2025-08-19")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(Date)
                    .map_err(|_| E::custom(format!("invalid date `{s}`, expected YYYY-MM-DD")))
            }
            // toml hands datetimes over as a one-entry map holding their text.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Date, A::Error> {
                let Some((_k, v)) = m.next_entry::<String, String>()? else {
                    return Err(serde::de::Error::custom("expected a date like 2025-08-19"));
                };
                if v.len() != 10 {
                    return Err(serde::de::Error::custom(format!(
                        "expected a date like 2025-08-19, found `{v}`"
                    )));
                }
                self.visit_str(&v)
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.format("%Y-%m-%d").to_string())
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date" })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}
