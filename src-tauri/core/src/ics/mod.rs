//! iCalendar (RFC 5545) export: one VEVENT per block, milestones as all-day
//! events, and a VTIMEZONE describing every offset change in the range.
//!
//! Local times are written with `TZID` so calendar apps keep blocks at their
//! wall-clock time; the VTIMEZONE is derived from the same tz database the
//! scheduler used, so readers agree with studyplan on every instant.

pub mod text;
mod vtimezone;

use crate::error::{CoreError, Result};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::params;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use text::{escape, escape_line, Folder};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IcsSummary {
    pub events: u32,
    pub milestones: u32,
}

fn ymd(d: &str) -> String {
    d.replace('-', "")
}

impl Store {
    /// Write the active plan (optionally only `from..=to`) as iCalendar to `out`.
    pub fn export_ics<W: Write>(
        &self,
        out: W,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<IcsSummary> {
        let plan = self
            .active_plan()?
            .ok_or_else(|| CoreError::InvalidInput("no plan is loaded; load one first".into()))?;
        let tz = crate::schedule::tz::parse_zone(&plan.timezone).ok_or_else(|| {
            CoreError::Internal(format!("stored zone `{}` does not parse", plan.timezone))
        })?;
        let from = from
            .map(|d| d.to_string())
            .unwrap_or_else(|| plan.start.clone());
        let to = to
            .map(|d| d.to_string())
            .unwrap_or_else(|| plan.end.clone());
        if to < from {
            return Err(CoreError::InvalidInput(format!(
                "the range ends ({to}) before it starts ({from})"
            )));
        }
        let lead = i64::from(self.settings()?.reminder_lead_minutes);
        let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
        let mut f = Folder::new(out);
        f.line("BEGIN:VCALENDAR")?;
        f.line("VERSION:2.0")?;
        f.line("PRODID:-//studyplan//studyplan 0.1//EN")?;
        f.line("CALSCALE:GREGORIAN")?;
        f.line("METHOD:PUBLISH")?;
        f.line(&format!("X-WR-CALNAME:{}", escape(&plan.title)))?;
        f.line(&format!("X-WR-TIMEZONE:{}", tz.name()))?;

        // The VTIMEZONE covers the exported instants (a day of margin each side).
        let (first, last): (Option<i64>, Option<i64>) = self.conn.query_row(
            "SELECT MIN(start_utc), MAX(end_utc) FROM blocks WHERE plan_id = ?1 AND date BETWEEN ?2 AND ?3",
            params![plan.id, from, to],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let day = 86_400;
        let span_start = first.unwrap_or(0) - day;
        let span_end = last.unwrap_or(0) + day;
        let mut offsets = vtimezone::write(&mut f, tz, span_start, span_end)?;

        // Weeks and tracks are few: read once, not joined into every row.
        let mut weeks: HashMap<i64, (String, Vec<(String, String)>)> = HashMap::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT number, title, topics_json FROM weeks WHERE plan_id = ?1")?;
            let mut rows = st.query([&plan.id])?;
            while let Some(r) = rows.next()? {
                let topics: String = r.get(2)?;
                weeks.insert(
                    r.get(0)?,
                    (r.get(1)?, serde_json::from_str(&topics).unwrap_or_default()),
                );
            }
        }
        let mut tracks: HashMap<String, (String, i64)> = HashMap::new();
        {
            let mut st = self.conn.prepare(
                "SELECT id, name, COALESCE(lead_minutes, ?2) FROM tracks WHERE plan_id = ?1",
            )?;
            let mut rows = st.query(params![plan.id, lead])?;
            while let Some(r) = rows.next()? {
                tracks.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
            }
        }

        let stamp_line = format!("DTSTAMP:{stamp}");
        let tzid = format!(";TZID={}:", tz.name());
        let mut line = String::with_capacity(256);
        let mut events = 0u32;
        let mut st = self.conn.prepare(
            "SELECT id, start_utc, end_utc - start_utc, title, track, note, week, status
             FROM blocks WHERE plan_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY start_utc",
        )?;
        let mut rows = st.query(params![plan.id, from, to])?;
        while let Some(r) = rows.next()? {
            // Borrowed from the row: no allocation per column.
            let text = |i: usize| -> Result<&str> {
                r.get_ref(i)?
                    .as_str()
                    .map_err(|e| CoreError::Storage(format!("column {i}: {e}")))
            };
            let id = text(0)?;
            let start_utc: i64 = r.get(1)?;
            let secs: i64 = r.get(2)?;
            let title = text(3)?;
            let track = text(4)?;
            let note = r
                .get_ref(5)?
                .as_str_or_null()
                .map_err(|e| CoreError::Storage(format!("note: {e}")))?;
            let week: Option<i64> = r.get(6)?;
            let status = text(7)?;
            let (track_name, lead) = tracks
                .get(track)
                .map_or((track, lead), |(n, l)| (n.as_str(), *l));
            let mut desc: Vec<&str> = Vec::new();
            if let Some((title, topics)) = week.and_then(|w| weeks.get(&w)) {
                if !title.is_empty() {
                    desc.push(title);
                }
                if let Some((_, t)) = topics.iter().find(|(k, _)| k == track) {
                    desc.push(t);
                }
            }
            if let Some(n) = note {
                desc.push(n);
            }
            f.line("BEGIN:VEVENT")?;
            line.clear();
            line.push_str("UID:");
            line.push_str(&escape(id));
            line.push_str("@studyplan");
            f.line(&line)?;
            f.line(&stamp_line)?;
            for (name, at) in [("DTSTART", start_utc), ("DTEND", start_utc + secs)] {
                line.clear();
                line.push_str(name);
                date_time(&mut line, &mut offsets, &tzid, at);
                f.line(&line)?;
            }
            line.clear();
            line.push_str("SUMMARY:");
            line.push_str(&escape_line(title));
            f.line(&line)?;
            line.clear();
            line.push_str("CATEGORIES:");
            line.push_str(&escape_line(track_name));
            f.line(&line)?;
            if !desc.is_empty() {
                line.clear();
                line.push_str("DESCRIPTION:");
                line.push_str(&escape(&desc.join("\n")));
                f.line(&line)?;
            }
            if status == "done" {
                f.line("STATUS:CONFIRMED")?;
            } else if status == "skipped" {
                f.line("STATUS:CANCELLED")?;
            }
            f.line("BEGIN:VALARM")?;
            f.line("ACTION:DISPLAY")?;
            line.clear();
            line.push_str("DESCRIPTION:");
            line.push_str(&escape(title));
            f.line(&line)?;
            line.clear();
            let _ = write!(line, "TRIGGER:-PT{lead}M");
            f.line(&line)?;
            f.line("END:VALARM")?;
            f.line("END:VEVENT")?;
            events += 1;
        }

        let mut milestones = 0u32;
        let mut st = self.conn.prepare(
            "SELECT seq, title, kind, start_date, end_date, note FROM milestones WHERE plan_id = ?1 AND end_date >= ?2 AND start_date <= ?3 ORDER BY start_date, seq",
        )?;
        let mut rows = st.query(params![plan.id, from, to])?;
        while let Some(r) = rows.next()? {
            let seq: u32 = r.get(0)?;
            let title: String = r.get(1)?;
            let kind: String = r.get(2)?;
            let start: String = r.get(3)?;
            let end: String = r.get(4)?;
            let note: Option<String> = r.get(5)?;
            // All-day DTEND is exclusive: the day after the last day.
            let end_excl = crate::store::agenda::parse_date(&end)? + Duration::days(1);
            f.line("BEGIN:VEVENT")?;
            f.line(&format!(
                "UID:{}:milestone:{seq}@studyplan",
                escape(&plan.id)
            ))?;
            f.line(&format!("DTSTAMP:{stamp}"))?;
            f.line(&format!("DTSTART;VALUE=DATE:{}", ymd(&start)))?;
            f.line(&format!("DTEND;VALUE=DATE:{}", end_excl.format("%Y%m%d")))?;
            f.line(&format!("SUMMARY:{}", escape_line(&title)))?;
            f.line(&format!("CATEGORIES:{}", escape(&kind)))?;
            if let Some(n) = note {
                f.line(&format!("DESCRIPTION:{}", escape(&n)))?;
            }
            f.line("TRANSP:TRANSPARENT")?;
            f.line("END:VEVENT")?;
            milestones += 1;
        }
        f.line("END:VCALENDAR")?;
        f.finish()?;
        Ok(IcsSummary { events, milestones })
    }
}

/// Append `;TZID=zone:local` for instant `at` (Unix seconds), or `:…Z`
/// (UTC, RFC 5545 3.3.5 form 2) when its local time happens twice (an hour
/// repeated when clocks go back): RFC 5545 reads such a time as the first
/// pass, but readers differ (Python's icalendar takes the second), so only
/// UTC is unambiguous.
fn date_time(out: &mut String, offsets: &mut vtimezone::Offsets, tzid: &str, at: i64) {
    match offsets.local(at) {
        Some(local) => {
            out.push_str(tzid);
            stamp(out, local);
        }
        None => {
            out.push(':');
            stamp(out, at);
            out.push('Z');
        }
    }
}

/// `YYYYMMDDTHHMMSS` for `t` seconds since 1970-01-01T00:00.
fn stamp(out: &mut String, t: i64) {
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let d = NaiveDate::from_num_days_from_ce_opt(days as i32 + 719_163).unwrap_or_default();
    let _ = write!(
        out,
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        d.year(),
        d.month(),
        d.day(),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    );
}
