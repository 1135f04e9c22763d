//! The mistakes log: what went wrong, the fix, and revisits that come back
//! on the calendar and as reminders.
//!
//! Rules (reference plan, section 4 and Appendix A: "maintain a mistakes
//! log", "revisit mistakes after 48 hours and 1 week", "misses revisited"):
//! - a mistake made on day D gets two revisits, on D + 2 and D + 7 (local
//!   days of the plan's zone);
//! - a revisit sits inside that day's first block of the mistake's track
//!   (at its start: the block's review minutes), else at the revisit time
//!   the user set ([`revisit_time`], default 19:00 local);
//! - a revisit is closed `solid` or `again`; `again` adds one more revisit
//!   two days after the later of its day and the day it was closed;
//! - an open revisit reminds once at its start, through the reminder
//!   engine's ledger (kind `revisit`), like a block's start.
//!
//! Tables: `mistakes`, `mistake_revisits` (migration 0005); the revisit
//! time is the `mistakes.revisit_time` row of `settings`.

pub mod from_log;

use crate::error::{CoreError, Result};
use crate::reminders::due::{ledger_key, Due};
use crate::schedule::tz::{parse_zone, resolve};
use crate::store::Store;
use chrono::{DateTime, Days, NaiveDate, NaiveTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// Days after the mistake of its two revisits.
pub const REVISIT_DAYS: [u64; 2] = [2, 7];
/// Days after an "again" of the next revisit.
pub const AGAIN_DAYS: u64 = 2;
/// Revisit time when the day has no block of the track.
pub const DEFAULT_REVISIT_TIME: &str = "19:00";
/// Longest topic and link, in characters; longest text fields.
pub const MAX_SHORT: usize = 200;
pub const MAX_TEXT: usize = 4000;

const SETTING: &str = "mistakes.revisit_time";

/// How a revisit went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RevisitOutcome {
    /// Understood now: no more revisits.
    Solid,
    /// Still shaky: one more revisit in two days.
    Again,
}

impl RevisitOutcome {
    pub fn parse(s: &str) -> Result<RevisitOutcome> {
        match s.trim().to_lowercase().as_str() {
            "solid" => Ok(RevisitOutcome::Solid),
            "again" => Ok(RevisitOutcome::Again),
            _ => Err(CoreError::InvalidInput(format!(
                "a revisit ends `solid` or `again`, not `{s}`"
            ))),
        }
    }
    fn as_str(self) -> &'static str {
        match self {
            RevisitOutcome::Solid => "solid",
            RevisitOutcome::Again => "again",
        }
    }
}

/// One revisit as the calendar and the list show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RevisitView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub mistake_id: i64,
    /// 1 = +48 h, 2 = +1 week, 3 and on = after "again".
    pub seq: u32,
    /// Local date, YYYY-MM-DD.
    pub date: String,
    /// Local wall-clock start, HH:MM.
    pub start: String,
    /// The same instant, RFC 3339 UTC.
    pub start_utc: String,
    /// The block it sits in, when that day has one of the track.
    pub block_id: Option<String>,
    /// None while open.
    pub outcome: Option<RevisitOutcome>,
    pub closed_on: Option<String>,
    /// The mistake's track and topic, for a calendar item's label.
    pub track: String,
    pub track_name: String,
    pub topic: String,
}

/// A mistake with its revisits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MistakeView {
    #[ts(type = "number")]
    pub id: i64,
    /// Local date it was made, YYYY-MM-DD.
    pub date: String,
    pub track: String,
    pub track_name: String,
    pub topic: String,
    pub what: String,
    pub fix: Option<String>,
    pub link: Option<String>,
    pub revisits: Vec<RevisitView>,
    /// Every revisit closed and the last one `solid`.
    pub settled: bool,
}

/// A mistake to log. Text is trimmed; `fix` and `link` may be empty.
#[derive(Debug, Clone, Default)]
pub struct NewMistake {
    pub date: NaiveDate,
    pub track: String,
    pub topic: String,
    pub what: String,
    pub fix: Option<String>,
    pub link: Option<String>,
}

struct Plan {
    id: String,
    tz: chrono_tz::Tz,
}

fn active(conn: &Connection) -> Result<Plan> {
    let (id, tz): (String, String) = conn
        .query_row("SELECT id, timezone FROM plans WHERE active = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound("no plan is active; load a plan first".into()))?;
    let tz = parse_zone(&tz)
        .ok_or_else(|| CoreError::Internal(format!("the plan's zone `{tz}` is unknown")))?;
    Ok(Plan { id, tz })
}

/// The revisit time the user set (local `HH:MM`), else 19:00.
pub fn revisit_time(store: &Store) -> Result<NaiveTime> {
    stored_time(store.conn())
}

fn stored_time(conn: &Connection) -> Result<NaiveTime> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [SETTING],
            |r| r.get(0),
        )
        .optional()?;
    let s = v.as_deref().unwrap_or(DEFAULT_REVISIT_TIME);
    NaiveTime::parse_from_str(s, "%H:%M")
        .map_err(|_| CoreError::Internal(format!("stored revisit time `{s}` is not HH:MM")))
}

/// Set the revisit time for days without a block of the track (`HH:MM`).
/// Revisits already placed keep their time.
pub fn set_revisit_time(store: &mut Store, hhmm: &str) -> Result<NaiveTime> {
    let t = NaiveTime::parse_from_str(hhmm.trim(), "%H:%M").map_err(|_| {
        CoreError::InvalidInput(format!(
            "the revisit time must be HH:MM (24-hour), got `{hhmm}`"
        ))
    })?;
    let tx = store.immediate()?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![SETTING, t.format("%H:%M").to_string()],
    )?;
    tx.commit()?;
    Ok(t)
}

fn text(label: &str, v: &str, max: usize, required: bool) -> Result<Option<String>> {
    let t = v.trim();
    if t.is_empty() {
        return if required {
            Err(CoreError::InvalidInput(format!("say {label}")))
        } else {
            Ok(None)
        };
    }
    if t.chars().count() > max {
        return Err(CoreError::InvalidInput(format!(
            "{label} is {} characters; keep it under {max}",
            t.chars().count()
        )));
    }
    Ok(Some(t.to_string()))
}

/// Where a revisit on `day` goes: the start of that day's first block of
/// `track`, else `fallback` (local time; a time in a DST gap moves on).
fn place(
    tx: &Transaction,
    plan: &Plan,
    track: &str,
    day: NaiveDate,
    fallback: NaiveTime,
) -> Result<(String, i64, Option<String>)> {
    let block: Option<(String, String, i64)> = tx
        .query_row(
            "SELECT id, start_local, start_utc FROM blocks
             WHERE plan_id = ?1 AND date = ?2 AND track = ?3 ORDER BY start_utc LIMIT 1",
            params![plan.id, day.to_string(), track],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match block {
        Some((id, start_local, utc)) => {
            // start_local is `YYYY-MM-DD HH:MM` or `HH:MM`.
            let hhmm = start_local
                .rsplit(' ')
                .next()
                .unwrap_or(&start_local)
                .to_string();
            (hhmm.chars().take(5).collect(), utc, Some(id))
        }
        None => {
            let at = resolve(plan.tz, day.and_time(fallback));
            (at.format("%H:%M").to_string(), at.timestamp(), None)
        }
    })
}

fn add_revisit(
    tx: &Transaction,
    plan: &Plan,
    mistake: i64,
    seq: u32,
    track: &str,
    day: NaiveDate,
) -> Result<()> {
    let fallback = stored_time(tx)?;
    let (start, utc, block) = place(tx, plan, track, day, fallback)?;
    tx.execute(
        "INSERT INTO mistake_revisits (mistake_id, seq, day, start, start_utc, block_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![mistake, seq, day.to_string(), start, utc, block],
    )?;
    Ok(())
}

fn plus_days(d: NaiveDate, n: u64) -> Result<NaiveDate> {
    d.checked_add_days(Days::new(n))
        .ok_or_else(|| CoreError::InvalidInput(format!("{d} is too far in the future")))
}

/// A mistake checked against the rules of [`add`], ready to insert.
struct Checked {
    topic: String,
    what: String,
    fix: Option<String>,
    link: Option<String>,
}

/// Check `m` as [`add`] would, without writing anything (for callers that
/// log several things and must refuse all of them if one is bad).
pub fn check(store: &Store, m: &NewMistake) -> Result<()> {
    let plan = active(store.conn())?;
    checked(store, &plan, m).map(|_| ())
}

/// Log a mistake of the active plan and place its two revisits.
pub fn add(store: &mut Store, m: &NewMistake, now: DateTime<Utc>) -> Result<MistakeView> {
    let plan = active(store.conn())?;
    let Checked {
        topic,
        what,
        fix,
        link,
    } = checked(store, &plan, m)?;
    let track = m.track.trim();
    let tx = store.immediate()?;
    tx.execute(
        "INSERT INTO mistakes (plan_id, day, track, topic, what, fix, link, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![plan.id, m.date.to_string(), track, topic, what, fix, link, now.to_rfc3339_opts(SecondsFormat::Secs, true)],
    )?;
    let id = tx.last_insert_rowid();
    for (i, days) in REVISIT_DAYS.iter().enumerate() {
        add_revisit(
            &tx,
            &plan,
            id,
            i as u32 + 1,
            track,
            plus_days(m.date, *days)?,
        )?;
    }
    tx.commit()?;
    get(store.conn(), id)
}

fn checked(store: &Store, plan: &Plan, m: &NewMistake) -> Result<Checked> {
    let topic = text("the topic", &m.topic, MAX_SHORT, true)?.unwrap_or_default();
    let what = text("what went wrong", &m.what, MAX_TEXT, true)?.unwrap_or_default();
    let fix = text("the fix", m.fix.as_deref().unwrap_or(""), MAX_TEXT, false)?;
    let link = match m.link.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) => Some(crate::documents::render::external_link(l)?),
        None => None,
    };
    if !(1970..=2199).contains(&chrono::Datelike::year(&m.date)) {
        return Err(CoreError::InvalidInput(format!(
            "{} is not a date to log a mistake on",
            m.date
        )));
    }
    let track = m.track.trim();
    let known: Vec<String> = {
        let mut st = store
            .conn()
            .prepare("SELECT id FROM tracks WHERE plan_id = ?1 ORDER BY seq")?;
        let rows = st.query_map([&plan.id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if !known.iter().any(|k| k == track) {
        return Err(CoreError::InvalidInput(format!(
            "the plan has no track `{track}`; its tracks are: {}",
            known.join(", ")
        )));
    }
    Ok(Checked {
        topic,
        what,
        fix,
        link,
    })
}

/// Close revisit `id` as `outcome` on local day `today`.
pub fn close(
    store: &mut Store,
    id: i64,
    outcome: RevisitOutcome,
    today: NaiveDate,
) -> Result<MistakeView> {
    let plan = active(store.conn())?;
    let tx = store.immediate()?;
    let row: Option<(i64, u32, String, Option<String>, String)> = tx
        .query_row(
            "SELECT r.mistake_id, r.seq, r.day, r.outcome, m.track FROM mistake_revisits r
             JOIN mistakes m ON m.id = r.mistake_id WHERE r.id = ?1 AND m.plan_id = ?2",
            params![id, plan.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let (mistake, seq, day, closed, track) = row.ok_or_else(|| {
        CoreError::NotFound(format!(
            "there is no revisit {id}; see `studyplan mistakes`"
        ))
    })?;
    if let Some(o) = closed {
        return Err(CoreError::Conflict(format!(
            "revisit {id} was already closed `{o}`"
        )));
    }
    tx.execute(
        "UPDATE mistake_revisits SET outcome = ?2, closed_on = ?3 WHERE id = ?1",
        params![id, outcome.as_str(), today.to_string()],
    )?;
    if outcome == RevisitOutcome::Again {
        let day = crate::store::agenda::parse_date(&day)?;
        let next_seq: u32 = tx.query_row(
            "SELECT MAX(seq) + 1 FROM mistake_revisits WHERE mistake_id = ?1",
            [mistake],
            |r| r.get(0),
        )?;
        add_revisit(
            &tx,
            &plan,
            mistake,
            next_seq.max(seq + 1),
            &track,
            plus_days(day.max(today), AGAIN_DAYS)?,
        )?;
    }
    tx.commit()?;
    get(store.conn(), mistake)
}

const REVISIT_SQL: &str = "SELECT r.id, r.mistake_id, r.seq, r.day, r.start, r.start_utc, r.block_id, r.outcome, r.closed_on,
        m.track, COALESCE(t.name, m.track), m.topic
     FROM mistake_revisits r JOIN mistakes m ON m.id = r.mistake_id
     LEFT JOIN tracks t ON t.plan_id = m.plan_id AND t.id = m.track";

fn revisit_row(r: &rusqlite::Row) -> rusqlite::Result<RevisitView> {
    let utc: i64 = r.get(5)?;
    let outcome: Option<String> = r.get(7)?;
    Ok(RevisitView {
        id: r.get(0)?,
        mistake_id: r.get(1)?,
        seq: r.get(2)?,
        date: r.get(3)?,
        start: r.get(4)?,
        start_utc: DateTime::from_timestamp(utc, 0)
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
            .unwrap_or_default(),
        block_id: r.get(6)?,
        outcome: match outcome.as_deref() {
            Some("solid") => Some(RevisitOutcome::Solid),
            Some("again") => Some(RevisitOutcome::Again),
            _ => None,
        },
        closed_on: r.get(8)?,
        track: r.get(9)?,
        track_name: r.get(10)?,
        topic: r.get(11)?,
    })
}

fn get(conn: &Connection, id: i64) -> Result<MistakeView> {
    let mut all = views(conn, "m.id = ?1", params![id])?;
    all.pop()
        .ok_or_else(|| CoreError::NotFound(format!("there is no mistake {id}")))
}

fn views(conn: &Connection, filter: &str, p: impl rusqlite::Params) -> Result<Vec<MistakeView>> {
    let mut st = conn.prepare(&format!(
        "SELECT m.id, m.day, m.track, COALESCE(t.name, m.track), m.topic, m.what, m.fix, m.link
         FROM mistakes m LEFT JOIN tracks t ON t.plan_id = m.plan_id AND t.id = m.track
         WHERE {filter} ORDER BY m.day, m.id"
    ))?;
    let mut out: Vec<MistakeView> = st
        .query_map(p, |r| {
            Ok(MistakeView {
                id: r.get(0)?,
                date: r.get(1)?,
                track: r.get(2)?,
                track_name: r.get(3)?,
                topic: r.get(4)?,
                what: r.get(5)?,
                fix: r.get(6)?,
                link: r.get(7)?,
                revisits: Vec::new(),
                settled: false,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut rs = conn.prepare_cached(&format!(
        "{REVISIT_SQL} WHERE r.mistake_id = ?1 ORDER BY r.seq"
    ))?;
    for m in &mut out {
        m.revisits = rs
            .query_map([m.id], revisit_row)?
            .collect::<rusqlite::Result<_>>()?;
        m.settled = m.revisits.iter().all(|r| r.outcome.is_some())
            && m.revisits.last().and_then(|r| r.outcome) == Some(RevisitOutcome::Solid);
    }
    Ok(out)
}

/// The active plan's mistakes, oldest first; with `due_by`, only those with
/// an open revisit on or before that local day.
pub fn list(store: &Store, due_by: Option<NaiveDate>) -> Result<Vec<MistakeView>> {
    let plan = active(store.conn())?;
    let all = views(store.conn(), "m.plan_id = ?1", params![plan.id])?;
    Ok(match due_by {
        None => all,
        Some(d) => {
            let d = d.to_string();
            all.into_iter()
                .filter(|m| {
                    m.revisits
                        .iter()
                        .any(|r| r.outcome.is_none() && r.date <= d)
                })
                .collect()
        }
    })
}

/// Revisits of the active plan on local days `from`–`to` (the calendar).
pub fn revisits_between(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<RevisitView>> {
    let plan = active(store.conn())?;
    let mut st = store.conn().prepare(&format!(
        "{REVISIT_SQL} WHERE m.plan_id = ?1 AND r.day BETWEEN ?2 AND ?3 ORDER BY r.start_utc, r.id"
    ))?;
    let rows = st.query_map(
        params![plan.id, from.to_string(), to.to_string()],
        revisit_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Revisits on local days `from`–`to`: (closed, all). The weekly
/// checklist's "misses revisited" counts these.
pub fn revisited_between(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<(u32, u32)> {
    let r = revisits_between(store, from, to)?;
    Ok((
        r.iter().filter(|x| x.outcome.is_some()).count() as u32,
        r.len() as u32,
    ))
}

/// Open revisits of plan `plan` starting in `(from, to]` (Unix seconds), as
/// reminders for the engine (kind `revisit`, one per revisit).
pub(crate) fn due_reminders(
    conn: &Connection,
    plan: &str,
    tz: chrono_tz::Tz,
    from: i64,
    to: i64,
) -> Result<Vec<Due>> {
    let mut st = conn.prepare_cached(&format!(
        "{REVISIT_SQL} WHERE m.plan_id = ?1 AND r.outcome IS NULL AND r.start_utc > ?2 AND r.start_utc <= ?3"
    ))?;
    let rows = st.query_map(params![plan, from, to], revisit_row)?;
    let mut out = Vec::new();
    for r in rows {
        let r = r?;
        let due = DateTime::parse_from_rfc3339(&r.start_utc)
            .map(|t| t.timestamp())
            .unwrap_or(0);
        let subject = format!("mistake-revisit:{}", r.id);
        out.push(Due {
            key: ledger_key(&subject, "revisit"),
            subject,
            kind: "revisit".into(),
            due_utc: due,
            title: format!("Revisit a mistake: {}", r.topic),
            body: format!(
                "{} · {} revisit",
                r.track_name,
                match r.seq {
                    1 => "48-hour".to_string(),
                    2 => "one-week".to_string(),
                    n => format!("extra ({n})"),
                }
            ),
            track: Some(r.track.clone()),
            local_time: DateTime::from_timestamp(due, 0)
                .map(|d| d.with_timezone(&tz).format("%H:%M").to_string())
                .unwrap_or_default(),
            actions: false,
        });
    }
    Ok(out)
}
