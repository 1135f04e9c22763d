//! Laying out a day template: where each block starts and ends on the clock.
//!
//! Blocks follow each other with the template's break between them, from
//! `day_start` (default 08:00); a fixed `start` pins a block; an AM/PM split
//! resumes at `pm_start` after the given number of blocks. Times are minutes
//! after midnight and may exceed 1440, which validation reports as a day
//! template longer than the day.
//!
//! On a real date ([`place_day`]) the day is laid out in **elapsed time**:
//! the first block starts at `day_start` resolved in the zone (see `tz`),
//! each block lasts its minutes of real time, and the next follows after
//! the break's real minutes; a fixed `start` or `pm_start` is resolved the
//! same way and never moves a block earlier than the one before it ends.
//! So no two blocks share an instant and every block keeps its length on
//! days when clocks change: three 30-minute blocks from 02:00 on the Berlin
//! spring-forward day run 03:00, 03:30, 04:00. A day whose layout would run
//! past midnight that way (a template ending within a gap of midnight) is
//! refused, naming the date; a date the zone skipped entirely has no
//! blocks.

use super::tz::resolve;
use crate::plan::model::{DayTemplate, HhMm};
use crate::plan::span::Spanned;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Timelike};
use chrono_tz::Tz;

/// Default first block start when a template gives none.
pub const DEFAULT_DAY_START: u32 = 8 * 60;
pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// One block placed on the clock (minutes after midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: u32,
    pub end: u32,
}

pub fn minutes_of(t: &HhMm) -> u32 {
    t.0.hour() * 60 + t.0.minute()
}

fn opt_minutes(t: &Option<Spanned<HhMm>>) -> Option<u32> {
    t.as_ref().map(|s| minutes_of(&s.value))
}

/// Place every block of `t`. The result has one slot per block, in order.
pub fn layout(t: &DayTemplate) -> Vec<Slot> {
    let mut cursor = opt_minutes(&t.day_start).unwrap_or(DEFAULT_DAY_START);
    let mut out = Vec::with_capacity(t.blocks.len());
    for (i, b) in t.blocks.iter().enumerate() {
        if let Some(split) = &t.split {
            if i as u32 == split.after_block && i > 0 {
                cursor = cursor.max(minutes_of(&split.pm_start.value));
            }
        }
        let start = opt_minutes(&b.start).unwrap_or(cursor);
        // Saturating: validation bounds minutes, but layout must not panic first.
        let end = start.saturating_add(b.minutes.value);
        out.push(Slot { start, end });
        cursor = end.saturating_add(t.break_minutes);
    }
    out
}

/// `HH:MM` for minutes after midnight (wraps past 24:00 only in nonsense input).
pub fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}

/// One block placed on a date: its real start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacedSlot {
    pub start: DateTime<Tz>,
    pub end: DateTime<Tz>,
}

/// Lay `t` out on `date` in `tz`, in elapsed time (module doc). `Err`
/// names the date when no layout keeps every block on it.
pub fn place_day(t: &DayTemplate, date: NaiveDate, tz: Tz) -> crate::Result<Vec<PlacedSlot>> {
    let midnight = date.and_time(NaiveTime::MIN);
    // A date the zone skipped entirely (Pacific/Apia, 2011-12-30) has no blocks.
    let last_minute = midnight + Duration::minutes(i64::from(MINUTES_PER_DAY) - 1);
    if resolve(tz, last_minute).date_naive() != date && resolve(tz, midnight).date_naive() != date {
        return Ok(Vec::new());
    }
    // When the day's start happens twice, the first occurrence unless that
    // would carry blocks back into the day before (a fall-back at 00:01).
    let start_local = midnight
        + Duration::minutes(i64::from(
            opt_minutes(&t.day_start).unwrap_or(DEFAULT_DAY_START),
        ));
    let candidates: Vec<DateTime<Tz>> = match tz.from_local_datetime(&start_local) {
        chrono::LocalResult::Ambiguous(a, b) => vec![a, b],
        _ => vec![resolve(tz, start_local)],
    };
    let mut last = None;
    for first in candidates {
        match lay(t, date, tz, first) {
            Ok(v) => return Ok(v),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| crate::CoreError::Internal("no start for the day".into())))
}

fn lay(
    t: &DayTemplate,
    date: NaiveDate,
    tz: Tz,
    first: DateTime<Tz>,
) -> crate::Result<Vec<PlacedSlot>> {
    let at = |minutes: u32| {
        resolve(
            tz,
            date.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(minutes)),
        )
    };
    let next_midnight = date
        .succ_opt()
        .map(|next| resolve(tz, next.and_time(NaiveTime::MIN)));
    let mut cursor = first;
    let mut out: Vec<PlacedSlot> = Vec::with_capacity(t.blocks.len());
    for (i, b) in t.blocks.iter().enumerate() {
        if let Some(split) = &t.split {
            if i as u32 == split.after_block && i > 0 {
                cursor = cursor.max(at(minutes_of(&split.pm_start.value)));
            }
        }
        let start = match opt_minutes(&b.start) {
            Some(m) => at(m).max(out.last().map(|p| p.end).unwrap_or(at(m))),
            None => cursor,
        };
        let end = start + Duration::minutes(i64::from(b.minutes.value));
        if next_midnight.is_some_and(|m| end > m) || start.date_naive() != date {
            return Err(crate::CoreError::InvalidInput(format!(
                "on {date} the clocks change in {tz}: block `{}` of day template `{}` would run outside the day ({} – {})",
                b.title,
                t.id.value,
                start.format("%Y-%m-%d %H:%M %Z"),
                end.format("%Y-%m-%d %H:%M %Z")
            )));
        }
        out.push(PlacedSlot { start, end });
        cursor = end + Duration::minutes(i64::from(t.break_minutes));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{BlockTemplate, DayTemplate};
    use chrono::{Datelike, Offset};

    fn template(day_start: &str, fixed: &[&str], n: usize, minutes: u32, brk: u32) -> DayTemplate {
        let hm = |s: &str| Spanned::unplaced(HhMm(NaiveTime::parse_from_str(s, "%H:%M").unwrap()));
        let mut blocks: Vec<BlockTemplate> = (0..n)
            .map(|i| BlockTemplate {
                track: Spanned::unplaced("t".into()),
                title: Spanned::unplaced(format!("B{i}")),
                minutes: Spanned::unplaced(minutes),
                start: None,
                note: None,
            })
            .collect();
        for (b, f) in blocks.iter_mut().zip(fixed) {
            b.start = Some(hm(f));
        }
        DayTemplate {
            id: Spanned::unplaced("t".into()),
            name: "T".into(),
            day_start: Some(hm(day_start)),
            break_minutes: brk,
            split: None,
            blocks,
        }
    }

    /// Every date in `years` on which `tz`'s UTC offset changes: month
    /// starts are compared first, then the days of a month that changed.
    fn transition_dates(tz: Tz, years: std::ops::RangeInclusive<i32>) -> Vec<NaiveDate> {
        let off = |d: NaiveDate| {
            tz.offset_from_utc_datetime(&d.and_time(NaiveTime::MIN))
                .fix()
                .local_minus_utc()
        };
        let mut out = Vec::new();
        for y in years {
            for m in 1..=12 {
                let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
                let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
                if off(first) == off(next) {
                    continue;
                }
                let mut d = first;
                while d < next {
                    let n = d.succ_opt().unwrap();
                    if off(d) != off(n) {
                        // The change happens between these midnights: either day may hold it.
                        out.push(d);
                        out.push(n);
                    }
                    d = n;
                }
            }
        }
        out.dedup();
        out
    }

    /// The broken invariant, in words; None when the day is sound.
    fn check_day(t: &DayTemplate, date: NaiveDate, tz: Tz) -> Option<String> {
        let slots = match place_day(t, date, tz) {
            Ok(s) => s,
            // A refusal must name the date (the template ran past midnight).
            Err(e) if e.to_string().contains(&date.to_string()) => return None,
            Err(e) => return Some(e.to_string()),
        };
        let mut prev: Option<&PlacedSlot> = None;
        for (s, b) in slots.iter().zip(&t.blocks) {
            let len = (s.end - s.start).num_minutes();
            if len != i64::from(*b.minutes) {
                return Some(format!("{} lasts {len} min, not {}", b.title, *b.minutes));
            }
            if s.start.date_naive() != date {
                return Some(format!("{} starts on {}", b.title, s.start.date_naive()));
            }
            if let Some(p) = prev {
                if s.start < p.end {
                    return Some(format!(
                        "{} starts before the block before it ends",
                        b.title
                    ));
                }
            }
            prev = Some(s);
        }
        None
    }

    /// Property: on every date any IANA zone changes its offset, 1970–2199,
    /// a day laid out from midnight (and one with fixed starts across the
    /// small hours) keeps its blocks ordered, disjoint, full-length and on
    /// their date.
    #[test]
    fn every_tzdata_transition_keeps_blocks_ordered_disjoint_and_whole() {
        let flowing = template("00:00", &[], 14, 25, 5);
        let fixed = template(
            "00:30",
            &["00:30", "01:00", "01:30", "02:00", "02:30", "03:00"],
            6,
            30,
            0,
        );
        let mut dates = 0usize;
        let mut failures = Vec::new();
        for tz in chrono_tz::TZ_VARIANTS {
            for d in transition_dates(tz, 1970..=2199) {
                dates += 1;
                for (name, t) in [("flowing", &flowing), ("fixed", &fixed)] {
                    if let Some(e) = check_day(t, d, tz) {
                        failures.push(format!("{tz} {d} {name}: {e}"));
                    }
                }
            }
        }
        assert!(dates > 10_000, "only {dates} transition dates found");
        assert!(
            failures.is_empty(),
            "{} failures, e.g. {:?}",
            failures.len(),
            &failures[..failures.len().min(5)]
        );
    }

    #[test]
    fn the_berlin_gap_is_laid_out_in_elapsed_time() {
        let t = template("02:00", &[], 3, 30, 0);
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let slots = place_day(&t, NaiveDate::from_ymd_opt(2026, 3, 29).unwrap(), tz).unwrap();
        let starts: Vec<String> = slots
            .iter()
            .map(|s| s.start.format("%H:%M %Z").to_string())
            .collect();
        assert_eq!(starts, ["03:00 CEST", "03:30 CEST", "04:00 CEST"]);
    }

    #[test]
    fn a_skipped_day_has_no_blocks() {
        let tz: Tz = "Pacific/Apia".parse().unwrap();
        let d = NaiveDate::from_ymd_opt(2011, 12, 30).unwrap();
        assert!(place_day(&template("08:00", &[], 3, 30, 0), d, tz)
            .unwrap()
            .is_empty());
        assert_eq!(d.weekday(), chrono::Weekday::Fri);
    }
}
