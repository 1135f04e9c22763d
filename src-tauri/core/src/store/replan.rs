//! Re-planning: missed minutes become per-track debt for the week, and
//! proposals place it by the plan's own rules. Nothing changes until the
//! person accepts.
//!
//! Rules (from the reference plan): missed time is first placed into the
//! week's remaining blocks of a catch-up track ("if you overrun, borrow from
//! Fundamentals/Catch-up"), earliest first; what does not fit is reported as
//! unplaced rather than squeezed in. Blocks in the plan's weekly rest
//! half-day that were skipped or missed create no debt ("take one half-day
//! rest/week"). Accepting turns each used catch-up block into a catch-up for
//! the track that fell behind, and marks the missed blocks whose time was
//! fully placed as `moved`; every change lands in the event log.

use super::blocks::log;
use super::Store;
use crate::error::{CoreError, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TrackDebt {
    pub track: String,
    pub track_name: String,
    pub minutes: u32,
    /// The missed blocks this debt comes from.
    pub blocks: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Proposal {
    /// The catch-up block that would take the missed time.
    pub block_id: String,
    pub date: String,
    pub start: String,
    pub end: String,
    /// Track that fell behind and gets the time.
    pub track: String,
    pub track_name: String,
    /// Minutes of debt this placement pays off (at most the block's length).
    pub minutes: u32,
    /// What the block was before ("Fundamentals/Basics or catch-up").
    pub replaces: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ReplanView {
    pub plan_id: String,
    pub week: u32,
    pub debt: Vec<TrackDebt>,
    pub proposals: Vec<Proposal>,
    /// Debt no catch-up block is left for this week.
    pub unplaced: Vec<TrackDebt>,
    /// Minutes of missed blocks forgiven as the weekly rest half-day.
    pub rest_minutes: u32,
}

struct Missed {
    id: String,
    track: String,
    minutes: u32,
}

impl Store {
    /// Debt and proposals for `week` (default: the week holding `now`).
    pub fn replan(&self, week: Option<u32>, now: DateTime<Utc>) -> Result<ReplanView> {
        let plan = self
            .active_plan()?
            .ok_or_else(|| CoreError::InvalidInput("no plan is loaded".into()))?;
        let week = match week {
            Some(w) if w == 0 || w > plan.weeks => {
                return Err(CoreError::InvalidInput(format!(
                    "week {w} is not in the plan (1–{})",
                    plan.weeks
                )))
            }
            Some(w) => w,
            None => {
                let today = self.overview(now)?.today;
                self.week_holding(&plan.id, &today)?
                    .map(|w| w.number)
                    .ok_or_else(|| {
                        CoreError::InvalidInput(format!(
                            "today ({today}) is outside the plan ({} – {}); pass a week",
                            plan.start, plan.end
                        ))
                    })?
            }
        };
        let (rest_wd, rest_half, rest_split): (Option<u32>, Option<String>, Option<String>) =
            self.conn.query_row(
                "SELECT rest_weekday, rest_half, rest_split FROM plans WHERE id = ?1",
                [&plan.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        let now_s = now.timestamp();
        let names: BTreeMap<String, String> = {
            let mut st = self
                .conn
                .prepare_cached("SELECT id, name FROM tracks WHERE plan_id = ?1")?;
            let rows = st.query_map([&plan.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let name = |t: &str| names.get(t).cloned().unwrap_or_else(|| t.to_string());

        // Missed time: past blocks still planned, skipped ones, the rest of partial ones.
        let mut missed = Vec::new();
        let mut rest_minutes = 0;
        {
            let mut st = self.conn.prepare_cached(
                "SELECT b.id, b.track, b.minutes, b.status, COALESCE(b.minutes_done, 0), b.date, b.start_local
                 FROM blocks b JOIN tracks t ON t.plan_id = b.plan_id AND t.id = b.track
                 WHERE b.plan_id = ?1 AND b.week = ?2 AND t.catch_up = 0
                   AND ((b.status = 'planned' AND b.end_utc <= ?3) OR b.status IN ('skipped', 'partial'))
                 ORDER BY b.start_utc",
            )?;
            let mut rows = st.query(params![plan.id, week, now_s])?;
            while let Some(r) = rows.next()? {
                let (id, track, minutes, status, done, date, start): (
                    String,
                    String,
                    u32,
                    String,
                    u32,
                    String,
                    String,
                ) = (
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                );
                let owed = if status == "partial" {
                    minutes.saturating_sub(done)
                } else {
                    minutes
                };
                let in_rest = match (rest_wd, rest_half.as_deref(), rest_split.as_deref()) {
                    (Some(wd), Some(half), Some(split)) => {
                        let on_day = super::agenda::parse_date(&date)
                            .map(|d| chrono::Datelike::weekday(&d).num_days_from_monday() == wd)
                            .unwrap_or(false);
                        on_day && ((half == "pm") == (start.as_str() >= split))
                    }
                    _ => false,
                };
                if in_rest && status != "partial" {
                    rest_minutes += owed;
                } else if owed > 0 {
                    missed.push(Missed {
                        id,
                        track,
                        minutes: owed,
                    });
                }
            }
        }
        let mut debt: BTreeMap<String, TrackDebt> = BTreeMap::new();
        for m in &missed {
            let d = debt.entry(m.track.clone()).or_insert_with(|| TrackDebt {
                track: m.track.clone(),
                track_name: name(&m.track),
                minutes: 0,
                blocks: Vec::new(),
            });
            d.minutes += m.minutes;
            d.blocks.push(m.id.clone());
        }
        let mut debt: Vec<TrackDebt> = debt.into_values().collect();
        debt.sort_by(|a, b| b.minutes.cmp(&a.minutes).then(a.track.cmp(&b.track)));

        // Future catch-up blocks of the week, earliest first.
        let mut slots = Vec::new();
        {
            let mut st = self.conn.prepare_cached(
                &format!(
                "SELECT b.id, b.date, b.start_local, b.end_local, b.minutes, b.title
                 FROM blocks b JOIN tracks t ON t.plan_id = b.plan_id AND t.id = b.track
                 WHERE b.plan_id = ?1 AND b.week = ?2 AND t.catch_up = 1 AND b.status = 'planned' AND b.start_utc > ?3
                   AND {free}
                 ORDER BY b.start_utc",
                    free = crate::busy::FREE_OF_BUSY
                ),
            )?;
            let rows = st.query_map(params![plan.id, week, now_s], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, u32>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?;
            for row in rows {
                slots.push(row?);
            }
        }
        let mut proposals = Vec::new();
        let mut unplaced = Vec::new();
        let mut slot_iter = slots.into_iter();
        for d in &debt {
            let mut left = d.minutes;
            while left > 0 {
                let Some((block_id, date, start, end, minutes, title)) = slot_iter.next() else {
                    break;
                };
                let used = left.min(minutes);
                proposals.push(Proposal {
                    block_id,
                    date,
                    start,
                    end,
                    track: d.track.clone(),
                    track_name: d.track_name.clone(),
                    minutes: used,
                    replaces: title,
                });
                left -= used;
            }
            if left > 0 {
                unplaced.push(TrackDebt {
                    minutes: left,
                    ..d.clone()
                });
            }
        }
        Ok(ReplanView {
            plan_id: plan.id,
            week,
            debt,
            proposals,
            unplaced,
            rest_minutes,
        })
    }

    /// Apply the proposals `replan` makes now; returns what was applied.
    pub fn replan_accept(&mut self, week: Option<u32>, now: DateTime<Utc>) -> Result<ReplanView> {
        let view = self.replan(week, now)?;
        if view.proposals.is_empty() {
            return Ok(view);
        }
        let tx = self.immediate()?;
        for p in &view.proposals {
            let old: Option<(String, String)> = tx
                .query_row(
                    "SELECT track, title FROM blocks WHERE id = ?1 AND status = 'planned'",
                    [&p.block_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((old_track, old_title)) = old else {
                return Err(CoreError::Conflict(format!(
                    "block {} changed since the proposal was made; re-plan again",
                    p.block_id
                )));
            };
            tx.execute(
                "UPDATE blocks SET track = ?2, title = ?3 WHERE id = ?1",
                params![p.block_id, p.track, format!("Catch-up: {}", p.track_name)],
            )?;
            let detail = serde_json::json!({"from_track": old_track, "from_title": old_title, "to_track": p.track, "minutes": p.minutes});
            log(&tx, &p.block_id, &view.plan_id, now, "catch_up", detail)?;
        }
        // Missed blocks whose time was placed in full are now `moved`.
        for d in &view.debt {
            let unplaced = view
                .unplaced
                .iter()
                .find(|u| u.track == d.track)
                .map(|u| u.minutes)
                .unwrap_or(0);
            if unplaced > 0 {
                continue;
            }
            for id in &d.blocks {
                tx.execute("UPDATE blocks SET status = 'moved' WHERE id = ?1", [id])?;
                log(
                    &tx,
                    id,
                    &view.plan_id,
                    now,
                    "status",
                    serde_json::json!({"to": "moved", "reason": "re-planned into catch-up"}),
                )?;
            }
        }
        tx.commit()?;
        Ok(view)
    }
}
