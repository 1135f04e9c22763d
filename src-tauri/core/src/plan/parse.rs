//! Reading plan files: TOML text to [`PlanFile`], or diagnostics with positions.

use super::model::PlanFile;
use super::validate;
use crate::error::Diagnostic;
use std::ops::Range;

/// Maps byte offsets of one source text to 1-based line and column.
pub struct SourceMap<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl SourceMap<'_> {
    /// 1-based (line, column); columns count characters, not bytes.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let column = before
            .get(line_start..)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        (line as u32, column as u32)
    }

    pub fn diag(
        &self,
        span: &Range<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        let (line, column) = self.position(span.start);
        Diagnostic {
            file: self.file.to_string(),
            line,
            column,
            // A diagnostic may quote the file (a name, a zone): never all of a huge value.
            message: crate::error::cut(message.into(), 300),
            hint,
        }
    }
}

/// Parse and validate a plan. `file` is the name used in diagnostics.
pub fn parse_plan(file: &str, text: &str) -> Result<PlanFile, Vec<Diagnostic>> {
    // A UTF-8 byte-order mark (editors on Windows add one) is not part of
    // line 1: without this, every line-1 column would be one too far.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let map = SourceMap { file, text };
    let plan: PlanFile = match toml::from_str(text) {
        Ok(p) => p,
        Err(e) => return Err(vec![toml_error(&map, &e)]),
    };
    let mut diags = validate::validate(&plan, &map);
    if diags.is_empty() {
        diags.extend(fixed_layout(&plan, &map));
    }
    if diags.is_empty() {
        Ok(plan)
    } else {
        Err(diags)
    }
}

/// A plan whose zone and dates are both fixed in the file is laid out here
/// as `plan load` would, so that `validate` reports what load would refuse
/// (a day the clocks push past midnight) with a position: the day
/// template's id, which the layout error names.
fn fixed_layout(plan: &PlanFile, map: &SourceMap) -> Option<Diagnostic> {
    let tz: chrono_tz::Tz = plan.timezone.as_ref()?.parse().ok()?;
    plan.period.start.as_ref()?;
    let how = crate::schedule::expand::Placement {
        start: None,
        tz,
        variant: None,
    };
    let err = crate::schedule::expand::expand(plan, &how).err()?;
    let message = err.to_string();
    let span = plan
        .day_templates
        .iter()
        .find(|t| message.contains(&format!("day template `{}`", t.id.value)))
        .map(|t| t.id.span.clone())
        .or_else(|| plan.period.start.as_ref().map(|s| s.span.clone()))?;
    Some(map.diag(
        &span,
        message,
        Some("move the day's blocks away from the clock change, or make them shorter".into()),
    ))
}

/// Turn a toml/serde error into one diagnostic, with a hint where we can give one.
fn toml_error(map: &SourceMap, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let raw = e.message().trim().to_string();
    let (message, hint) = if let Some(rest) = raw.strip_prefix("unknown field ") {
        // serde: "unknown field `x`, expected one of `a`, `b`"
        match rest.split_once(", expected ") {
            Some((field, expected)) => (
                format!("unknown key {field}"),
                Some(format!(
                    "allowed keys here: {}",
                    expected.trim_start_matches("one of ")
                )),
            ),
            None => (format!("unknown key {rest}"), None),
        }
    } else if let Some(field) = raw.strip_prefix("missing field ") {
        (
            format!("missing required key {field}"),
            Some("see plans/README.md for the keys each table needs".into()),
        )
    } else if raw.starts_with("invalid type") {
        (raw.clone(), Some("check the value's type: strings are quoted, dates (2025-08-19) and numbers are not".into()))
    } else {
        (raw.clone(), None)
    };
    map.diag(&span, message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nbé = 2\n";
        let m = SourceMap { file: "f", text };
        assert_eq!(m.position(0), (1, 1));
        assert_eq!(m.position(6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(m.position(9), (2, 3));
        assert_eq!(m.position(999), (3, 1));
    }
}
