//! Reading the calendar: blocks by day, the current week, today's overview.

use super::plans::PlanSummary;
use super::Store;
use crate::error::{CoreError, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a block stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BlockStatus {
    Planned,
    Done,
    Partial,
    Skipped,
    Moved,
}

impl BlockStatus {
    pub fn parse(s: &str) -> Option<BlockStatus> {
        Some(match s {
            "planned" => BlockStatus::Planned,
            "done" => BlockStatus::Done,
            "partial" => BlockStatus::Partial,
            "skipped" => BlockStatus::Skipped,
            "moved" => BlockStatus::Moved,
            _ => return None,
        })
    }
}

/// One block as every front end shows it: already placed in wall-clock time.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BlockView {
    pub id: String,
    pub plan_id: String,
    /// Local civil date, `YYYY-MM-DD`.
    pub date: String,
    /// Local wall-clock start and end, `HH:MM`.
    pub start: String,
    pub end: String,
    /// The same instants in RFC 3339 UTC.
    pub start_utc: String,
    pub end_utc: String,
    /// When the start (end) falls in the second pass of an hour the clocks
    /// repeat, the zone's abbreviation then ("EST"), so 01:30 EDT and
    /// 01:30 EST can be told apart; None otherwise.
    pub start_pass: Option<String>,
    pub end_pass: Option<String>,
    pub minutes: u32,
    pub track: String,
    pub track_name: String,
    pub title: String,
    pub note: Option<String>,
    pub status: BlockStatus,
    pub minutes_done: Option<u32>,
    pub week: Option<u32>,
    /// The week's topics for this block's track.
    pub topics: Option<String>,
    /// What the person wrote about the block.
    pub user_note: Option<String>,
    /// Counters: DSA problems solved, SQL queries written.
    pub problems: Option<u32>,
    pub queries: Option<u32>,
    /// The busy event of another calendar this block collides with, as
    /// "Summary (calendar)"; None when its time is free.
    pub busy: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TrackTopic {
    pub track: String,
    pub track_name: String,
    pub topics: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WeekInfo {
    pub number: u32,
    pub title: String,
    pub start: String,
    pub end: String,
    pub topics: Vec<TrackTopic>,
}

/// A track of the active plan, in the plan's order (which fixes its colour).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TrackInfo {
    pub id: String,
    pub name: String,
}

/// The next reminder the engine will send (Today shows it).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UpcomingReminder {
    pub title: String,
    /// Local date and wall-clock time in the plan's zone.
    pub date: String,
    pub time: String,
}

/// What the sidebar and Today open with.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Overview {
    /// Today in the active plan's zone (the system's when no plan is loaded).
    pub today: String,
    pub plan: Option<PlanSummary>,
    /// The plan's week holding today, if today is inside the plan.
    pub week: Option<WeekInfo>,
    pub week_count: u32,
    /// The active plan's tracks in plan order.
    pub tracks: Vec<TrackInfo>,
    /// The next reminder due within two days, if any.
    pub next_reminder: Option<UpcomingReminder>,
    /// A new run offered because the plan has ended or not started yet.
    pub run_offer: Option<crate::runs::RunOffer>,
}

/// Longest range one agenda call may cover, so a typo can't ask for a century.
pub const MAX_AGENDA_DAYS: i64 = 400;

/// A date as people and front ends send it: `YYYY-MM-DD`, in the years a
/// plan may use ([`crate::plan::validate::PLAN_YEARS`]).
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        CoreError::InvalidInput(format!(
            "“{}” is not a date; use YYYY-MM-DD, e.g. 2025-08-19",
            crate::ipc::quote(s)
        ))
    })?;
    check_year(d)?;
    Ok(d)
}

/// Refuse a date outside the years a plan may use (1970–2199).
pub(crate) fn check_year(d: NaiveDate) -> Result<()> {
    use chrono::Datelike;
    let years = crate::plan::validate::PLAN_YEARS;
    if years.contains(&d.year()) {
        Ok(())
    } else {
        Err(CoreError::InvalidInput(format!(
            "{d} is outside the years studyplan plans ({}–{})",
            years.start(),
            years.end()
        )))
    }
}

fn rfc3339(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

impl Store {
    /// The active plan's blocks from `from` to `to`, inclusive, in time order.
    pub fn agenda(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<BlockView>> {
        if to < from {
            return Err(CoreError::InvalidInput(format!(
                "the range ends ({to}) before it starts ({from})"
            )));
        }
        if (to - from).num_days() >= MAX_AGENDA_DAYS {
            return Err(CoreError::InvalidInput(format!(
                "ask for at most {MAX_AGENDA_DAYS} days at a time"
            )));
        }
        self.blocks_where(
            "p.active = 1 AND b.date BETWEEN ?1 AND ?2",
            params![from.to_string(), to.to_string()],
        )
    }

    /// Every block of plan `plan`, by start (sync publishes them all).
    pub(crate) fn plan_blocks(&self, plan: &str) -> Result<Vec<BlockView>> {
        self.blocks_where("b.plan_id = ?1", params![plan])
    }

    /// One block by id, whichever plan it belongs to.
    pub fn block(&self, id: &str) -> Result<BlockView> {
        self.blocks_where("b.id = ?1", params![id])?
            .pop()
            .ok_or_else(|| {
                CoreError::NotFound(format!(
                    "no block `{id}`; `studyplan agenda` lists block ids"
                ))
            })
    }

    fn blocks_where(&self, filter: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<BlockView>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT b.id, b.plan_id, b.date, b.start_local, b.end_local, b.start_utc, b.end_utc, b.minutes, b.track,
                    COALESCE(t.name, b.track), b.title, b.note, b.status, b.minutes_done, b.week, w.topics_json,
                    b.user_note, b.problems, b.queries, b.tz
             FROM blocks b JOIN plans p ON p.id = b.plan_id
             LEFT JOIN tracks t ON t.plan_id = b.plan_id AND t.id = b.track
             LEFT JOIN weeks w ON w.plan_id = b.plan_id AND w.number = b.week
             WHERE {filter}
             ORDER BY b.start_utc, b.slot"
        ))?;
        let rows = st.query_map(args, |r| {
            let track: String = r.get(8)?;
            let topics_json: Option<String> = r.get(15)?;
            let status: String = r.get(12)?;
            let zone: String = r.get(19)?;
            let (start_utc, end_utc) = (rfc3339(r.get(5)?), rfc3339(r.get(6)?));
            Ok(BlockView {
                id: r.get(0)?,
                plan_id: r.get(1)?,
                date: r.get(2)?,
                start: r.get(3)?,
                end: r.get(4)?,
                start_pass: crate::schedule::tz::second_pass(&zone, &start_utc),
                end_pass: crate::schedule::tz::second_pass(&zone, &end_utc),
                start_utc,
                end_utc,
                minutes: r.get(7)?,
                track_name: r.get(9)?,
                title: r.get(10)?,
                note: r.get(11)?,
                status: BlockStatus::parse(&status).unwrap_or(BlockStatus::Planned),
                minutes_done: r.get(13)?,
                week: r.get(14)?,
                topics: topics_json.and_then(|j| topic_for(&j, &track)),
                user_note: r.get(16)?,
                problems: r.get(17)?,
                queries: r.get(18)?,
                busy: None,
                track,
            })
        })?;
        let mut blocks = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let spans: Vec<(i64, i64)> = blocks
            .iter()
            .map(|b| {
                let t =
                    |s: &str| chrono::DateTime::parse_from_rfc3339(s).map_or(0, |d| d.timestamp());
                (t(&b.start_utc), t(&b.end_utc))
            })
            .collect();
        for (b, hit) in blocks
            .iter_mut()
            .zip(crate::busy::collisions(&self.conn, &spans)?)
        {
            b.busy = hit;
        }
        Ok(blocks)
    }

    /// Today's date in the active plan's zone, the plan, and its current week.
    pub fn overview(&self, now: DateTime<Utc>) -> Result<Overview> {
        let plan = self.active_plan()?;
        let tz = crate::schedule::tz::plan_zone(self)?;
        let today_date = now.with_timezone(&tz).date_naive();
        let today = today_date.to_string();
        let (week, week_count) = match &plan {
            Some(p) => (self.week_holding(&p.id, &today)?, p.weeks),
            None => (None, 0),
        };
        let tracks = match &plan {
            Some(p) => {
                let mut st = self.conn.prepare_cached(
                    "SELECT id, name FROM tracks WHERE plan_id = ?1 ORDER BY seq",
                )?;
                let rows = st.query_map([&p.id], |r| {
                    Ok(TrackInfo {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            }
            None => Vec::new(),
        };
        let lead = i64::from(self.settings()?.reminder_lead_minutes);
        let next_reminder = self
            .reminders_pending(now.timestamp(), now.timestamp() + 2 * 86_400, lead)?
            .into_iter()
            .next()
            .map(|d| {
                let at = DateTime::<Utc>::from_timestamp(d.due_utc, 0)
                    .unwrap_or(now)
                    .with_timezone(&tz);
                UpcomingReminder {
                    title: d.title,
                    date: at.format("%Y-%m-%d").to_string(),
                    time: d.local_time,
                }
            });
        Ok(Overview {
            run_offer: crate::runs::offer(self, today_date)?,
            next_reminder,
            tracks,
            today,
            plan,
            week,
            week_count,
        })
    }

    /// The week of plan `plan_id` that holds `date`, with topics by track name.
    pub fn week_holding(&self, plan_id: &str, date: &str) -> Result<Option<WeekInfo>> {
        let row = self
            .conn
            .query_row(
                "SELECT number, title, start_date, end_date, topics_json FROM weeks WHERE plan_id = ?1 AND ?2 BETWEEN start_date AND end_date",
                params![plan_id, date],
                |r| Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?)),
            )
            .optional()?;
        let Some((number, title, start, end, topics_json)) = row else {
            return Ok(None);
        };
        let pairs: Vec<(String, String)> = serde_json::from_str(&topics_json)?;
        let mut topics = Vec::with_capacity(pairs.len());
        for (track, t) in pairs {
            let track_name: String = self
                .conn
                .query_row(
                    "SELECT name FROM tracks WHERE plan_id = ?1 AND id = ?2",
                    params![plan_id, track],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_else(|| track.clone());
            topics.push(TrackTopic {
                track,
                track_name,
                topics: t,
            });
        }
        Ok(Some(WeekInfo {
            number,
            title,
            start,
            end,
            topics,
        }))
    }
}

fn topic_for(json: &str, track: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_json::from_str(json).ok()?;
    pairs.into_iter().find(|(k, _)| k == track).map(|(_, v)| v)
}
