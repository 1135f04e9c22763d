//! Arguments as a front end sends them over IPC: one JSON value per named
//! argument, decoded here into core's types.
//!
//! Contract: a missing, wrongly typed or out-of-range argument (a string
//! where a number belongs, `2^64` for a `u32`, `null` for a required
//! value) is an [`CoreError::InvalidInput`] that names the argument, never
//! a panic and never an untyped string. What the value *means* (a date, a
//! known id, a length) is checked by the rule that uses it, further in.
//! Error messages quote at most [`QUOTE_CHARS`] characters of the value, so a
//! 1 MB string sent back in an error cannot flood the UI.

use crate::error::{CoreError, Result};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How much of a rejected value an error message quotes (characters).
pub const QUOTE_CHARS: usize = 80;

/// Decode argument `key` of `command` from `value` (`None`: the key was
/// absent, which an optional argument reads as "not given").
///
/// Errors: `InvalidInput` "`key`: …" in words, e.g. "`minutes` must be a
/// whole number from 0 to 4294967295, not the string \"ten\"".
pub fn decode<T: DeserializeOwned>(command: &str, key: &str, value: Option<&Value>) -> Result<T> {
    let given = value.unwrap_or(&Value::Null);
    T::deserialize(given).map_err(|e| {
        let detail = match value {
            None | Some(Value::Null) => "is missing".to_string(),
            Some(v) => format!("must be {}, not {}", expected(&e.to_string()), describe(v)),
        };
        CoreError::InvalidInput(format!("{command}: `{key}` {detail}"))
    })
}

/// serde's "expected …" part, in words a person reads.
fn expected(serde_message: &str) -> String {
    let tail = serde_message
        .rsplit_once("expected ")
        .map(|(_, t)| t.trim_end_matches('.'))
        .unwrap_or("another kind of value");
    let words = match tail {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" => "a whole number of 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        other => other,
    };
    words.to_string()
}

/// The value that was sent, quoted briefly.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {}", quote(&n.to_string())),
        Value::String(s) => format!("the text \"{}\"", quote(s)),
        Value::Array(a) => format!("a list of {} items", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

/// At most [`QUOTE_CHARS`] characters of `s`, with "…" when cut.
pub fn quote(s: &str) -> String {
    match s.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err<T: DeserializeOwned + std::fmt::Debug>(v: Option<Value>) -> String {
        decode::<T>("cmd", "arg", v.as_ref())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn each_wrong_shape_is_named_and_described() {
        assert_eq!(err::<String>(None), "cmd: `arg` is missing");
        assert_eq!(err::<String>(Some(Value::Null)), "cmd: `arg` is missing");
        assert_eq!(
            err::<String>(Some(json!(5))),
            "cmd: `arg` must be a string, not the number 5"
        );
        assert_eq!(
            err::<u32>(Some(json!(1u64 << 40))),
            "cmd: `arg` must be a whole number from 0 to 4294967295, not the number 1099511627776"
        );
        assert_eq!(
            err::<i64>(Some(json!("ten"))),
            "cmd: `arg` must be a whole number, not the text \"ten\""
        );
        assert_eq!(
            err::<i64>(Some(json!(1e300))),
            "cmd: `arg` must be a whole number, not the number 1e+300"
        );
        assert_eq!(
            err::<bool>(Some(json!("yes"))),
            "cmd: `arg` must be true or false, not the text \"yes\""
        );
        assert!(err::<Vec<(String, String)>>(Some(json!([1]))).starts_with("cmd: `arg` must be"));
    }

    #[test]
    fn optional_arguments_read_absent_and_null_as_not_given() {
        assert_eq!(decode::<Option<u32>>("c", "k", None).unwrap(), None);
        assert_eq!(
            decode::<Option<u32>>("c", "k", Some(&Value::Null)).unwrap(),
            None
        );
        assert_eq!(
            decode::<Option<u32>>("c", "k", Some(&json!(7))).unwrap(),
            Some(7)
        );
    }

    #[test]
    fn a_megabyte_value_is_quoted_briefly() {
        let big = "é".repeat(1 << 20);
        let m = err::<i64>(Some(json!(big)));
        assert!(m.chars().count() < 200, "{} chars", m.chars().count());
        assert!(m.ends_with("…\""));
    }
}
