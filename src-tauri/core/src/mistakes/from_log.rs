//! Mistakes written in a daily log's "Mistakes log updates" section
//! (reference plan, Appendix B) go to the mistakes log.
//!
//! Each list item of the section is one mistake, written
//! `TRACK: TOPIC — WHAT WENT WRONG → FIX`:
//! - `TRACK` is a track's id or a word of its name (`dsa`, `SQL`, `Python`);
//! - the topic ends at ` — `, ` – ` or ` - `; the fix starts at `→` or `->`
//!   and may be left out;
//! - an item the mistakes log already holds (same day, track, topic and
//!   text) is skipped, so logging a page twice adds nothing;
//! - an item that does not read this way is reported with its line, and
//!   the others are still logged.
//!
//! The section is the first heading whose words start with "mistake".

use super::{list, MistakeView, NewMistake};
use crate::documents::{files, readme::Lines, workspace};
use crate::error::{CoreError, Result};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use ts_rs::TS;

/// How a log's mistakes line reads, for hints and the log template.
pub const LINE_FORMAT: &str = "- track: topic — what went wrong → the fix";

/// A line of the section that was not logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SkippedLine {
    /// 1-based line in the log file.
    pub line: u32,
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LogImport {
    /// The log file, workspace-relative.
    pub path: String,
    pub added: Vec<MistakeView>,
    /// Items already in the mistakes log.
    pub already: u32,
    pub skipped: Vec<SkippedLine>,
}

/// An item's source with its list marker and task box removed and its
/// lines joined: what the person typed, `<T>` and links included.
fn item_text(src: &str) -> String {
    let s = src.trim_start();
    let s = match s.strip_prefix(['-', '*', '+']) {
        Some(rest) => rest,
        None => {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            s[digits..].strip_prefix(['.', ')']).unwrap_or(s)
        }
    };
    let s = s.trim_start();
    let s = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| s.strip_prefix(b))
        .unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The list items of the mistakes section: (line, text as written).
pub fn section_items(text: &str) -> Vec<(u32, String)> {
    let lines = Lines::new(text);
    let mut out = Vec::new();
    let mut in_section: Option<pulldown_cmark::HeadingLevel> = None;
    let mut heading: Option<(pulldown_cmark::HeadingLevel, String)> = None;
    let mut depth = 0usize;
    // The open top-level item: where it starts, and where a nested list cuts it.
    let mut item: Option<(usize, Option<usize>)> = None;
    for (ev, range) in Parser::new(text).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, h)) = heading.take() {
                    if in_section.is_some_and(|l| level <= l) {
                        in_section = None;
                    }
                    let first = h
                        .split(|c: char| !c.is_alphanumeric())
                        .find(|w| !w.is_empty())
                        .unwrap_or("")
                        .to_lowercase();
                    if in_section.is_none() && first.starts_with("mistake") {
                        in_section = Some(level);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Start(Tag::List(_)) => {
                if let Some((_, cut @ None)) = item.as_mut() {
                    *cut = Some(range.start);
                }
            }
            Event::Start(Tag::Item) => {
                depth += 1;
                if in_section.is_some() && depth == 1 {
                    item = Some((range.start, None));
                }
            }
            Event::End(TagEnd::Item) => {
                if depth == 1 {
                    if let Some((start, cut)) = item.take() {
                        let end = cut.unwrap_or(range.end);
                        let src = text.get(start..end).unwrap_or("");
                        out.push((lines.line(start), item_text(src)));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    out
}

/// A line split into (track word, topic, what, fix).
fn split_line(s: &str) -> Option<(&str, &str, &str, Option<&str>)> {
    let (track, rest) = s.split_once(':')?;
    let (rest, fix) = match rest.split_once('→').or_else(|| rest.split_once("->")) {
        Some((a, b)) => (a, Some(b.trim()).filter(|f| !f.is_empty())),
        None => (rest, None),
    };
    let (topic, what) = [" — ", " – ", " - "]
        .iter()
        .find_map(|sep| rest.split_once(sep))?;
    let (track, topic, what) = (track.trim(), topic.trim(), what.trim());
    (!track.is_empty() && !topic.is_empty() && !what.is_empty())
        .then_some((track, topic, what, fix))
}

/// The track id `word` names: an id, a name, or a word of a name.
fn track_of<'a>(tracks: &'a [(String, String)], word: &str) -> Option<&'a str> {
    let w = word.to_lowercase();
    tracks
        .iter()
        .find(|(id, name)| id.to_lowercase() == w || name.to_lowercase() == w)
        .or_else(|| {
            tracks.iter().find(|(_, name)| {
                name.split(|c: char| !c.is_alphanumeric())
                    .any(|n| n.to_lowercase() == w)
            })
        })
        .map(|(id, _)| id.as_str())
}

/// Log the mistakes listed in the daily log of `date` (see the module doc).
/// `NotFound` when that day has no log.
pub fn import(store: &mut Store, date: NaiveDate, now: DateTime<Utc>) -> Result<LogImport> {
    let plan_id: String = store
        .conn()
        .query_row("SELECT id FROM plans WHERE active = 1", [], |r| r.get(0))
        .map_err(|_| CoreError::NotFound("no plan is active; load a plan first".into()))?;
    let rel = format!("logs/{date}.md");
    let abs = workspace::workspace_root(store, &plan_id)?.join(&rel);
    let f = files::read(&abs)?.ok_or_else(|| {
        CoreError::NotFound(format!(
            "there is no study log for {date} ({}); open it from Today or with `studyplan log {date}`",
            abs.display()
        ))
    })?;
    let tracks: Vec<(String, String)> = {
        let mut st = store
            .conn()
            .prepare("SELECT id, name FROM tracks WHERE plan_id = ?1 ORDER BY seq")?;
        let rows = st.query_map([&plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let existing: Vec<MistakeView> = list(store, None)?
        .into_iter()
        .filter(|m| m.date == date.to_string())
        .collect();
    let mut out = LogImport {
        path: rel,
        added: Vec::new(),
        already: 0,
        skipped: Vec::new(),
    };
    for (line, text) in section_items(&f.text) {
        if text.is_empty() {
            continue;
        }
        let skip = |reason: String| SkippedLine {
            line,
            text: text.clone(),
            reason,
        };
        let Some((word, topic, what, fix)) = split_line(&text) else {
            out.skipped
                .push(skip(format!("write it as `{LINE_FORMAT}`")));
            continue;
        };
        let Some(track) = track_of(&tracks, word) else {
            let ids: Vec<&str> = tracks.iter().map(|t| t.0.as_str()).collect();
            out.skipped.push(skip(format!(
                "`{word}` is not a track of the plan; use one of: {}",
                ids.join(", ")
            )));
            continue;
        };
        let same = |m: &MistakeView| m.track == track && m.topic == topic && m.what == what;
        if existing.iter().chain(out.added.iter()).any(same) {
            out.already += 1;
            continue;
        }
        let m = NewMistake {
            date,
            track: track.to_string(),
            topic: topic.to_string(),
            what: what.to_string(),
            fix: fix.map(str::to_string),
            link: None,
        };
        match super::add(store, &m, now) {
            Ok(v) => out.added.push(v),
            Err(CoreError::InvalidInput(msg)) => out.skipped.push(skip(msg)),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// The lines a new log's mistakes section starts with: the day's mistakes
/// already logged, in the format [`import`] reads back.
pub fn lines_for(mistakes: &[MistakeView]) -> Vec<String> {
    mistakes
        .iter()
        .map(|m| {
            let mut s = format!("- {}: {} — {}", m.track, m.topic, m.what);
            if let Some(f) = m.fix.as_deref().filter(|f| !f.is_empty()) {
                s.push_str(&format!(" → {f}"));
            }
            s.replace('\n', " ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_into_track_topic_what_and_fix() {
        assert_eq!(
            split_line("dsa: Heaps — used a max-heap → negate the keys"),
            Some(("dsa", "Heaps", "used a max-heap", Some("negate the keys")))
        );
        assert_eq!(
            split_line("SQL: Window frames - RANGE vs ROWS mixed up"),
            Some(("SQL", "Window frames", "RANGE vs ROWS mixed up", None))
        );
        assert_eq!(split_line("forgot the watermark"), None);
        assert_eq!(split_line("dsa: Heaps"), None);
    }

    #[test]
    fn only_the_mistakes_sections_items_are_read() {
        let log = "# Log\n\n## Blocks\n\n- [x] 08:00 DSA\n\n## Mistakes log updates\n\n<!-- hint -->\n- dsa: A — b\n  - nested note\n- sql: C — d\n\n## Questions\n\n- not a mistake\n";
        assert_eq!(
            section_items(log),
            vec![
                (10, "dsa: A — b".to_string()),
                (12, "sql: C — d".to_string())
            ]
        );
    }

    #[test]
    fn tracks_are_named_by_id_name_or_a_word_of_the_name() {
        let t = vec![
            ("dsa".to_string(), "Python DSA".to_string()),
            ("sql".to_string(), "SQL".to_string()),
        ];
        assert_eq!(track_of(&t, "DSA"), Some("dsa"));
        assert_eq!(track_of(&t, "python"), Some("dsa"));
        assert_eq!(track_of(&t, "sql"), Some("sql"));
        assert_eq!(track_of(&t, "spark"), None);
    }
}
