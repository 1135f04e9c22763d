//! Runs of a plan: following a plan again on coming dates.
//!
//! **Contract.**
//! - A plan whose last day is past (ended) is offered a new run
//!   ([`offer`]): on the next date
//!   after today with the plan's first weekday (the reference plan starts on
//!   a Tuesday: on Monday 2026-11-30 the offer is Tuesday 2026-12-01), or on
//!   a date the person picks (an absolute plan moves to the first day on or
//!   after it with its first weekday, so each day keeps its weekday), in the
//!   system's time zone unless they pick one.
//! - A run is a plan of its own ([`start_run`]): id `<plan id>-<first day>`
//!   (the plan's own id when it starts on the file's dates), every date
//!   shifted by whole days, and the title's date range rewritten for the
//!   run ("… (Aug 19 – Oct 18, 2025)" becomes "… (Dec 1, 2026 – Jan 30,
//!   2027)"; a title without dates is kept). The earlier run stays loaded,
//!   with its progress, notes and documents, and can be made active again.
//! - Errors: `NotFound` for an unknown plan, `InvalidInput` for a start
//!   outside 1970–2199 or an unknown zone.

use crate::plan::model::PlanFile;
use crate::store::plans::{LoadOptions, LoadReport};
use crate::{CoreError, Result, Store};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

/// Why a plan is offered a new run.
#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RunState {
    /// Its last day is before today. (A plan whose first day is still ahead
    /// is not offered one: it has been started on coming dates already.)
    Ended,
}

/// A new run the app offers for the active plan.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RunOffer {
    pub plan_id: String,
    pub state: RunState,
    /// The suggested first day, `YYYY-MM-DD`: the next date after today
    /// with the plan's first weekday.
    pub next_start: String,
    /// That weekday's English name ("Tuesday").
    pub weekday: String,
    /// The zone a run starts in unless another is picked: the system's.
    pub zone: String,
}

/// The weekday a plan starts on: its first day's (absolute plans), else the
/// first weekday from Monday that has a day template (relative plans).
pub fn first_weekday(plan: &PlanFile) -> Weekday {
    if let Some(start) = &plan.period.start {
        return start.value.0.weekday();
    }
    let s = &plan.schedule;
    [
        (&s.mon, Weekday::Mon),
        (&s.tue, Weekday::Tue),
        (&s.wed, Weekday::Wed),
        (&s.thu, Weekday::Thu),
        (&s.fri, Weekday::Fri),
        (&s.sat, Weekday::Sat),
        (&s.sun, Weekday::Sun),
    ]
    .into_iter()
    .find(|(t, _)| t.as_ref().is_some_and(|t| t.value != "off"))
    .map_or(Weekday::Mon, |(_, w)| w)
}

/// The first date after `today` falling on `weekday` (1 to 7 days on).
pub fn next_on(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today + Days::new(u64::from(if ahead == 0 { 7 } else { ahead }))
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

struct Loaded {
    source_name: String,
    text: String,
    start: NaiveDate,
    end: NaiveDate,
    variant: Option<String>,
}

fn loaded(store: &Store, id: &str) -> Result<Loaded> {
    let row: Option<(String, String, String, String, Option<String>)> = store
        .conn()
        .query_row(
            "SELECT source_name, source_text, start_date, end_date, variant FROM plans WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let (source_name, text, start, end, variant) =
        row.ok_or_else(|| CoreError::NotFound(format!("no plan `{id}` is loaded")))?;
    let day = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|e| CoreError::Internal(format!("stored date {s}: {e}")))
    };
    Ok(Loaded {
        start: day(&start)?,
        end: day(&end)?,
        source_name,
        text,
        variant,
    })
}

fn parse(l: &Loaded) -> Result<PlanFile> {
    crate::plan::parse::parse_plan(&l.source_name, &l.text).map_err(CoreError::PlanInvalid)
}

/// The new run offered for the active plan on `today` (local date), if it
/// has ended; `None` before its end or when no plan is loaded.
pub fn offer(store: &Store, today: NaiveDate) -> Result<Option<RunOffer>> {
    let id: Option<String> = store
        .conn()
        .query_row("SELECT id FROM plans WHERE active = 1", [], |r| r.get(0))
        .optional()?;
    let Some(id) = id else { return Ok(None) };
    let l = loaded(store, &id)?;
    if today <= l.end {
        return Ok(None);
    }
    let state = RunState::Ended;
    let weekday = first_weekday(&parse(&l)?);
    Ok(Some(RunOffer {
        plan_id: id,
        state,
        next_start: next_on(today, weekday).to_string(),
        weekday: weekday_name(weekday).into(),
        zone: crate::schedule::tz::system_zone().name().to_string(),
    }))
}

fn month_day(d: NaiveDate) -> String {
    d.format("%b %-d").to_string()
}

/// "Aug 19 – Oct 18, 2025", or "Dec 1, 2026 – Jan 30, 2027" across years.
pub fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    if first.year() == last.year() {
        format!(
            "{} – {}, {}",
            month_day(first),
            month_day(last),
            last.year()
        )
    } else {
        format!(
            "{}, {} – {}, {}",
            month_day(first),
            first.year(),
            month_day(last),
            last.year()
        )
    }
}

/// The run's title: a trailing "(…)" that names the file's year (its date
/// range, as the reference plan's "(Aug 19 – Oct 18, 2025)") is replaced by
/// the run's dates; any other title is kept.
pub fn run_title(title: &str, file_years: &[i32], first: NaiveDate, last: NaiveDate) -> String {
    let t = title.trim_end();
    if let (true, Some(open)) = (t.ends_with(')'), t.rfind('(')) {
        let inside = &t[open..];
        if file_years.iter().any(|y| inside.contains(&y.to_string())) {
            return format!("{}({})", &t[..open], date_range(first, last));
        }
    }
    title.to_string()
}

/// Zone `zone` (an IANA name; `None`: the system's) and the date in it at
/// `now`. Errors: `InvalidInput` for an unknown zone.
pub fn today_in(zone: Option<&str>, now: DateTime<Utc>) -> Result<(chrono_tz::Tz, NaiveDate)> {
    let tz = match zone {
        Some(name) => crate::schedule::tz::parse_zone(name).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "unknown time zone `{}`; use an IANA name such as Europe/Berlin",
                crate::ipc::quote(name)
            ))
        })?,
        None => crate::schedule::tz::system_zone(),
    };
    Ok((tz, now.with_timezone(&tz).date_naive()))
}

/// The next date after today in `zone` (default: the system's) with
/// `plan`'s first weekday: what `--start next` means.
pub fn next_start(plan: &PlanFile, zone: Option<&str>, now: DateTime<Utc>) -> Result<NaiveDate> {
    let (_, today) = today_in(zone, now)?;
    Ok(next_on(today, first_weekday(plan)))
}

/// Start a new run of plan `id` on `start` (default: the next date after
/// today, in `tz`, with the plan's first weekday) in `tz` (an IANA name;
/// default: the system's zone). The run becomes the active plan; the
/// earlier run stays loaded.
pub fn start_run(
    store: &mut Store,
    id: &str,
    start: Option<NaiveDate>,
    tz: Option<String>,
    now: DateTime<Utc>,
) -> Result<LoadReport> {
    let (zone, today) = today_in(tz.as_deref(), now)?;
    let l = loaded(store, id)?;
    let plan = parse(&l)?;
    let file_start = plan.period.start.as_ref().map(|s| s.value.0);
    let first = match start {
        Some(d) => {
            crate::store::agenda::check_year(d)?;
            // An absolute plan keeps each day's weekday: it starts on the
            // first day on or after the date with its first weekday, as
            // loading it with a start does (schedule::expand).
            match file_start {
                Some(f) => next_on(d - Days::new(1), f.weekday()),
                None => d,
            }
        }
        None => next_on(today, first_weekday(&plan)),
    };
    let base = plan.id.value.clone();
    let shift = (first - l.start).num_days();
    let last = l.end + chrono::Duration::days(shift);
    let run_id = if file_start == Some(first) {
        base.clone()
    } else {
        format!("{base}-{first}")
    };
    let years: Vec<i32> = [plan.period.start.as_ref(), plan.period.end.as_ref()]
        .into_iter()
        .flatten()
        .map(|d| d.value.0.year())
        .chain([l.start.year(), l.end.year()])
        .collect();
    let title = run_title(&plan.title.value, &years, first, last);
    let opts = LoadOptions {
        start: Some(first),
        tz: Some(zone.name().to_string()),
        variant: l.variant.clone(),
    };
    store.load_run(&l.source_name, &l.text, &opts, Some((run_id, title)), now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_next_date_on_a_weekday_is_one_to_seven_days_on() {
        assert_eq!(next_on(d("2026-11-30"), Weekday::Tue), d("2026-12-01"));
        assert_eq!(
            next_on(d("2026-12-01"), Weekday::Tue),
            d("2026-12-08"),
            "not today"
        );
        assert_eq!(next_on(d("2026-12-31"), Weekday::Mon), d("2027-01-04"));
    }

    #[test]
    fn a_title_naming_the_file_s_dates_takes_the_run_s() {
        let t = "Senior Data Engineering Study Plan (Aug 19 – Oct 18, 2025)";
        assert_eq!(
            run_title(t, &[2025], d("2026-12-01"), d("2027-01-30")),
            "Senior Data Engineering Study Plan (Dec 1, 2026 – Jan 30, 2027)"
        );
        assert_eq!(
            run_title(t, &[2025], d("2026-08-18"), d("2026-10-17")),
            "Senior Data Engineering Study Plan (Aug 18 – Oct 17, 2026)"
        );
        assert_eq!(
            run_title(
                "Plan (team edition)",
                &[2025],
                d("2026-12-01"),
                d("2027-01-30")
            ),
            "Plan (team edition)"
        );
        assert_eq!(
            run_title("Plan", &[2025], d("2026-12-01"), d("2027-01-30")),
            "Plan"
        );
    }
}
