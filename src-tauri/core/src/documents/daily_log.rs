//! The daily study log: `logs/YYYY-MM-DD.md`, one per day, with the plan's
//! log fields (reference plan: Appendix B's 9) pre-filled from that day's
//! blocks.
//!
//! Every block of the day is listed with what happened to it (done,
//! partial with minutes, skipped, planned), its counters and note. A field
//! also gets the lines of the blocks whose track it names: the field's
//! first word, singular, equal to a word of the track's name or id
//! ("Python DSA (problems + key learning)" ← track "Python DSA", "Labs
//! (...)" ← "Weekly Core Topic/Labs"). A `Date` field gets the date.
//! An existing log is opened as it is, never regenerated.

use super::index::IndexRow;
use super::templates::{self, TemplateKind};
use super::workspace::Context;
use super::{context, create, open_in, DocKind, DocumentContent};
use crate::error::Result;
use crate::store::agenda::{BlockStatus, BlockView};
use crate::store::Store;
use chrono::NaiveDate;
use std::path::Path;

/// Log fields when the plan has no daily-log template.
pub const DEFAULT_FIELDS: [&str; 4] = [
    "Date",
    "What I studied",
    "Mistakes log updates",
    "Questions to resolve tomorrow",
];

/// The day a log file is for (`2025-08-19.md`).
pub fn date_of_file(name: &str) -> Option<NaiveDate> {
    let stem = name.strip_suffix(".md")?;
    if stem.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()
}

/// The workspace's log files, as relative paths.
pub fn log_files(ws: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(ws.join("logs")) else {
        return Vec::new();
    };
    rd.flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| date_of_file(n).is_some())
        .map(|n| format!("logs/{n}"))
        .collect()
}

fn fields(ctx: &Context) -> (Option<String>, Vec<String>) {
    match ctx.plan.documents.iter().find(|d| d.kind == "daily-log") {
        Some(d) => (Some(d.id.value.clone()), d.fields.clone()),
        None => (None, DEFAULT_FIELDS.map(String::from).to_vec()),
    }
}

fn singular(w: &str) -> &str {
    w.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(w)
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| singular(&w.to_lowercase()).to_string())
        .collect()
}

/// Whether the log field `field` is about `b`'s track.
fn field_names_track(field: &str, b: &BlockView) -> bool {
    let Some(first) = words(field.split('(').next().unwrap_or(field))
        .into_iter()
        .next()
    else {
        return false;
    };
    words(&b.track_name).contains(&first) || words(&b.track).contains(&first)
}

/// What happened to a block, in words ("done, 90 min, 3 problems").
pub fn outcome(b: &BlockView) -> String {
    let mut parts = vec![match b.status {
        BlockStatus::Done => format!("done, {} min", b.minutes_done.unwrap_or(b.minutes)),
        BlockStatus::Partial => format!(
            "partial, {} of {} min",
            b.minutes_done.unwrap_or(0),
            b.minutes
        ),
        BlockStatus::Skipped => "skipped".to_string(),
        BlockStatus::Moved => "moved".to_string(),
        BlockStatus::Planned => format!("planned, {} min", b.minutes),
    }];
    if let Some(n) = b.problems.filter(|n| *n > 0) {
        parts.push(format!("{n} problem{}", if n == 1 { "" } else { "s" }));
    }
    if let Some(n) = b.queries.filter(|n| *n > 0) {
        parts.push(format!("{n} quer{}", if n == 1 { "y" } else { "ies" }));
    }
    parts.join(", ")
}

fn block_line(b: &BlockView) -> String {
    let mut s = format!("- {}–{} {}: {}", b.start, b.end, b.title.trim(), outcome(b));
    if let Some(n) = b.user_note.as_deref().filter(|n| !n.trim().is_empty()) {
        s.push_str(&format!(" — {}", n.trim().replace('\n', " ")));
    }
    s
}

/// The text of a new log for `date` from that day's `blocks`; the mistakes
/// field (first word "mistake...") gets `mistakes`, the day's mistakes
/// already logged as lines `mistakes::from_log` reads back, else a hint.
pub fn build(
    ctx: &Context,
    date: NaiveDate,
    blocks: &[BlockView],
    mistakes: &[String],
) -> Result<String> {
    let (_, names) = fields(ctx);
    let mut used = vec![false; blocks.len()];
    let fields: Vec<minijinja::Value> = names
        .iter()
        .map(|name| {
            let is_mistakes = words(name)
                .first()
                .is_some_and(|w| w.starts_with("mistake"));
            let prefill = if name.trim().eq_ignore_ascii_case("date") {
                Some(date.to_string())
            } else if is_mistakes {
                Some(if mistakes.is_empty() {
                    format!(
                        "<!-- One mistake per line: {}. \"Log mistakes\" (or `studyplan mistake from-log {date}`) adds them to the mistakes log. -->",
                        crate::mistakes::from_log::LINE_FORMAT
                    )
                } else {
                    mistakes.join("\n")
                })
            } else {
                let mut lines = Vec::new();
                for (i, b) in blocks.iter().enumerate() {
                    if !used[i] && field_names_track(name, b) {
                        used[i] = true;
                        lines.push(block_line(b));
                    }
                }
                (!lines.is_empty()).then(|| lines.join("\n"))
            };
            minijinja::context! { name, prefill }
        })
        .collect();
    let blocks: Vec<minijinja::Value> = blocks
        .iter()
        .map(|b| {
            minijinja::context! {
                start => &b.start, end => &b.end, track_name => &b.track_name, title => &b.title,
                status => match b.status { BlockStatus::Done => "done", BlockStatus::Partial => "partial",
                    BlockStatus::Skipped => "skipped", BlockStatus::Moved => "moved", BlockStatus::Planned => "planned" },
                outcome => outcome(b), note => &b.user_note,
            }
        })
        .collect();
    templates::render(
        TemplateKind::DailyLog,
        &ctx.workspace,
        minijinja::context! {
            date => date.to_string(),
            weekday => date.format("%a").to_string(),
            fields,
            blocks,
        },
    )
}

/// Open the log of `date`, creating it from the day's blocks if missing.
/// Years a log can be kept for: its file name must read back as a date.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=2199;

pub fn open_log(store: &mut Store, date: NaiveDate) -> Result<DocumentContent> {
    if !YEARS.contains(&chrono::Datelike::year(&date)) {
        return Err(crate::CoreError::InvalidInput(format!(
            "{date} is not a day studyplan keeps a log for (years {} to {})",
            YEARS.start(),
            YEARS.end()
        )));
    }
    let ctx = context(store)?;
    let rel = format!("logs/{date}.md");
    let abs = ctx.resolve(&rel)?;
    if !abs.exists() {
        let blocks = store.agenda(date, date)?;
        let day: Vec<_> = crate::mistakes::list(store, None)?
            .into_iter()
            .filter(|m| m.date == date.to_string())
            .collect();
        let text = build(
            &ctx,
            date,
            &blocks,
            &crate::mistakes::from_log::lines_for(&day),
        )?;
        let (template, _) = fields(&ctx);
        let tx = store.immediate()?;
        create(
            &tx,
            &ctx,
            &abs,
            &text,
            IndexRow {
                kind: DocKind::DailyLog.as_str().into(),
                template,
                date: Some(date.to_string()),
                ..Default::default()
            },
        )?;
        tx.commit()?;
    }
    open_in(store, &ctx, &rel)
}
