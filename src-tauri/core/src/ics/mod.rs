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
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::params;
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
        vtimezone::write(&mut f, tz, span_start, span_end)?;

        let mut events = 0u32;
        let mut st = self.conn.prepare(
            "SELECT b.id, b.date, b.start_local, b.end_local, b.end_utc - b.start_utc, b.title, COALESCE(t.name, b.track), b.note,
                    w.title, w.topics_json, b.track, COALESCE(t.lead_minutes, ?4), b.status, b.start_utc
             FROM blocks b LEFT JOIN tracks t ON t.plan_id = b.plan_id AND t.id = b.track
             LEFT JOIN weeks w ON w.plan_id = b.plan_id AND w.number = b.week
             WHERE b.plan_id = ?1 AND b.date BETWEEN ?2 AND ?3 ORDER BY b.start_utc",
        )?;
        let mut rows = st.query(params![plan.id, from, to, lead])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let secs: i64 = r.get(4)?;
            let start_utc: i64 = r.get(13)?;
            let start_at = DateTime::<Utc>::from_timestamp(start_utc, 0).unwrap_or_default();
            let end_at = DateTime::<Utc>::from_timestamp(start_utc + secs, 0).unwrap_or_default();
            let title: String = r.get(5)?;
            let track_name: String = r.get(6)?;
            let note: Option<String> = r.get(7)?;
            let week_title: Option<String> = r.get(8)?;
            let topics: Option<String> = r.get(9)?;
            let track: String = r.get(10)?;
            let lead: i64 = r.get(11)?;
            let status: String = r.get(12)?;
            let mut desc = Vec::new();
            if let Some(w) = week_title.filter(|w| !w.is_empty()) {
                desc.push(w);
            }
            if let Some(t) = topics
                .as_deref()
                .and_then(|j| serde_json::from_str::<Vec<(String, String)>>(j).ok())
                .and_then(|v| v.into_iter().find(|(k, _)| *k == track))
            {
                desc.push(t.1);
            }
            if let Some(n) = note {
                desc.push(n);
            }
            f.line("BEGIN:VEVENT")?;
            f.line(&format!("UID:{}@studyplan", escape(&id)))?;
            f.line(&format!("DTSTAMP:{stamp}"))?;
            f.line(&format!("DTSTART{}", date_time(tz, start_at)))?;
            f.line(&format!("DTEND{}", date_time(tz, end_at)))?;
            f.line(&format!("SUMMARY:{}", escape_line(&title)))?;
            f.line(&format!("CATEGORIES:{}", escape_line(&track_name)))?;
            if !desc.is_empty() {
                f.line(&format!("DESCRIPTION:{}", escape(&desc.join("\n"))))?;
            }
            if status == "done" {
                f.line("STATUS:CONFIRMED")?;
            } else if status == "skipped" {
                f.line("STATUS:CANCELLED")?;
            }
            f.line("BEGIN:VALARM")?;
            f.line("ACTION:DISPLAY")?;
            f.line(&format!("DESCRIPTION:{}", escape(&title)))?;
            f.line(&format!("TRIGGER:-PT{lead}M"))?;
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

/// `;TZID=zone:local` for an instant, or `:…Z` (UTC, RFC 5545 3.3.5 form
/// 2) when its local time happens twice (an hour repeated when clocks go
/// back): RFC 5545 reads such a time as the first pass, but readers differ
/// (Python's icalendar takes the second), so only UTC is unambiguous.
fn date_time(tz: chrono_tz::Tz, at: DateTime<Utc>) -> String {
    use chrono::TimeZone;
    let local = at.with_timezone(&tz).naive_local();
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(_) => {
            format!(";TZID={}:{}", tz.name(), local.format("%Y%m%dT%H%M%S"))
        }
        _ => format!(":{}", at.format("%Y%m%dT%H%M%SZ")),
    }
}
