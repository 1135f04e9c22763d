//! What studyplan writes to CalDAV and how it reads it back.
//!
//! - A block is a VEVENT, UID `<block id>@studyplan`, times in UTC.
//! - A block's progress is a VTODO, UID `<block id>-progress@studyplan`,
//!   RELATED-TO the block's VEVENT, due at the block's end, so a phone's
//!   task app lists it and can tick it. STATUS (RFC 5545 §3.8.1.11) carries
//!   the status: NEEDS-ACTION planned, IN-PROCESS partial, COMPLETED done,
//!   CANCELLED skipped or moved. PERCENT-COMPLETE and
//!   `X-STUDYPLAN-MINUTES-DONE` carry partial minutes; DESCRIPTION the
//!   person's note; `X-STUDYPLAN-PROBLEMS` and `X-STUDYPLAN-QUERIES` the
//!   counters.
//!
//! **Fingerprints.** Servers rewrite what they store: they reorder
//! properties, change DTSTAMP, fold lines differently, add VTIMEZONE or
//! PRODID. [`fingerprint`] reads an item back with calcard and hashes only
//! what studyplan means (the properties above, by name, in a fixed order),
//! so a rewritten item compares equal and causes no write.

use crate::store::agenda::{BlockStatus, BlockView};
use calcard::icalendar::{
    ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarStatus, ICalendarValue,
};
use calcard::{Entry, Parser};
use sha2::{Digest, Sha256};

pub const PRODID: &str = "-//studyplan//CalDAV sync//EN";

pub fn event_uid(block: &str) -> String {
    format!("{block}@studyplan")
}

pub fn todo_uid(block: &str) -> String {
    format!("{block}-progress@studyplan")
}

/// The block id in a UID studyplan wrote, if it is one.
pub fn block_of(uid: &str) -> Option<&str> {
    let id = uid.strip_suffix("@studyplan")?;
    Some(id.strip_suffix("-progress").unwrap_or(id))
}

/// A resource name safe in any server's URL: the UID's letters and digits,
/// the rest as `-` (UIDs may hold `:`), with a hash tail against clashes.
pub fn file_name(uid: &str) -> String {
    let safe: String = uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let h = Sha256::digest(uid.as_bytes());
    format!(
        "{safe}-{:02x}{:02x}{:02x}{:02x}.ics",
        h[0], h[1], h[2], h[3]
    )
}

fn utc(s: &str) -> String {
    // RFC 3339 "2025-08-19T06:00:00Z" -> "20250819T060000Z"
    s.replace(['-', ':'], "")
}

fn wrap(component: &[String], stamp: &str) -> String {
    let mut out = String::new();
    let mut line = |l: &str| {
        // Fold at 75 octets (RFC 5545 §3.1) without splitting a character.
        let mut rest = l;
        let mut limit = 75;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODID}"));
    for (i, l) in component.iter().enumerate() {
        line(l);
        if i == 1 {
            line(&format!("DTSTAMP:{stamp}"));
        }
    }
    line("END:VCALENDAR");
    out
}

/// The block's VEVENT, without DTSTAMP (added when written).
fn event_lines(b: &BlockView) -> Vec<String> {
    use crate::ics::text::{escape, escape_line};
    let mut v = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", event_uid(&b.id)),
        format!("DTSTART:{}", utc(&b.start_utc)),
        format!("DTEND:{}", utc(&b.end_utc)),
        format!("SUMMARY:{}", escape_line(&b.title)),
        format!("CATEGORIES:{}", escape_line(&b.track_name)),
    ];
    if let Some(t) = b.topics.as_deref().or(b.note.as_deref()) {
        v.push(format!("DESCRIPTION:{}", escape(t)));
    }
    v.push("END:VEVENT".into());
    v
}

fn todo_lines(b: &BlockView, last_modified: Option<&str>) -> Vec<String> {
    use crate::ics::text::{escape, escape_line};
    let (status, percent) = match b.status {
        BlockStatus::Planned => ("NEEDS-ACTION", 0),
        BlockStatus::Done => ("COMPLETED", 100),
        BlockStatus::Partial => (
            "IN-PROCESS",
            (b.minutes_done.unwrap_or(0) * 100 / b.minutes.max(1)).min(99),
        ),
        BlockStatus::Skipped | BlockStatus::Moved => ("CANCELLED", 0),
    };
    let mut v = vec![
        "BEGIN:VTODO".to_string(),
        format!("UID:{}", todo_uid(&b.id)),
        format!(
            "SUMMARY:{}",
            escape_line(&format!("{} ({})", b.title, b.date))
        ),
        format!("DUE:{}", utc(&b.end_utc)),
        format!("RELATED-TO:{}", event_uid(&b.id)),
        format!("STATUS:{status}"),
        format!("PERCENT-COMPLETE:{percent}"),
    ];
    if let Some(lm) = last_modified {
        v.push(format!("LAST-MODIFIED:{lm}"));
    }
    if b.status == BlockStatus::Moved {
        v.push("X-STUDYPLAN-STATUS:moved".into());
    }
    if let Some(m) = b.minutes_done.filter(|_| b.status == BlockStatus::Partial) {
        v.push(format!("X-STUDYPLAN-MINUTES-DONE:{m}"));
    }
    if let Some(n) = &b.user_note {
        v.push(format!("DESCRIPTION:{}", escape(n)));
    }
    if let Some(p) = b.problems {
        v.push(format!("X-STUDYPLAN-PROBLEMS:{p}"));
    }
    if let Some(q) = b.queries {
        v.push(format!("X-STUDYPLAN-QUERIES:{q}"));
    }
    v.push("END:VTODO".into());
    v
}

/// The block as a VEVENT calendar object; `stamp` is DTSTAMP (UTC basic).
pub fn event(b: &BlockView, stamp: &str) -> String {
    wrap(&event_lines(b), stamp)
}

/// The block's progress as a VTODO calendar object; `last_modified` (UTC
/// basic) is when it last changed here, which decides conflicts.
pub fn todo(b: &BlockView, stamp: &str, last_modified: Option<&str>) -> String {
    wrap(&todo_lines(b, last_modified), stamp)
}

/// The first VEVENT or VTODO of `data`.
fn component(data: &str) -> Option<ICalendarComponent> {
    let mut p = Parser::new(data);
    loop {
        match p.entry() {
            Entry::ICalendar(cal) => {
                return cal.components.into_iter().find(|c| {
                    matches!(
                        c.component_type,
                        ICalendarComponentType::VEvent | ICalendarComponentType::VTodo
                    )
                })
            }
            Entry::Eof => return None,
            _ => {}
        }
    }
}

const MEANT: [&str; 13] = [
    "UID",
    "DTSTART",
    "DTEND",
    "DUE",
    "SUMMARY",
    "CATEGORIES",
    "DESCRIPTION",
    "STATUS",
    "PERCENT-COMPLETE",
    "X-STUDYPLAN-STATUS",
    "X-STUDYPLAN-MINUTES-DONE",
    "X-STUDYPLAN-PROBLEMS",
    "X-STUDYPLAN-QUERIES",
];

fn value_text(v: &ICalendarValue) -> String {
    match v {
        ICalendarValue::Text(t) => t.clone(),
        ICalendarValue::Integer(i) => i.to_string(),
        ICalendarValue::PartialDateTime(d) => d
            .to_timestamp()
            .map(|t| t.to_string())
            .unwrap_or_else(|| format!("{d:?}")),
        other => format!("{other:?}"),
    }
}

/// What the item means, hashed (see the module's note). None when it does
/// not parse as an iCalendar object.
pub fn fingerprint(data: &str) -> Option<String> {
    let comp = component(data)?;
    let mut parts: Vec<String> = Vec::new();
    for name in MEANT {
        let mut values: Vec<String> = comp
            .entries
            .iter()
            .filter(|e| e.name.as_str().eq_ignore_ascii_case(name))
            .map(|e| {
                e.values
                    .iter()
                    .map(value_text)
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        values.sort();
        parts.push(format!("{name}={}", values.join("|")));
    }
    let h = Sha256::digest(parts.join("\n").as_bytes());
    Some(h.iter().map(|b| format!("{b:02x}")).collect())
}

/// The UID of the item's first VEVENT or VTODO.
pub fn uid_of(data: &str) -> Option<String> {
    match prop(&component(data)?, "UID")? {
        ICalendarValue::Text(t) => Some(t.clone()),
        _ => None,
    }
}

/// A week range of a learning track as an all-day VEVENT: `first` and
/// `last` are local dates `YYYY-MM-DD`, both in the range (DTEND is the day
/// after `last`, exclusive, RFC 5545 §3.6.1); `topics` goes to DESCRIPTION.
/// Errors: `Internal` for a date that does not parse (they come from the
/// plan's own weeks).
pub fn track_week(
    uid: &str,
    first: &str,
    last: &str,
    summary: &str,
    topics: &str,
    stamp: &str,
) -> crate::Result<String> {
    use crate::ics::text::{escape, escape_line};
    let day = |s: &str| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|e| crate::CoreError::Internal(format!("week date {s}: {e}")))
    };
    let (first, after) = (day(first)?, day(last)? + chrono::Days::new(1));
    let mut v = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_line(uid)),
        format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")),
        format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")),
        format!("SUMMARY:{}", escape_line(summary)),
        "TRANSP:TRANSPARENT".to_string(),
    ];
    if !topics.is_empty() {
        v.push(format!("DESCRIPTION:{}", escape(topics)));
    }
    v.push("END:VEVENT".into());
    Ok(wrap(&v, stamp))
}

/// The fingerprint of what studyplan would write for `b`.
pub fn event_fingerprint(b: &BlockView) -> String {
    fingerprint(&event(b, "19700101T000000Z")).unwrap_or_default()
}

pub fn todo_fingerprint(b: &BlockView) -> String {
    fingerprint(&todo(b, "19700101T000000Z", None)).unwrap_or_default()
}

/// A VEVENT's DTSTART and DTEND, Unix seconds (UTC or with TZID).
pub fn read_event_times(data: &str) -> Option<(i64, i64)> {
    let c = component(data)?;
    let at = |p: &ICalendarProperty| -> Option<i64> {
        match c.property(p)?.values.first()? {
            ICalendarValue::PartialDateTime(d) => d.to_timestamp(),
            _ => None,
        }
    };
    Some((
        at(&ICalendarProperty::Dtstart)?,
        at(&ICalendarProperty::Dtend)?,
    ))
}

/// A block's progress as another device or a task app left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub uid: String,
    pub status: BlockStatus,
    pub minutes_done: Option<u32>,
    pub note: Option<String>,
    pub problems: Option<u32>,
    pub queries: Option<u32>,
    /// LAST-MODIFIED (else DTSTAMP), Unix seconds.
    pub modified: Option<i64>,
}

fn prop<'a>(c: &'a ICalendarComponent, name: &str) -> Option<&'a ICalendarValue> {
    c.entries
        .iter()
        .find(|e| e.name.as_str().eq_ignore_ascii_case(name))
        .and_then(|e| e.values.first())
}

fn number(c: &ICalendarComponent, name: &str) -> Option<u32> {
    match prop(c, name)? {
        ICalendarValue::Integer(i) => u32::try_from(*i).ok(),
        ICalendarValue::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

/// Read a VTODO's progress. `minutes` is the block's length (for a
/// percentage written by a task app).
pub fn read_progress(data: &str, minutes: u32) -> Option<Progress> {
    let c = component(data)?;
    if c.component_type != ICalendarComponentType::VTodo {
        return None;
    }
    let uid = match prop(&c, "UID")? {
        ICalendarValue::Text(t) => t.clone(),
        _ => return None,
    };
    let moved = matches!(prop(&c, "X-STUDYPLAN-STATUS"), Some(ICalendarValue::Text(t)) if t.eq_ignore_ascii_case("moved"));
    let percent = number(&c, "PERCENT-COMPLETE");
    let status = match c.status() {
        Some(ICalendarStatus::Completed) => BlockStatus::Done,
        Some(ICalendarStatus::InProcess) => BlockStatus::Partial,
        Some(ICalendarStatus::Cancelled) if moved => BlockStatus::Moved,
        Some(ICalendarStatus::Cancelled) => BlockStatus::Skipped,
        // A task app that only sets PERCENT-COMPLETE or COMPLETED.
        _ if percent == Some(100) || c.has_property(&ICalendarProperty::Completed) => {
            BlockStatus::Done
        }
        _ if percent.is_some_and(|p| p > 0) => BlockStatus::Partial,
        _ => BlockStatus::Planned,
    };
    let minutes_done = match status {
        BlockStatus::Partial => number(&c, "X-STUDYPLAN-MINUTES-DONE")
            .or_else(|| percent.map(|p| p * minutes / 100))
            .map(|m| m.clamp(1, minutes.saturating_sub(1).max(1))),
        _ => None,
    };
    let note = match prop(&c, "DESCRIPTION") {
        Some(ICalendarValue::Text(t)) if !t.trim().is_empty() => Some(t.clone()),
        _ => None,
    };
    let modified = [ICalendarProperty::LastModified, ICalendarProperty::Dtstamp]
        .iter()
        .find_map(|p| match c.property(p)?.values.first()? {
            ICalendarValue::PartialDateTime(d) => d.to_timestamp(),
            _ => None,
        });
    Some(Progress {
        uid,
        status,
        minutes_done,
        note,
        problems: number(&c, "X-STUDYPLAN-PROBLEMS"),
        queries: number(&c, "X-STUDYPLAN-QUERIES"),
        modified,
    })
}
