//! Moving and resizing blocks by hand (drag in the calendar): checked for
//! overlaps, recorded in the event log, and kept across plan reloads.

use super::agenda::BlockView;
use super::Store;
use crate::error::{CoreError, Result};
use crate::schedule::tz::{parse_zone, resolve};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension};

/// A move as front ends send it, checked here.
pub struct MoveRequest {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub minutes: Option<u32>,
}

impl MoveRequest {
    pub fn parse(date: &str, start: &str, minutes: Option<i64>) -> Result<MoveRequest> {
        let date = super::agenda::parse_date(date)?;
        let start = NaiveTime::parse_from_str(start.trim(), "%H:%M")
            .map_err(|_| CoreError::InvalidInput(format!("“{start}” is not a time; use HH:MM")))?;
        let minutes = minutes
            .map(|m| {
                u32::try_from(m)
                    .ok()
                    .filter(|m| (1..=1440).contains(m))
                    .ok_or_else(|| {
                        CoreError::InvalidInput(format!(
                            "a block lasts 1 to 1440 minutes (got {m})"
                        ))
                    })
            })
            .transpose()?;
        Ok(MoveRequest {
            date,
            start,
            minutes,
        })
    }
}

impl Store {
    /// Put block `id` on `date` at `start` (local wall clock), lasting
    /// `minutes` (default: unchanged). Refused with the reason when it would
    /// overlap another block of the plan.
    pub fn move_block(
        &mut self,
        id: &str,
        date: NaiveDate,
        start: NaiveTime,
        minutes: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<BlockView> {
        let tx = self.immediate()?;
        let row: Option<(String, String, u32, String, String, String)> = tx
            .query_row(
                "SELECT plan_id, tz, minutes, date, start_local, status FROM blocks WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let (plan, tz, old_minutes, old_date, old_start, status) =
            row.ok_or_else(|| CoreError::NotFound(format!("no block `{id}`")))?;
        if status == "moved" {
            return Err(CoreError::Conflict(
                "this block's time was re-planned into a catch-up block; it can't be moved".into(),
            ));
        }
        let minutes = minutes.unwrap_or(old_minutes);
        if minutes == 0 || minutes > 24 * 60 {
            return Err(CoreError::InvalidInput(format!(
                "a block lasts 1 to 1440 minutes (got {minutes})"
            )));
        }
        let zone = parse_zone(&tz)
            .ok_or_else(|| CoreError::Internal(format!("stored zone `{tz}` does not parse")))?;
        let begin = resolve(zone, date.and_time(start));
        let end = begin + Duration::minutes(i64::from(minutes));
        super::blocks::refuse_overlap(&tx, &plan, Some(id), begin.timestamp(), end.timestamp())?;
        let week = super::blocks::week_number(&tx, &plan, date)?;
        tx.execute(
            "UPDATE blocks SET date = ?2, start_local = ?3, end_local = ?4, start_utc = ?5, end_utc = ?6, minutes = ?7,
                               week = COALESCE(?8, week), pinned = 1 WHERE id = ?1",
            params![
                id,
                date.to_string(),
                begin.format("%H:%M").to_string(),
                end.format("%H:%M").to_string(),
                begin.timestamp(),
                end.timestamp(),
                minutes,
                week
            ],
        )?;
        // Its reminders re-arm by the ledger's rule (an entry counts only at
        // its own due time, `reminders_pending`), as for any other move.
        let to = format!("{date} {}", begin.format("%H:%M"));
        super::blocks::log(
            &tx,
            id,
            &plan,
            now,
            "moved",
            serde_json::json!({"from": format!("{old_date} {old_start}"), "to": to, "minutes": minutes}),
        )?;
        tx.commit()?;
        self.block(id)
    }
}
