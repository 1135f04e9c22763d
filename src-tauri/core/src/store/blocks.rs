//! Block life: done, partial, skipped, notes and counters, one-off blocks.
//! Every change is one transaction that also appends to the event log.

use super::agenda::{BlockStatus, BlockView};
use super::Store;
use crate::error::{CoreError, Result};
use crate::schedule::tz::{parse_zone, resolve};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// What to record about a block.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockChange {
    Done,
    /// Minutes actually spent, less than the block's length.
    Partial(u32),
    Skipped,
    /// Back to planned (undo).
    Planned,
}

impl BlockChange {
    /// From the wire form: `done`, `partial` + minutes, `skipped`, `planned`.
    /// Minutes arrive as any integer so that a negative one gets a message
    /// in words here rather than a type error at the IPC layer.
    pub fn parse(status: &str, minutes: Option<i64>) -> Result<BlockChange> {
        match (status, minutes) {
            ("done", _) => Ok(BlockChange::Done),
            ("skipped", _) => Ok(BlockChange::Skipped),
            ("planned", _) => Ok(BlockChange::Planned),
            ("partial", Some(m)) => Ok(BlockChange::Partial(count("partial minutes", m)?)),
            ("partial", None) => Err(CoreError::InvalidInput(
                "partial needs the minutes spent".into(),
            )),
            (other, _) => Err(CoreError::InvalidInput(format!(
                "unknown block status “{other}”; use done, partial, skipped or planned"
            ))),
        }
    }
}

/// A count from a front end: a whole number from 0 to 100,000.
pub fn count(what: &str, v: i64) -> Result<u32> {
    u32::try_from(v)
        .ok()
        .filter(|v| *v <= 100_000)
        .ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "{what} must be a whole number from 0 to 100000 (got {v})"
            ))
        })
}

/// One entry of a block's history.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct BlockEvent {
    pub at: String,
    pub kind: String,
    pub detail: String,
}

/// A block added by hand, outside the plan's templates.
#[derive(Debug, Clone)]
pub struct NewBlock {
    pub title: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub minutes: u32,
    pub track: Option<String>,
}

/// The one overlap rule for a block added or moved: it may not share any
/// instant with another block of plan `plan` that still holds its time
/// (every status but `moved`), nor with a busy event of the person's other
/// calendars ([`crate::busy::refuse_busy`]); `except` is the block being
/// moved. Times are Unix seconds, `[start, end)`. `Conflict` names the
/// block or event in the way.
pub(crate) fn refuse_overlap(
    tx: &Transaction,
    plan: &str,
    except: Option<&str>,
    start: i64,
    end: i64,
) -> Result<()> {
    let clash: Option<(String, String, String, String)> = tx
        .query_row(
            "SELECT title, start_local, end_local, date FROM blocks
             WHERE plan_id = ?1 AND (?2 IS NULL OR id != ?2) AND status != 'moved' AND start_utc < ?4 AND end_utc > ?3
             ORDER BY start_utc LIMIT 1",
            params![plan, except, start, end],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    match clash {
        Some((title, a, b, date)) => Err(CoreError::Conflict(format!(
            "it would overlap “{title}” ({a}–{b}) on {date}"
        ))),
        None => crate::busy::refuse_busy(tx, start, end),
    }
}

/// The plan week holding `date`, if the date is inside the plan.
pub(crate) fn week_number(tx: &Transaction, plan: &str, date: NaiveDate) -> Result<Option<u32>> {
    Ok(tx
        .query_row(
            "SELECT number FROM weeks WHERE plan_id = ?1 AND ?2 BETWEEN start_date AND end_date",
            params![plan, date.to_string()],
            |r| r.get(0),
        )
        .optional()?)
}

fn stamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Append to the block event log (inside the caller's transaction).
pub(crate) fn log(
    tx: &Transaction,
    block: &str,
    plan: &str,
    now: DateTime<Utc>,
    kind: &str,
    detail: serde_json::Value,
) -> Result<()> {
    tx.execute(
        "INSERT INTO block_events (block_id, plan_id, at, kind, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![block, plan, stamp(now), kind, detail.to_string()],
    )?;
    Ok(())
}

impl Store {
    fn block_head(tx: &Transaction, id: &str) -> Result<(String, u32, String)> {
        tx.query_row(
            "SELECT plan_id, minutes, status FROM blocks WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| {
            CoreError::NotFound(format!(
                "no block `{id}`; `studyplan agenda` lists block ids"
            ))
        })
    }

    /// Record done / partial / skipped / planned for a block.
    pub fn set_block_status(
        &mut self,
        id: &str,
        change: BlockChange,
        now: DateTime<Utc>,
    ) -> Result<BlockView> {
        let tx = self.immediate()?;
        let (plan, minutes, old) = Self::block_head(&tx, id)?;
        let (status, done) = match change {
            BlockChange::Done => (BlockStatus::Done, Some(minutes)),
            BlockChange::Partial(m) if m == 0 || m >= minutes => {
                return Err(CoreError::InvalidInput(format!(
                    "partial minutes must be between 1 and {} for this {minutes}-minute block (got {m}); use done for the whole block",
                    minutes - 1
                )))
            }
            BlockChange::Partial(m) => (BlockStatus::Partial, Some(m)),
            BlockChange::Skipped => (BlockStatus::Skipped, Some(0)),
            BlockChange::Planned => (BlockStatus::Planned, None),
        };
        let name = serde_json::to_value(status)?;
        tx.execute(
            "UPDATE blocks SET status = ?2, minutes_done = ?3 WHERE id = ?1",
            params![id, name.as_str(), done],
        )?;
        log(
            &tx,
            id,
            &plan,
            now,
            "status",
            serde_json::json!({"from": old, "to": name, "minutes": done}),
        )?;
        tx.commit()?;
        self.block(id)
    }

    /// Set the block's note and/or counters (problems solved, queries
    /// written); counters are checked here, whatever front end sent them.
    pub fn annotate_block(
        &mut self,
        id: &str,
        note: Option<&str>,
        problems: Option<i64>,
        queries: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<BlockView> {
        let problems = problems.map(|p| count("problems solved", p)).transpose()?;
        let queries = queries.map(|q| count("queries written", q)).transpose()?;
        if note.is_none() && problems.is_none() && queries.is_none() {
            return Err(CoreError::InvalidInput(
                "nothing to record: give a note, problems solved or queries written".into(),
            ));
        }
        if note.is_some_and(|n| n.len() > 10_000) {
            return Err(CoreError::InvalidInput(
                "a note may be at most 10,000 characters".into(),
            ));
        }
        let tx = self.immediate()?;
        let (plan, _, _) = Self::block_head(&tx, id)?;
        if let Some(n) = note {
            let n = n.trim();
            tx.execute(
                "UPDATE blocks SET user_note = ?2 WHERE id = ?1",
                params![id, (!n.is_empty()).then_some(n)],
            )?;
        }
        if let Some(p) = problems {
            tx.execute(
                "UPDATE blocks SET problems = ?2 WHERE id = ?1",
                params![id, p],
            )?;
        }
        if let Some(q) = queries {
            tx.execute(
                "UPDATE blocks SET queries = ?2 WHERE id = ?1",
                params![id, q],
            )?;
        }
        log(
            &tx,
            id,
            &plan,
            now,
            "note",
            serde_json::json!({"note": note, "problems": problems, "queries": queries}),
        )?;
        tx.commit()?;
        self.block(id)
    }

    /// Add a one-off block to the active plan; refused if it overlaps another block.
    pub fn add_block(&mut self, b: &NewBlock, now: DateTime<Utc>) -> Result<BlockView> {
        let title = b.title.trim();
        if title.is_empty() {
            return Err(CoreError::InvalidInput("a block needs a title".into()));
        }
        // The plan file's rule for titles (validate's text_field): one line,
        // so every calendar shows it whole.
        if title.chars().any(|c| c.is_control() && c != '\t') || title.chars().count() > 200 {
            return Err(CoreError::InvalidInput(
                "a block title is one line of at most 200 characters, without control characters"
                    .into(),
            ));
        }
        if b.minutes == 0 || b.minutes > 24 * 60 {
            return Err(CoreError::InvalidInput(format!(
                "a block lasts 1 to 1440 minutes (got {})",
                b.minutes
            )));
        }
        super::agenda::check_year(b.date)?;
        let tx = self.immediate()?;
        let (plan, tz): (String, String) = tx
            .query_row("SELECT id, timezone FROM plans WHERE active = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .ok_or_else(|| {
                CoreError::InvalidInput(
                    "load a plan first: one-off blocks belong to the active plan".into(),
                )
            })?;
        // A one-off block belongs to one of the plan's tracks, or to `extra`.
        let track = b
            .track
            .as_deref()
            .map(str::trim)
            .unwrap_or("extra")
            .to_string();
        let known: bool = track == "extra"
            || tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM tracks WHERE plan_id = ?1 AND id = ?2)",
                params![plan, track],
                |r| r.get(0),
            )?;
        if !known {
            let ids: Vec<String> = tx
                .prepare("SELECT id FROM tracks WHERE plan_id = ?1 ORDER BY seq")?
                .query_map([&plan], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            return Err(CoreError::InvalidInput(format!(
                "no track “{}” in this plan; use one of: {}, or extra",
                crate::ipc::quote(&track),
                ids.join(", ")
            )));
        }
        let zone = parse_zone(&tz)
            .ok_or_else(|| CoreError::Internal(format!("stored zone `{tz}` does not parse")))?;
        let start = resolve(zone, b.date.and_time(b.start));
        let end = start + Duration::minutes(i64::from(b.minutes));
        refuse_overlap(&tx, &plan, None, start.timestamp(), end.timestamp())?;
        // Ids keep the date a block was added for, even after it moves, so
        // count by id prefix rather than by the current date.
        let prefix = format!("{plan}:{}:x", b.date);
        let n: i64 = tx.query_row(
            "SELECT COUNT(*) FROM blocks WHERE substr(id, 1, length(?1)) = ?1",
            params![prefix],
            |r| r.get(0),
        )?;
        let id = format!("{prefix}{}", n + 1);
        let week = week_number(&tx, &plan, b.date)?;
        tx.execute(
            "INSERT INTO blocks (id, plan_id, date, slot, start_local, end_local, tz, start_utc, end_utc, minutes, track, title, week, origin)
             VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'oneoff')",
            params![id, plan, b.date.to_string(), start.format("%H:%M").to_string(), end.format("%H:%M").to_string(), tz, start.timestamp(), end.timestamp(), b.minutes, track, title, week],
        )?;
        log(
            &tx,
            &id,
            &plan,
            now,
            "added",
            serde_json::json!({"title": title, "minutes": b.minutes}),
        )?;
        tx.commit()?;
        self.block(&id)
    }

    /// A block's history, oldest first.
    pub fn block_events(&self, id: &str) -> Result<Vec<BlockEvent>> {
        let mut st = self
            .conn
            .prepare("SELECT at, kind, detail FROM block_events WHERE block_id = ?1 ORDER BY id")?;
        let rows = st.query_map([id], |r| {
            Ok(BlockEvent {
                at: r.get(0)?,
                kind: r.get(1)?,
                detail: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl Store {
    /// The next planned block of the active plan starting after `now`.
    pub fn next_block(&self, now: DateTime<Utc>) -> Result<Option<BlockView>> {
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT b.id FROM blocks b JOIN plans p ON p.id = b.plan_id AND p.active = 1
                 WHERE b.start_utc > ?1 AND b.status = 'planned' ORDER BY b.start_utc LIMIT 1",
                [now.timestamp()],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.block(&id)).transpose()
    }
}
