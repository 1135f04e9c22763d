//! Expanding a validated plan into dated weeks, blocks and milestones.
//!
//! Dates: an absolute plan runs on its own dates unless a new start is
//! given; then every date shifts by the same number of days, the start
//! moving to the first day on or after the requested date with the plan's
//! original start weekday, so each day keeps its weekday role (Saturday's
//! mock interview stays on a Saturday). A relative plan starts on the date
//! given, as is.
//!
//! Weeks: in an absolute plan weeks run Monday to Sunday and week 1 holds the
//! start date (the reference plan's week 1 is Tue 19 – Sun 24 Aug); in a
//! relative plan week N is the N-th run of seven days from the start.

use super::layout::place_day;
use crate::error::{CoreError, Result};
use crate::plan::model::{DayTemplate, PlanFile};
use crate::plan::validate::parse_weekday;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// How to place a plan on the calendar.
#[derive(Debug, Clone)]
pub struct Placement {
    pub start: Option<NaiveDate>,
    pub tz: Tz,
    pub variant: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedWeek {
    pub number: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub title: String,
    /// (track id, topics) in track order.
    pub topics: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedBlock {
    /// `plan:date:slot`, stable across reloads while the day keeps its template.
    pub id: String,
    pub date: NaiveDate,
    pub slot: u32,
    /// Wall-clock start and end after the DST policy, `HH:MM`.
    pub start_local: String,
    pub end_local: String,
    pub start_utc: i64,
    pub end_utc: i64,
    pub minutes: u32,
    pub track: String,
    pub title: String,
    pub note: Option<String>,
    pub week: u32,
    /// Whether the day's template has a break after this block.
    pub break_after: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedMilestone {
    pub seq: u32,
    pub title: String,
    pub kind: String,
    pub date: NaiveDate,
    pub end: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Expanded {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub tz: Tz,
    pub weeks: Vec<PlacedWeek>,
    pub blocks: Vec<PlacedBlock>,
    pub milestones: Vec<PlacedMilestone>,
    pub variant: Option<String>,
    /// Days shifted from the file's own dates (absolute plans only).
    pub shift_days: i64,
}

impl Expanded {
    pub fn week_count(&self) -> u32 {
        self.weeks.len() as u32
    }
}

/// First date on or after `on_or_after` that falls on `wd`.
pub fn next_weekday(on_or_after: NaiveDate, wd: Weekday) -> NaiveDate {
    let delta = (7 + wd.num_days_from_monday() as i64
        - on_or_after.weekday().num_days_from_monday() as i64)
        % 7;
    on_or_after + Duration::days(delta)
}

pub fn expand(p: &PlanFile, how: &Placement) -> Result<Expanded> {
    let variant = match &how.variant {
        Some(v) if !p.variants.iter().any(|x| x.id.value == *v) => {
            return Err(CoreError::InvalidInput(format!(
                "plan `{}` has no variant `{v}`; it has: {}",
                p.id.value,
                p.variants
                    .iter()
                    .map(|x| x.id.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )))
        }
        Some(v) => Some(v.clone()),
        None => p.variants.first().map(|v| v.id.value.clone()),
    };
    let variant_weeks = variant
        .as_ref()
        .and_then(|v| p.variants.iter().find(|x| x.id.value == *v))
        .and_then(|v| v.weeks);

    let (start, end, shift, absolute) = match (&p.period.start, &p.period.end, &p.period.weeks) {
        (Some(s), Some(e), _) => {
            let (s, e) = (s.value.0, e.value.0);
            let new_start = how.start.map(|d| next_weekday(d, s.weekday())).unwrap_or(s);
            let shift = (new_start - s).num_days();
            (new_start, e + Duration::days(shift), shift, true)
        }
        (_, _, Some(w)) => {
            let Some(s) = how.start else {
                return Err(CoreError::InvalidInput(format!(
                    "plan `{}` is relative ({} weeks): choose a start date (e.g. --start 2026-01-05)",
                    p.id.value, w.value
                )));
            };
            let weeks = variant_weeks.unwrap_or(w.value);
            (s, s + Duration::days(i64::from(weeks) * 7 - 1), 0, false)
        }
        _ => return Err(CoreError::Internal("plan period was not validated".into())),
    };

    // Week spans.
    let first_week_start = if absolute {
        start - Duration::days(start.weekday().num_days_from_monday() as i64)
    } else {
        start
    };
    let week_of = |d: NaiveDate| ((d - first_week_start).num_days() / 7) as u32 + 1;
    let week_count = week_of(end);
    let track_order: Vec<&str> = p.tracks.iter().map(|t| t.id.value.as_str()).collect();
    let mut weeks = Vec::new();
    for n in 1..=week_count {
        let ws = (first_week_start + Duration::days(i64::from(n - 1) * 7)).max(start);
        let we = (first_week_start + Duration::days(i64::from(n) * 7 - 1)).min(end);
        let entry = p.weeks.iter().find(|w| {
            let last = w
                .through
                .as_ref()
                .map(|t| t.value)
                .unwrap_or(w.number.value);
            (w.number.value..=last).contains(&n)
                && w.variant
                    .as_ref()
                    .is_none_or(|v| Some(&v.value) == variant.as_ref())
        });
        let mut topics: Vec<(String, String)> = entry
            .map(|w| {
                w.topics
                    .iter()
                    .map(|(k, v)| (k.clone(), v.value.joined()))
                    .collect()
            })
            .unwrap_or_default();
        topics.sort_by_key(|(k, _)| {
            track_order
                .iter()
                .position(|t| t == k)
                .unwrap_or(usize::MAX)
        });
        weeks.push(PlacedWeek {
            number: n,
            start: ws,
            end: we,
            title: entry.map(|w| w.title.value.clone()).unwrap_or_default(),
            topics,
        });
    }

    // Which template runs on which date.
    let templates: BTreeMap<&str, &DayTemplate> = p
        .day_templates
        .iter()
        .map(|t| (t.id.value.as_str(), t))
        .collect();
    let mut by_date: BTreeMap<NaiveDate, &str> = BTreeMap::new();
    for o in &p.overrides {
        let date = match (&o.date, &o.week, &o.weekday) {
            (Some(d), _, _) => Some(d.value.0 + Duration::days(shift)),
            (None, Some(w), Some(wd)) => parse_weekday(wd).and_then(|wd| {
                weeks
                    .get(w.value as usize - 1)
                    .map(|pw| next_weekday(pw.start, wd))
                    .filter(|d| week_of(*d) == w.value)
            }),
            _ => None,
        };
        if let Some(d) = date {
            by_date.insert(d, o.template.value.as_str());
        }
    }
    let s = &p.schedule;
    let for_weekday = |wd: Weekday| -> Option<&str> {
        let v = match wd {
            Weekday::Mon => &s.mon,
            Weekday::Tue => &s.tue,
            Weekday::Wed => &s.wed,
            Weekday::Thu => &s.thu,
            Weekday::Fri => &s.fri,
            Weekday::Sat => &s.sat,
            Weekday::Sun => &s.sun,
        };
        v.as_ref().map(|x| x.value.as_str())
    };

    let mut blocks = Vec::new();
    let mut d = start;
    while d <= end {
        let tid = by_date
            .get(&d)
            .copied()
            .or_else(|| for_weekday(d.weekday()));
        if let Some(t) = tid.and_then(|id| templates.get(id)) {
            let slots = place_day(t, d, how.tz)?;
            for (i, (b, slot)) in t.blocks.iter().zip(&slots).enumerate() {
                let (start_at, end_at) = (slot.start, slot.end);
                blocks.push(PlacedBlock {
                    id: format!("{}:{}:{}", p.id.value, d, i + 1),
                    date: d,
                    slot: i as u32 + 1,
                    start_local: start_at.format("%H:%M").to_string(),
                    end_local: end_at.format("%H:%M").to_string(),
                    start_utc: start_at.timestamp(),
                    end_utc: end_at.timestamp(),
                    minutes: *b.minutes,
                    track: b.track.value.clone(),
                    title: b.title.value.clone(),
                    note: b.note.clone(),
                    week: week_of(d),
                    break_after: if i + 1 < t.blocks.len() {
                        t.break_minutes
                    } else {
                        0
                    },
                });
            }
        }
        d += Duration::days(1);
    }

    let mut milestones = Vec::new();
    for (i, m) in p.milestones.iter().enumerate() {
        let week_last_day = |w: u32| weeks.get(w as usize - 1).map(|pw| pw.end);
        let (date, end_date) = match (&m.date, &m.week) {
            (Some(dt), _) => {
                let a = dt.value.0 + Duration::days(shift);
                (
                    Some(a),
                    Some(
                        m.end
                            .as_ref()
                            .map(|e| e.value.0 + Duration::days(shift))
                            .unwrap_or(a),
                    ),
                )
            }
            (None, Some(w)) => {
                let a = match &m.weekday {
                    Some(wd) => parse_weekday(wd).and_then(|wd| {
                        weeks
                            .get(w.value as usize - 1)
                            .map(|pw| next_weekday(pw.start, wd))
                    }),
                    None => week_last_day(w.value),
                };
                (
                    a,
                    m.through_week
                        .as_ref()
                        .and_then(|t| week_last_day(t.value))
                        .or(a),
                )
            }
            _ => (None, None),
        };
        if let (Some(a), Some(b)) = (date, end_date) {
            milestones.push(PlacedMilestone {
                seq: i as u32 + 1,
                title: m.title.value.clone(),
                kind: m.kind.value.clone(),
                date: a,
                end: b.max(a),
                note: m.note.clone(),
            });
        }
    }
    Ok(Expanded {
        start,
        end,
        tz: how.tz,
        weeks,
        blocks,
        milestones,
        variant,
        shift_days: shift,
    })
}
