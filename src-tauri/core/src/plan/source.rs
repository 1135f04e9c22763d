//! Where plan text comes from: a shipped plan by id, or a file on disk.

use crate::error::{CoreError, Result};
use crate::plan::parse_plan;
use crate::shipped;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// Read a plan: `source` is a shipped plan's id (unless a file of that name
/// exists) or a path. Returns the name used in diagnostics and the text.
pub fn read_source(source: &str) -> Result<(String, String)> {
    let source = source.trim();
    if source.is_empty() {
        return Err(CoreError::InvalidInput(
            "choose a plan: a shipped plan or a .toml file".into(),
        ));
    }
    let path = Path::new(source);
    if !path.exists() {
        if let Some((name, text)) = shipped::get(source) {
            return Ok((format!("plans/{name}"), text.to_string()));
        }
    }
    Ok((source.to_string(), read_plan_file(path)?))
}

/// The largest plan file read, in bytes.
pub const MAX_PLAN_BYTES: u64 = 4 * 1024 * 1024;

/// Read a plan file as UTF-8 text: a regular file (not a pipe or a device,
/// which could block or never end) of at most [`MAX_PLAN_BYTES`], counted
/// while reading, not trusted from its size.
///
/// Errors: `Io` (cannot open or read), `InvalidInput` (not a regular file,
/// too large, not UTF-8, with the byte offset).
pub fn read_plan_file(path: &Path) -> Result<String> {
    let bytes = crate::input_file::read_bounded(path, MAX_PLAN_BYTES, ".toml plan file")?;
    String::from_utf8(bytes).map_err(|e| {
        CoreError::InvalidInput(format!(
            "{} is not UTF-8 text (byte {} is not valid)",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// A plan that ships with studyplan, as the plan picker lists it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ShippedPlan {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// Absolute plans carry their dates; relative ones need a start.
    pub relative: bool,
    pub start: Option<String>,
    pub end: Option<String>,
    pub weeks: Option<u32>,
    pub variants: Vec<String>,
}

pub fn shipped_plans() -> Vec<ShippedPlan> {
    shipped::all()
        .filter_map(|(id, name, text)| {
            let p = parse_plan(name, text).ok()?;
            Some(ShippedPlan {
                id: id.to_string(),
                title: p.title.value,
                summary: p.summary,
                relative: p.period.weeks.is_some(),
                start: p.period.start.map(|d| d.value.to_string()),
                end: p.period.end.map(|d| d.value.to_string()),
                weeks: p.period.weeks.map(|w| w.value),
                variants: p.variants.iter().map(|v| v.id.value.clone()).collect(),
            })
        })
        .collect()
}
