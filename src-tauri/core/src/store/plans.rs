//! Loading plans into the database and listing them.
//!
//! Loading validates, expands and stores in one transaction. Reloading a plan
//! that is already there diffs blocks by their stable id: unchanged blocks
//! keep their status and notes, changed ones are updated in place (their
//! history too), and the report says what was added, moved and removed.

use super::Store;
use crate::error::{CoreError, Result};
use crate::plan::model::PlanFile;
use crate::plan::parse::parse_plan;
use crate::plan::validate::parse_weekday;
use crate::schedule::expand::{expand, Expanded, PlacedBlock, Placement};
use crate::schedule::tz::{parse_zone, system_zone};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// How to load a plan: when it starts, in which zone, which variant.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Start date: required for relative plans; moves an absolute plan.
    pub start: Option<NaiveDate>,
    /// IANA zone; default the plan's own zone, else the system's.
    pub tz: Option<String>,
    pub variant: Option<String>,
}

/// A loaded plan as lists and headers show it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct PlanSummary {
    pub id: String,
    pub title: String,
    pub author: Option<String>,
    pub start: String,
    pub end: String,
    pub timezone: String,
    pub weeks: u32,
    pub block_count: u32,
    pub loaded_at: String,
    pub active: bool,
}

/// What loading or reloading a plan changed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LoadReport {
    pub plan: PlanSummary,
    /// True when the plan was already loaded and this was a reload.
    pub reloaded: bool,
    pub added: u32,
    /// Blocks whose time, length, title or track changed.
    pub moved: u32,
    pub removed: u32,
    pub unchanged: u32,
    /// Removed or moved blocks that had a status or notes (kept in the event log).
    pub history_kept: u32,
    /// Ids of portfolio items that held a tick or evidence and are no longer
    /// in the plan (kept in the portfolio's history).
    pub portfolio_kept: Vec<String>,
}

fn fnv1a(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

impl Store {
    /// Validate `text` (named `source_name` in messages), expand and store it.
    pub fn load_plan(
        &mut self,
        source_name: &str,
        text: &str,
        opts: &LoadOptions,
        now: DateTime<Utc>,
    ) -> Result<LoadReport> {
        self.load_run(source_name, text, opts, None, now)
    }

    /// [`Store::load_plan`], as a run of the plan with its own id and title
    /// (`run`: id, title) in place of the file's (see `crate::runs`).
    pub(crate) fn load_run(
        &mut self,
        source_name: &str,
        text: &str,
        opts: &LoadOptions,
        run: Option<(String, String)>,
        now: DateTime<Utc>,
    ) -> Result<LoadReport> {
        let mut plan = parse_plan(source_name, text).map_err(CoreError::PlanInvalid)?;
        if let Some((id, title)) = run {
            plan.id.value = id;
            plan.title.value = title;
        }
        let tz = match (&opts.tz, &plan.timezone) {
            (Some(name), _) => parse_zone(name).ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "unknown time zone `{name}`; use an IANA name such as Europe/Berlin"
                ))
            })?,
            (None, Some(name)) => parse_zone(name)
                .ok_or_else(|| CoreError::Internal("validated zone did not parse".into()))?,
            (None, None) => system_zone(),
        };
        let placed = expand(
            &plan,
            &Placement {
                start: opts.start,
                tz,
                variant: opts.variant.clone(),
            },
        )?;
        let tx = self.immediate()?;
        let report = store_plan(&tx, &plan, &placed, source_name, text, now)?;
        tx.commit()?;
        Ok(report)
    }

    pub fn plan_list(&self) -> Result<Vec<PlanSummary>> {
        let mut st = self.conn.prepare(&format!(
            "{SUMMARY_SQL} ORDER BY p.active DESC, p.loaded_at DESC"
        ))?;
        let rows = st
            .query_map([], summary_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn active_plan(&self) -> Result<Option<PlanSummary>> {
        Ok(self
            .conn
            .query_row(
                &format!("{SUMMARY_SQL} WHERE p.active = 1"),
                [],
                summary_row,
            )
            .optional()?)
    }

    pub fn plan_summary(&self, id: &str) -> Result<PlanSummary> {
        self.conn
            .query_row(&format!("{SUMMARY_SQL} WHERE p.id = ?1"), [id], summary_row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("no plan `{id}` is loaded")))
    }

    /// Make `id` the plan the app shows.
    pub fn activate_plan(&mut self, id: &str) -> Result<PlanSummary> {
        self.plan_summary(id)?;
        let tx = self.immediate()?;
        tx.execute("UPDATE plans SET active = (id = ?1)", [id])?;
        tx.commit()?;
        self.plan_summary(id)
    }

    /// Remove a plan with its blocks and checklists (the event log stays).
    pub fn remove_plan(&mut self, id: &str) -> Result<()> {
        let tx = self.immediate()?;
        let n = tx.execute("DELETE FROM plans WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(CoreError::NotFound(format!("no plan `{id}` is loaded")));
        }
        tx.execute("DELETE FROM checklist_items WHERE plan_id = ?1", [id])?;
        // Keep one plan active if any remain.
        tx.execute(
            "UPDATE plans SET active = 1 WHERE id = (SELECT id FROM plans ORDER BY loaded_at DESC LIMIT 1)
             AND NOT EXISTS (SELECT 1 FROM plans WHERE active = 1)",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn has_plans(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM plans)", [], |r| r.get(0))?)
    }
}

const SUMMARY_SQL: &str = "SELECT p.id, p.title, p.author, p.start_date, p.end_date, p.timezone,
    (SELECT COUNT(*) FROM weeks w WHERE w.plan_id = p.id),
    (SELECT COUNT(*) FROM blocks b WHERE b.plan_id = p.id), p.loaded_at, p.active
    FROM plans p";

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<PlanSummary> {
    Ok(PlanSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        author: r.get(2)?,
        start: r.get(3)?,
        end: r.get(4)?,
        timezone: r.get(5)?,
        weeks: r.get(6)?,
        block_count: r.get(7)?,
        loaded_at: r.get(8)?,
        active: r.get(9)?,
    })
}

fn store_plan(
    tx: &Transaction,
    plan: &PlanFile,
    x: &Expanded,
    source_name: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<LoadReport> {
    let id = plan.id.value.as_str();
    let reloaded: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM plans WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    let now_s = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    tx.execute("UPDATE plans SET active = 0", [])?;
    tx.execute(
        "INSERT INTO plans (id, title, author, summary, source_name, source_hash, source_text, start_date, end_date, timezone, variant, shift_days, loaded_at, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, author = excluded.author, summary = excluded.summary,
           source_name = excluded.source_name, source_hash = excluded.source_hash, source_text = excluded.source_text,
           start_date = excluded.start_date, end_date = excluded.end_date, timezone = excluded.timezone,
           variant = excluded.variant, shift_days = excluded.shift_days, loaded_at = excluded.loaded_at, active = 1",
        params![
            id, plan.title.value, plan.author.as_ref().map(|a| &a.value), plan.summary, source_name, fnv1a(text), text,
            x.start.to_string(), x.end.to_string(), x.tz.name(), x.variant, x.shift_days, now_s
        ],
    )?;

    crate::documents::plan_templates::replace(tx, id, plan)?;
    // Plan-level tables are replaced wholesale: they carry no user state.
    for t in ["tracks", "weeks", "milestones", "goals"] {
        tx.execute(&format!("DELETE FROM {t} WHERE plan_id = ?1"), [id])?;
    }
    {
        let mut st = tx.prepare(
            "INSERT INTO tracks (plan_id, id, seq, name, lead_minutes, catch_up) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, t) in plan.tracks.iter().enumerate() {
            st.execute(params![
                id,
                t.id.value,
                i as i64,
                t.name.value,
                t.lead_minutes.as_ref().map(|l| l.value),
                t.catch_up
            ])?;
        }
        let mut st = tx.prepare("INSERT INTO weeks (plan_id, number, start_date, end_date, title, topics_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        for w in &x.weeks {
            st.execute(params![
                id,
                w.number,
                w.start.to_string(),
                w.end.to_string(),
                w.title,
                serde_json::to_string(&w.topics)?
            ])?;
        }
        let mut st = tx.prepare("INSERT INTO milestones (plan_id, seq, title, kind, start_date, end_date, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        for m in &x.milestones {
            st.execute(params![
                id,
                m.seq,
                m.title,
                m.kind,
                m.date.to_string(),
                m.end.to_string(),
                m.note
            ])?;
        }
    }
    {
        let mut st = tx.prepare("INSERT INTO goals (plan_id, id, seq, label, track, metric, min, max, per, certification) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
        for (i, g) in plan.goals.iter().enumerate() {
            st.execute(params![
                id,
                g.id.value,
                i as i64,
                g.label,
                g.track.as_ref().map(|t| t.value.clone()),
                g.metric,
                g.min,
                g.max,
                g.per.clone().unwrap_or_else(|| "week".into()),
                g.certification.as_ref().map(|c| c.value.clone())
            ])?;
        }
    }
    let (rest_wd, rest_half, rest_split) = rest_half_day(plan);
    tx.execute(
        "UPDATE plans SET rest_weekday = ?2, rest_half = ?3, rest_split = ?4 WHERE id = ?1",
        params![id, rest_wd, rest_half, rest_split],
    )?;
    crate::exams::sync(tx, id, plan)?;
    let portfolio_kept = crate::portfolio::sync_in_load(tx, id, plan, &fnv1a(text))?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let diff = sync_blocks(tx, id, &x.blocks, x.tz.name(), &now_s)?;
    let plan_summary =
        tx.query_row(&format!("{SUMMARY_SQL} WHERE p.id = ?1"), [id], summary_row)?;
    Ok(LoadReport {
        plan: plan_summary,
        reloaded,
        added: diff.added,
        moved: diff.moved,
        removed: diff.removed,
        unchanged: diff.unchanged,
        history_kept: diff.history_kept,
        portfolio_kept,
    })
}

/// The weekly rest half-day: weekday (0 = Monday), half, and the time that
/// divides the day (the weekday template's AM/PM split, else 13:00).
fn rest_half_day(plan: &PlanFile) -> (Option<u32>, Option<String>, Option<String>) {
    let Some(r) = &plan.schedule.rest_half_day else {
        return (None, None, None);
    };
    let Some(wd) = parse_weekday(&r.weekday) else {
        return (None, None, None);
    };
    let s = &plan.schedule;
    let tid = [&s.mon, &s.tue, &s.wed, &s.thu, &s.fri, &s.sat, &s.sun]
        [wd.num_days_from_monday() as usize]
        .as_ref();
    let split = tid
        .and_then(|t| plan.day_templates.iter().find(|d| d.id.value == t.value))
        .and_then(|t| t.split.as_ref())
        .map(|sp| {
            crate::schedule::layout::hhmm(crate::schedule::layout::minutes_of(&sp.pm_start.value))
        })
        .unwrap_or_else(|| "13:00".into());
    (
        Some(wd.num_days_from_monday()),
        Some(r.half.value.clone()),
        Some(split),
    )
}

/// Upsert the plan's blocks by stable id and report the difference.
#[derive(Default)]
struct BlockDiff {
    added: u32,
    moved: u32,
    removed: u32,
    unchanged: u32,
    history_kept: u32,
}

fn sync_blocks(
    tx: &Transaction,
    plan_id: &str,
    blocks: &[PlacedBlock],
    tz: &str,
    now: &str,
) -> Result<BlockDiff> {
    struct Old {
        start_utc: i64,
        end_utc: i64,
        title: String,
        track: String,
        has_history: bool,
    }
    let mut old: HashMap<String, Old> = HashMap::new();
    {
        let mut st = tx.prepare(
            "SELECT id, start_utc, end_utc, title, track, status != 'planned' OR user_note IS NOT NULL OR problems IS NOT NULL OR queries IS NOT NULL
             FROM blocks WHERE plan_id = ?1 AND origin = 'plan' AND pinned = 0",
        )?;
        let rows = st.query_map([plan_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Old {
                    start_utc: r.get(1)?,
                    end_utc: r.get(2)?,
                    title: r.get(3)?,
                    track: r.get(4)?,
                    has_history: r.get(5)?,
                },
            ))
        })?;
        for row in rows {
            let (k, v) = row?;
            old.insert(k, v);
        }
    }
    let mut rep = BlockDiff::default();
    let mut insert = tx.prepare(
        "INSERT INTO blocks (id, plan_id, date, slot, start_local, end_local, tz, start_utc, end_utc, minutes, track, title, note, week, break_after, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'plan')
         ON CONFLICT (id) DO UPDATE SET date = excluded.date, slot = excluded.slot, start_local = excluded.start_local,
           end_local = excluded.end_local, tz = excluded.tz, start_utc = excluded.start_utc, end_utc = excluded.end_utc,
           minutes = excluded.minutes, track = excluded.track, title = excluded.title, note = excluded.note,
           week = excluded.week, break_after = excluded.break_after
         WHERE blocks.pinned = 0",
    )?;
    // Blocks the person moved keep their place; the plan's version of them is not applied.
    let pinned: std::collections::HashSet<String> = {
        let mut st = tx.prepare("SELECT id FROM blocks WHERE plan_id = ?1 AND pinned = 1")?;
        let ids = st
            .query_map([plan_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids
    };
    let mut event = tx.prepare("INSERT INTO block_events (block_id, plan_id, at, kind, detail) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for b in blocks {
        if pinned.contains(&b.id) {
            rep.unchanged += 1;
            continue;
        }
        match old.remove(&b.id) {
            Some(o)
                if o.start_utc == b.start_utc
                    && o.end_utc == b.end_utc
                    && o.title == b.title
                    && o.track == b.track =>
            {
                rep.unchanged += 1;
                // Notes and the week number may still change; they are not history.
            }
            Some(o) => {
                rep.moved += 1;
                rep.history_kept += u32::from(o.has_history);
                event.execute(params![
                    b.id,
                    plan_id,
                    now,
                    "replanned",
                    serde_json::json!({"from": o.start_utc, "to": b.start_utc}).to_string()
                ])?;
            }
            None => rep.added += 1,
        }
        insert.execute(params![
            b.id,
            plan_id,
            b.date.to_string(),
            b.slot,
            b.start_local,
            b.end_local,
            tz,
            b.start_utc,
            b.end_utc,
            b.minutes,
            b.track,
            b.title,
            b.note,
            b.week,
            b.break_after
        ])?;
    }
    let mut delete = tx.prepare("DELETE FROM blocks WHERE id = ?1")?;
    for (id, o) in old {
        rep.removed += 1;
        rep.history_kept += u32::from(o.has_history);
        event.execute(params![id, plan_id, now, "removed_by_reload", "{}"])?;
        delete.execute([&id])?;
    }
    Ok(rep)
}
