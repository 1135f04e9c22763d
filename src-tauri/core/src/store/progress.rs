//! Progress against the plan: planned vs done minutes per week and track,
//! the plan's weekly goals with where the week stands, streaks, and the
//! milestones ahead.

use super::Store;
use crate::error::{CoreError, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TrackMinutes {
    pub track: String,
    pub track_name: String,
    pub planned: u32,
    /// Done minutes (whole blocks done plus partial minutes).
    pub done: u32,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct WeekProgress {
    pub number: u32,
    pub title: String,
    pub start: String,
    pub end: String,
    pub tracks: Vec<TrackMinutes>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct GoalProgress {
    pub id: String,
    pub label: String,
    pub track: Option<String>,
    pub metric: String,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub per: String,
    /// Where the week (or plan) stands; None when studyplan does not count this metric.
    pub value: Option<u32>,
    /// For `practice-exams`: the certification counted (None: all).
    pub certification: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct MilestoneView {
    pub title: String,
    pub kind: String,
    pub start: String,
    pub end: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProgressView {
    pub plan_id: String,
    /// The week the goals are measured for (today's, else the last one).
    pub week: u32,
    pub weeks: Vec<WeekProgress>,
    pub goals: Vec<GoalProgress>,
    /// Days in a row, up to today, with at least one block done or partly done.
    pub streak_days: u32,
    pub best_streak_days: u32,
    pub milestones_ahead: Vec<MilestoneView>,
}

impl Store {
    /// The active plan's milestones that overlap `from..=to`.
    pub fn milestones(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<MilestoneView>> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.title, m.kind, m.start_date, m.end_date, m.note FROM milestones m JOIN plans p ON p.id = m.plan_id AND p.active = 1
             WHERE m.end_date >= ?1 AND m.start_date <= ?2 ORDER BY m.start_date, m.seq",
        )?;
        let rows = st.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(MilestoneView {
                title: r.get(0)?,
                kind: r.get(1)?,
                start: r.get(2)?,
                end: r.get(3)?,
                note: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn progress(&self, now: DateTime<Utc>) -> Result<ProgressView> {
        let ov = self.overview(now)?;
        let plan = ov
            .plan
            .ok_or_else(|| CoreError::InvalidInput("no plan is loaded".into()))?;
        let mut weeks: Vec<WeekProgress> = Vec::new();
        {
            let mut st = self.conn.prepare_cached("SELECT number, title, start_date, end_date FROM weeks WHERE plan_id = ?1 ORDER BY number")?;
            let rows = st.query_map([&plan.id], |r| {
                Ok(WeekProgress {
                    number: r.get(0)?,
                    title: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    tracks: Vec::new(),
                })
            })?;
            for w in rows {
                weeks.push(w?);
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT b.week, b.track, COALESCE(t.name, b.track), SUM(b.minutes),
                    SUM(CASE b.status WHEN 'done' THEN b.minutes WHEN 'partial' THEN COALESCE(b.minutes_done, 0) ELSE 0 END)
             FROM blocks b LEFT JOIN tracks t ON t.plan_id = b.plan_id AND t.id = b.track
             WHERE b.plan_id = ?1 AND b.week IS NOT NULL AND b.status != 'moved'
             GROUP BY b.week, b.track ORDER BY b.week, COALESCE(t.seq, 999), b.track",
        )?;
        let rows = st.query_map([&plan.id], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                TrackMinutes {
                    track: r.get(1)?,
                    track_name: r.get(2)?,
                    planned: r.get(3)?,
                    done: r.get(4)?,
                },
            ))
        })?;
        for row in rows {
            let (wk, tm) = row?;
            if let Some(w) = weeks.iter_mut().find(|w| w.number == wk) {
                w.tracks.push(tm);
            }
        }
        let week = ov.week.as_ref().map(|w| w.number).unwrap_or_else(|| {
            // Outside the plan: before it, week 1; after it, the last week.
            if ov.today < plan.start {
                1
            } else {
                plan.weeks.max(1)
            }
        });

        let mut goals = Vec::new();
        let mut st = self.conn.prepare_cached("SELECT id, label, track, metric, min, max, per, certification FROM goals WHERE plan_id = ?1 ORDER BY seq")?;
        let rows = st.query_map([&plan.id], |r| {
            Ok(GoalProgress {
                id: r.get(0)?,
                label: r.get(1)?,
                track: r.get(2)?,
                metric: r.get(3)?,
                min: r.get(4)?,
                max: r.get(5)?,
                per: r.get(6)?,
                value: None,
                certification: r.get(7)?,
            })
        })?;
        for g in rows {
            let mut g = g?;
            let in_week = (g.per != "plan").then_some(week);
            g.value = goal_count(
                &self.conn,
                &plan.id,
                &GoalRef {
                    track: g.track.as_deref(),
                    metric: &g.metric,
                    certification: g.certification.as_deref(),
                },
                in_week,
            )?;
            goals.push(g);
        }

        // Streak: days with something done, counting back from today (or yesterday, if today has nothing yet).
        let mut days: Vec<String> = {
            let mut st = self.conn.prepare_cached("SELECT DISTINCT date FROM blocks WHERE plan_id = ?1 AND status IN ('done', 'partial') ORDER BY date")?;
            let rows = st.query_map([&plan.id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        days.dedup();
        let parsed: Vec<NaiveDate> = days
            .iter()
            .filter_map(|d| super::agenda::parse_date(d).ok())
            .collect();
        let mut best = 0u32;
        let mut run = 0u32;
        let mut runs: BTreeMap<NaiveDate, u32> = BTreeMap::new();
        for (i, d) in parsed.iter().enumerate() {
            run = if i > 0 && *d - parsed[i - 1] == Duration::days(1) {
                run + 1
            } else {
                1
            };
            best = best.max(run);
            runs.insert(*d, run);
        }
        let today = super::agenda::parse_date(&ov.today)?;
        let streak = runs
            .get(&today)
            .or_else(|| runs.get(&(today - Duration::days(1))))
            .copied()
            .unwrap_or(0);
        let far = today + Duration::days(400);
        let milestones_ahead = self.milestones(today, far)?.into_iter().take(5).collect();
        Ok(ProgressView {
            plan_id: plan.id,
            week,
            weeks,
            goals,
            streak_days: streak,
            best_streak_days: best,
            milestones_ahead,
        })
    }
}

/// Metrics studyplan counts: `problems` and `queries` (the block
/// counters), `minutes` (done, plus partial minutes) and `practice-exams`
/// (full-length practice exams logged, see `exams`).
pub const COUNTED_METRICS: [&str; 4] = ["problems", "queries", "minutes", "practice-exams"];

/// What a goal counts.
pub(crate) struct GoalRef<'a> {
    /// Blocks of this track (None: every track).
    pub track: Option<&'a str>,
    pub metric: &'a str,
    /// `practice-exams` of this certification (None: all).
    pub certification: Option<&'a str>,
}

/// The count of `goal`'s metric for plan `plan_id`, in week `week` or,
/// when None, the whole plan. `None` when studyplan does not count it.
pub(crate) fn goal_count(
    conn: &rusqlite::Connection,
    plan_id: &str,
    goal: &GoalRef,
    week: Option<u32>,
) -> Result<Option<u32>> {
    let col = match goal.metric {
        "problems" => "COALESCE(SUM(problems), 0)",
        "queries" => "COALESCE(SUM(queries), 0)",
        "minutes" => "COALESCE(SUM(CASE status WHEN 'done' THEN minutes WHEN 'partial' THEN COALESCE(minutes_done, 0) ELSE 0 END), 0)",
        "practice-exams" => {
            return crate::exams::count_full(conn, plan_id, goal.certification, week).map(Some)
        }
        _ => return Ok(None),
    };
    let scope = if week.is_some() {
        " AND week = ?3"
    } else {
        " AND ?3 IS NULL"
    };
    let track_sql = if goal.track.is_some() {
        " AND track = ?2"
    } else {
        " AND ?2 IS NULL"
    };
    let sql = format!("SELECT {col} FROM blocks WHERE plan_id = ?1{track_sql}{scope}");
    let v: u32 = conn
        .prepare_cached(&sql)?
        .query_row(params![plan_id, goal.track, week], |r| r.get(0))?;
    Ok(Some(v))
}
