//! The rest of the person's calendar as busy time: ICS files imported and
//! http(s)/webcal subscriptions, shown read-only beside the plan and kept
//! free by every rule that places a block.
//!
//! Contract:
//! - A **source** is a file (read again on refresh) or a URL (fetched with
//!   `If-None-Match`/`If-Modified-Since` from the last response, refreshed
//!   every `refresh_minutes` by the app and on demand). Sources belong to
//!   the person, not to a plan.
//! - A read replaces the source's instances in one IMMEDIATE transaction; a
//!   failed read (file gone, HTTP error, not a calendar) changes nothing
//!   and is kept as the source's `last_error`, in words.
//! - Instances are expanded over [`window`] only (see [`ics`] for what is
//!   read, what is busy and what is skipped, with lines).
//! - **The overlap rule** ([`refuse_busy`]): no block is added or moved onto
//!   a busy instance; the error names the event and its calendar. Re-planning
//!   and remediation do not use a block that collides. A block that already
//!   collides (the event came later) shows it in `BlockView.busy`.
//! - Tables: `calendar_sources`, `busy_events` (migration 0008).

pub mod fetch;
pub mod ics;

use crate::error::{CoreError, Result};
use crate::schedule::tz::plan_zone;
use crate::store::Store;
use chrono::{DateTime, Days, NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;
use ics::Skipped;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// Days before today and after it that are always expanded.
pub const WINDOW_PAST_DAYS: u64 = 31;
pub const WINDOW_FUTURE_DAYS: u64 = 400;
/// Subscriptions are refreshed this often unless set (minutes).
pub const DEFAULT_REFRESH_MINUTES: u32 = 60;
/// Shortest refresh interval accepted (minutes): be kind to servers.
pub const MIN_REFRESH_MINUTES: u32 = 5;

/// Colours for sources, in order of creation (muted, unlike track colours).
const COLOURS: [&str; 6] = [
    "#7c6f9f", "#5f8a8b", "#9a7b4f", "#6f8f5a", "#8f5f6f", "#5a6f8f",
];

/// What the last read found.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS, PartialEq)]
#[ts(export)]
pub struct ReadReport {
    /// VEVENT components in the file (masters and overrides).
    pub events: u32,
    /// Instances kept inside the window.
    pub instances: u32,
    pub cancelled: u32,
    /// Components not imported, with their lines.
    pub skipped: Vec<Skipped>,
    /// Lines outside any component, ignored.
    pub stray_lines: u32,
    /// The expansion window, local dates in the plan's zone, inclusive.
    pub window_from: String,
    pub window_to: String,
    /// The server answered 304 Not Modified: nothing was read again.
    pub not_modified: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct SourceView {
    #[ts(type = "number")]
    pub id: i64,
    /// `file` or `url`.
    pub kind: String,
    /// Absolute path or URL.
    pub location: String,
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    /// Subscriptions: minutes between refreshes.
    pub refresh_minutes: Option<u32>,
    /// UTC RFC 3339 of the last successful read.
    pub refreshed_at: Option<String>,
    /// The last attempt's failure, in words; None when it worked.
    pub last_error: Option<String>,
    pub report: ReadReport,
}

/// One busy instance as the calendar, Today and `agenda` show it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct BusyView {
    #[ts(type = "number")]
    pub source_id: i64,
    pub source: String,
    pub colour: String,
    pub uid: String,
    pub summary: String,
    /// RFC 3339 UTC.
    pub start_utc: String,
    pub end_utc: String,
    /// In the plan's zone: the local date of the start, `HH:MM` start and end.
    pub date: String,
    /// The last local date it covers (an end at midnight belongs to the day before).
    pub end_date: String,
    pub start: String,
    pub end: String,
    pub all_day: bool,
    /// False: shown only (TRANSP:TRANSPARENT, or an all-day event).
    pub busy: bool,
}

fn rfc3339(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn zone_of(conn: &Connection) -> Result<Tz> {
    let name: Option<String> = conn
        .query_row("SELECT timezone FROM plans WHERE active = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(name
        .as_deref()
        .and_then(crate::schedule::tz::parse_zone)
        .unwrap_or_else(crate::schedule::tz::system_zone))
}

fn local_midnight(tz: Tz, d: NaiveDate) -> i64 {
    crate::schedule::tz::resolve(tz, d.and_time(chrono::NaiveTime::MIN)).timestamp()
}

/// The expansion window `[from, to)` (Unix seconds) and its local dates:
/// the active plan's period (a week either side) joined with
/// [`WINDOW_PAST_DAYS`] before today to [`WINDOW_FUTURE_DAYS`] after, in
/// the plan's zone.
pub fn window(conn: &Connection, now: DateTime<Utc>) -> Result<(i64, i64, NaiveDate, NaiveDate)> {
    let tz = zone_of(conn)?;
    let today = now.with_timezone(&tz).date_naive();
    let mut first = today - Days::new(WINDOW_PAST_DAYS);
    let mut last = today + Days::new(WINDOW_FUTURE_DAYS);
    let period: Option<(String, String)> = conn
        .query_row(
            "SELECT start_date, end_date FROM plans WHERE active = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((a, b)) = period {
        if let (Ok(a), Ok(b)) = (a.parse::<NaiveDate>(), b.parse::<NaiveDate>()) {
            first = first.min(a - Days::new(7));
            last = last.max(b + Days::new(7));
        }
    }
    Ok((
        local_midnight(tz, first),
        local_midnight(tz, last + Days::new(1)),
        first,
        last,
    ))
}

/// Read `bytes` over the current window.
fn read(conn: &Connection, bytes: &[u8], now: DateTime<Utc>) -> Result<(ics::Feed, ReadReport)> {
    let (from, to, first, last) = window(conn, now)?;
    let feed = ics::read(bytes, from, to, zone_of(conn)?)?;
    let report = ReadReport {
        events: feed.events,
        instances: feed.instances.len() as u32,
        cancelled: feed.cancelled,
        skipped: feed.skipped.clone(),
        stray_lines: feed.stray_lines,
        window_from: first.to_string(),
        window_to: last.to_string(),
        not_modified: false,
    };
    Ok((feed, report))
}

/// A block `b` (a `blocks` row) is free of busy time. The lower bound on
/// `start_utc` (the longest busy instance) lets SQLite walk the time index
/// over a short range instead of every earlier event.
pub(crate) const FREE_OF_BUSY: &str = "NOT EXISTS (SELECT 1 FROM busy_events e
    WHERE e.busy = 1 AND e.start_utc < b.end_utc AND e.end_utc > b.start_utc
      AND e.start_utc >= b.start_utc - (SELECT COALESCE(MAX(longest), 0) FROM calendar_sources))";

/// Replace source `id`'s instances (inside the caller's transaction).
fn replace(tx: &Transaction, id: i64, feed: &ics::Feed) -> Result<()> {
    let longest = feed
        .instances
        .iter()
        .map(|i| i.end - i.start)
        .max()
        .unwrap_or(0);
    tx.execute(
        "UPDATE calendar_sources SET longest = ?2 WHERE id = ?1",
        params![id, longest],
    )?;
    tx.execute("DELETE FROM busy_events WHERE source_id = ?1", [id])?;
    let mut st = tx.prepare_cached(
        "INSERT INTO busy_events (source_id, uid, instance, summary, start_utc, end_utc, all_day, busy, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for i in &feed.instances {
        st.execute(params![
            id, i.uid, i.instance, i.summary, i.start, i.end, i.all_day, i.busy, i.line
        ])?;
    }
    Ok(())
}

fn stamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A source's display name: given, else the file's stem or the URL's host.
fn default_name(location: &str) -> String {
    if let Ok(u) = url::Url::parse(location) {
        if let Some(h) = u.host_str() {
            return h.to_string();
        }
    }
    Path::new(location)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| location.to_string())
}

fn check_name(name: &str) -> Result<String> {
    let t = name.trim();
    if t.chars().any(char::is_control) || t.chars().count() > 80 {
        return Err(CoreError::InvalidInput(
            "a calendar's name is one line of at most 80 characters".into(),
        ));
    }
    Ok(t.to_string())
}

fn insert_source(
    tx: &Transaction,
    kind: &str,
    location: &str,
    name: Option<&str>,
    refresh: Option<u32>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let name = match name.map(check_name).transpose()?.filter(|n| !n.is_empty()) {
        Some(n) => n,
        None => default_name(location),
    };
    let count: i64 = tx.query_row(
        "SELECT COALESCE(MAX(id), 0) FROM calendar_sources",
        [],
        |r| r.get(0),
    )?;
    let colour = COLOURS[(count as usize) % COLOURS.len()];
    tx.execute(
        "INSERT INTO calendar_sources (kind, location, name, colour, refresh_minutes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![kind, location, name, colour, refresh, stamp(now)],
    )?;
    Ok(tx.last_insert_rowid())
}

fn source_id(conn: &Connection, location: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM calendar_sources WHERE location = ?1",
            [location],
            |r| r.get(0),
        )
        .optional()?)
}

/// Import the `.ics` file at `path` (again: replaces what it gave before).
///
/// Errors: `Io` when the file cannot be read; `InvalidInput` when it holds
/// no calendar; `InvalidInput` for a bad `name`.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SourceView> {
    let abs = std::fs::canonicalize(path).map_err(|e| CoreError::io("cannot read", path, e))?;
    let bytes = crate::input_file::read_bounded(
        &abs,
        fetch::MAX_BODY_BYTES as u64,
        "calendar (.ics) file",
    )?;
    let location = abs.display().to_string();
    let (feed, report) = read(store.conn(), &bytes, now)?;
    let tx = store.immediate()?;
    let id = match source_id(&tx, &location)? {
        Some(id) => {
            if let Some(n) = name {
                let n = check_name(n)?;
                if !n.is_empty() {
                    tx.execute(
                        "UPDATE calendar_sources SET name = ?2 WHERE id = ?1",
                        params![id, n],
                    )?;
                }
            }
            id
        }
        None => insert_source(&tx, "file", &location, name, None, now)?,
    };
    replace(&tx, id, &feed)?;
    save_report(&tx, id, &report, now)?;
    tx.commit()?;
    source(store.conn(), id)
}

fn save_report(tx: &Transaction, id: i64, report: &ReadReport, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE calendar_sources SET report_json = ?2, refreshed_at = ?3, checked_at = ?3, last_error = NULL WHERE id = ?1",
        params![id, serde_json::to_string(report)?, stamp(now)],
    )?;
    Ok(())
}

/// Check a subscription address: http, https or webcal (read as https).
/// Credentials in the URL are refused: they would be stored in the clear.
pub fn check_url(raw: &str) -> Result<String> {
    let t = raw.trim();
    let u = url::Url::parse(t).map_err(|e| {
        CoreError::InvalidInput(format!("“{}” is not a URL: {e}", crate::ipc::quote(t)))
    })?;
    match u.scheme() {
        "http" | "https" | "webcal" | "webcals" => {}
        s => {
            return Err(CoreError::InvalidInput(format!(
                "subscribe to an http, https or webcal address, not {s}:"
            )))
        }
    }
    // The URL parser reads `https:///x` as host `x`; a person meant no host.
    let after_scheme = t.split_once("://").map_or("", |(_, rest)| rest);
    if u.host_str().unwrap_or("").is_empty() || after_scheme.starts_with('/') {
        return Err(CoreError::InvalidInput(format!(
            "“{}” has no host",
            crate::ipc::quote(t)
        )));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(CoreError::InvalidInput(
            "a subscription address may not hold a user name or password (they would be stored in the clear)"
                .into(),
        ));
    }
    Ok(u.to_string())
}

/// Subscribe to the calendar at `url` and read it now. Nothing is kept
/// when the first read fails.
pub fn subscribe(
    store: &mut Store,
    url: &str,
    name: Option<&str>,
    refresh_minutes: Option<u32>,
    fetcher: &dyn fetch::Fetch,
    now: DateTime<Utc>,
) -> Result<SourceView> {
    let location = check_url(url)?;
    let refresh = refresh_minutes.unwrap_or(DEFAULT_REFRESH_MINUTES);
    if !(MIN_REFRESH_MINUTES..=7 * 24 * 60).contains(&refresh) {
        return Err(CoreError::InvalidInput(format!(
            "refresh every {MIN_REFRESH_MINUTES} minutes to 7 days (10080 minutes), not {refresh}"
        )));
    }
    if let Some(id) = source_id(store.conn(), &location)? {
        return refresh_one(store, id, fetcher, now);
    }
    let (body, etag, last_modified) = match fetcher.get(&fetch::http_url(&location), None, None)? {
        fetch::Got::Body {
            body,
            etag,
            last_modified,
        } => (body, etag, last_modified),
        // Without validators a server has nothing to compare: read as empty.
        fetch::Got::NotModified => (Vec::new(), None, None),
    };
    let (feed, report) = read(store.conn(), &body, now)?;
    let tx = store.immediate()?;
    let id = insert_source(&tx, "url", &location, name, Some(refresh), now)?;
    replace(&tx, id, &feed)?;
    save_report(&tx, id, &report, now)?;
    tx.execute(
        "UPDATE calendar_sources SET etag = ?2, last_modified = ?3 WHERE id = ?1",
        params![id, etag, last_modified],
    )?;
    tx.commit()?;
    source(store.conn(), id)
}

/// Read source `id` again: the file, or the URL with a conditional request
/// (sent only while the stored instances cover today's window, so a moved
/// window is always read in full). A failure is kept as `last_error` and
/// returned; the source's instances stay as they were.
pub fn refresh_one(
    store: &mut Store,
    id: i64,
    fetcher: &dyn fetch::Fetch,
    now: DateTime<Utc>,
) -> Result<SourceView> {
    let src = source(store.conn(), id)?;
    let result = read_source(store, &src, fetcher, now);
    if let Err(e) = &result {
        let tx = store.immediate()?;
        tx.execute(
            "UPDATE calendar_sources SET last_error = ?2, checked_at = ?3 WHERE id = ?1",
            params![id, e.to_string(), stamp(now)],
        )?;
        tx.commit()?;
    }
    result?;
    source(store.conn(), id)
}

fn read_source(
    store: &mut Store,
    src: &SourceView,
    fetcher: &dyn fetch::Fetch,
    now: DateTime<Utc>,
) -> Result<()> {
    let (_, _, first, last) = window(store.conn(), now)?;
    let covered =
        src.report.window_from <= first.to_string() && src.report.window_to >= last.to_string();
    let (body, validators) = if src.kind == "file" {
        let p = Path::new(&src.location);
        (
            crate::input_file::read_bounded(
                p,
                fetch::MAX_BODY_BYTES as u64,
                "calendar (.ics) file",
            )?,
            None,
        )
    } else {
        let (etag, modified): (Option<String>, Option<String>) = store.conn().query_row(
            "SELECT etag, last_modified FROM calendar_sources WHERE id = ?1",
            [src.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (etag, modified) = if covered {
            (etag, modified)
        } else {
            (None, None)
        };
        match fetcher.get(
            &fetch::http_url(&src.location),
            etag.as_deref(),
            modified.as_deref(),
        )? {
            fetch::Got::NotModified => {
                let mut report = src.report.clone();
                report.not_modified = true;
                let tx = store.immediate()?;
                save_report(&tx, src.id, &report, now)?;
                tx.commit()?;
                return Ok(());
            }
            fetch::Got::Body {
                body,
                etag,
                last_modified,
            } => (body, Some((etag, last_modified))),
        }
    };
    let (feed, report) = read(store.conn(), &body, now)?;
    let tx = store.immediate()?;
    replace(&tx, src.id, &feed)?;
    save_report(&tx, src.id, &report, now)?;
    if let Some((etag, modified)) = validators {
        tx.execute(
            "UPDATE calendar_sources SET etag = ?2, last_modified = ?3 WHERE id = ?1",
            params![src.id, etag, modified],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Refresh every subscription whose interval has passed (all sources with
/// `all`); returns each one refreshed, with its error if it failed.
pub fn refresh_due(
    store: &mut Store,
    all: bool,
    fetcher: &dyn fetch::Fetch,
    now: DateTime<Utc>,
) -> Result<Vec<SourceView>> {
    let mut out = Vec::new();
    for src in sources(store)? {
        let due = all
            || (src.kind == "url"
                && src.refresh_minutes.is_some_and(|m| {
                    let last: Option<String> = store
                        .conn()
                        .query_row(
                            "SELECT checked_at FROM calendar_sources WHERE id = ?1",
                            [src.id],
                            |r| r.get(0),
                        )
                        .ok()
                        .flatten();
                    last.and_then(|l| DateTime::parse_from_rfc3339(&l).ok())
                        .is_none_or(|l| now.signed_duration_since(l).num_minutes() >= i64::from(m))
                }));
        if due {
            // A failure is recorded on the source and shown with it.
            let _ = refresh_one(store, src.id, fetcher, now);
            out.push(source(store.conn(), src.id)?);
        }
    }
    Ok(out)
}

/// Forget source `id` and its instances.
pub fn remove(store: &mut Store, id: i64) -> Result<()> {
    let tx = store.immediate()?;
    let n = tx.execute("DELETE FROM calendar_sources WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(not_found(id));
    }
    tx.commit()?;
    Ok(())
}

fn not_found(id: i64) -> CoreError {
    CoreError::NotFound(format!(
        "no calendar {id}; `studyplan subscriptions` lists them"
    ))
}

pub fn source(conn: &Connection, id: i64) -> Result<SourceView> {
    conn.query_row(
        "SELECT id, kind, location, name, colour, refresh_minutes, refreshed_at, last_error, report_json
         FROM calendar_sources WHERE id = ?1",
        [id],
        source_row,
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

fn source_row(r: &rusqlite::Row) -> rusqlite::Result<SourceView> {
    let report: String = r.get(8)?;
    Ok(SourceView {
        id: r.get(0)?,
        kind: r.get(1)?,
        location: r.get(2)?,
        name: r.get(3)?,
        colour: r.get(4)?,
        refresh_minutes: r.get(5)?,
        refreshed_at: r.get(6)?,
        last_error: r.get(7)?,
        report: serde_json::from_str(&report).unwrap_or_default(),
    })
}

/// Every source, oldest first.
pub fn sources(store: &Store) -> Result<Vec<SourceView>> {
    let mut st = store.conn().prepare_cached(
        "SELECT id, kind, location, name, colour, refresh_minutes, refreshed_at, last_error, report_json
         FROM calendar_sources ORDER BY id",
    )?;
    let rows = st.query_map([], source_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Busy instances on local days `from..=to` of the plan's zone, by start.
/// Errors: `InvalidInput` for a range over 366 days.
pub fn between(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<BusyView>> {
    if to < from || (to - from).num_days() > 366 {
        return Err(CoreError::InvalidInput(
            "ask for 1 to 367 days of busy time at a time".into(),
        ));
    }
    let tz = plan_zone(store)?;
    let (a, b) = (
        local_midnight(tz, from),
        local_midnight(tz, to + Days::new(1)),
    );
    overlapping(store.conn(), tz, a, b, false)
}

fn overlapping(
    conn: &Connection,
    tz: Tz,
    a: i64,
    b: i64,
    busy_only: bool,
) -> Result<Vec<BusyView>> {
    let mut st = conn.prepare_cached(
        "SELECT e.source_id, s.name, s.colour, e.uid, e.summary, e.start_utc, e.end_utc, e.all_day, e.busy
         FROM busy_events e JOIN calendar_sources s ON s.id = e.source_id
         WHERE e.start_utc < ?2 AND (e.end_utc > ?1 OR (e.end_utc = e.start_utc AND e.start_utc >= ?1))
           AND (?3 = 0 OR e.busy = 1)
           AND e.start_utc >= ?1 - (SELECT COALESCE(MAX(longest), 0) FROM calendar_sources)
         ORDER BY e.start_utc, e.end_utc, s.id",
    )?;
    let rows = st.query_map(params![a, b, busy_only], |r| {
        let (start, end): (i64, i64) = (r.get(5)?, r.get(6)?);
        let at = |t: i64| {
            DateTime::from_timestamp(t, 0)
                .unwrap_or_default()
                .with_timezone(&tz)
        };
        let (ls, le) = (at(start), at(end));
        Ok(BusyView {
            source_id: r.get(0)?,
            source: r.get(1)?,
            colour: r.get(2)?,
            uid: r.get(3)?,
            summary: r.get(4)?,
            start_utc: rfc3339(start),
            end_utc: rfc3339(end),
            date: ls.date_naive().to_string(),
            end_date: if end > start { at(end - 1) } else { le }
                .date_naive()
                .to_string(),
            start: ls.format("%H:%M").to_string(),
            end: le.format("%H:%M").to_string(),
            all_day: r.get(7)?,
            busy: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The busy instance `[start, end)` (Unix seconds) would overlap, if any.
pub(crate) fn first_collision(conn: &Connection, start: i64, end: i64) -> Result<Option<BusyView>> {
    let tz = zone_of(conn)?;
    Ok(overlapping(conn, tz, start, end, true)?
        .into_iter()
        // An instant event blocks nothing.
        .find(|e| e.start_utc != e.end_utc))
}

/// The overlap rule against busy time, for every path that places a block.
/// `Conflict` names the event, its calendar and its local time.
pub(crate) fn refuse_busy(conn: &Connection, start: i64, end: i64) -> Result<()> {
    match first_collision(conn, start, end)? {
        Some(e) => {
            let when = match (e.all_day, e.date == e.end_date) {
                (true, true) => format!("all day on {}", e.date),
                (true, false) => format!("all day, {} to {}", e.date, e.end_date),
                (false, true) => format!("{}–{} on {}", e.start, e.end, e.date),
                (false, false) => format!("{} {} to {} {}", e.date, e.start, e.end_date, e.end),
            };
            Err(CoreError::Conflict(format!(
                "it would overlap “{}” ({when}), busy in your calendar “{}”",
                e.summary, e.source
            )))
        }
        None => Ok(()),
    }
}

/// For blocks `[(start, end)]` (Unix seconds), the busy event each collides
/// with, as "Summary (calendar)".
pub(crate) fn collisions(conn: &Connection, spans: &[(i64, i64)]) -> Result<Vec<Option<String>>> {
    let (Some(lo), Some(hi)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return Ok(Vec::new());
    };
    let has_any: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM busy_events WHERE busy = 1)",
        [],
        |r| r.get(0),
    )?;
    if !has_any {
        return Ok(vec![None; spans.len()]);
    }
    let events = overlapping(conn, Tz::UTC, lo, hi, true)?;
    let parsed: Vec<(i64, i64, String)> = events
        .into_iter()
        .filter_map(|e| {
            let a = DateTime::parse_from_rfc3339(&e.start_utc).ok()?.timestamp();
            let b = DateTime::parse_from_rfc3339(&e.end_utc).ok()?.timestamp();
            (b > a).then(|| (a, b, format!("{} ({})", e.summary, e.source)))
        })
        .collect();
    Ok(spans
        .iter()
        .map(|&(s, e)| {
            parsed
                .iter()
                .find(|(a, b, _)| *a < e && *b > s)
                .map(|(_, _, t)| t.clone())
        })
        .collect())
}
