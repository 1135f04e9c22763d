//! Which reminders are due when: computed from blocks, milestones and
//! snoozes in the database, minus what the ledger says already went out.
//!
//! Kinds and times: `pre` at start − lead (the track's lead, else the
//! setting; none when 0), `start`, `end` ("Break: 10 minutes" when the
//! template has a break after the block); milestones `milestone_eve` at
//! 18:00 the day before and `milestone_day` at 07:30 on the day (local
//! time of the plan); `snooze` when a snooze ends. Only blocks still planned
//! (or partly done) remind: done, skipped and moved blocks stay quiet.

use crate::error::Result;
use crate::schedule::tz::{parse_zone, resolve};
use crate::store::Store;
use chrono::{Duration, NaiveTime};
use rusqlite::{params, OptionalExtension};

/// Longest lead any track may have, which bounds the block query.
const MAX_LEAD_SECS: i64 = 120 * 60;
const EVE: (u32, u32) = (18, 0);
const MORNING: (u32, u32) = (7, 30);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub key: String,
    pub subject: String,
    pub kind: String,
    pub due_utc: i64,
    pub title: String,
    pub body: String,
    /// The block's track (None for milestones and snoozes).
    pub track: Option<String>,
    /// Wall-clock time of `due_utc` in the plan's zone, `HH:MM` (for quiet hours).
    pub local_time: String,
    pub actions: bool,
}

pub fn ledger_key(subject: &str, kind: &str) -> String {
    format!("{subject}|{kind}")
}

struct BlockRow {
    id: String,
    title: String,
    start_local: String,
    end_local: String,
    start: i64,
    end: i64,
    track: String,
    lead: i64,
    break_after: u32,
    topics: Option<String>,
}

impl Store {
    fn plan_zone(&self) -> Result<Option<(String, chrono_tz::Tz)>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT id, timezone FROM plans WHERE active = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(row.and_then(|(id, tz)| parse_zone(&tz).map(|z| (id, z))))
    }

    /// Every reminder of the active plan due in `(from, to]`, in due order,
    /// whatever the ledger says. `default_lead` is the setting in minutes.
    pub fn reminders_between(&self, from: i64, to: i64, default_lead: i64) -> Result<Vec<Due>> {
        let Some((plan, tz)) = self.plan_zone()? else {
            return Ok(Vec::new());
        };
        let local = |t: i64| {
            chrono::DateTime::from_timestamp(t, 0)
                .map(|d| d.with_timezone(&tz).format("%H:%M").to_string())
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        let mut st = self.conn.prepare_cached(
            "SELECT b.id, b.title, b.start_local, b.end_local, b.start_utc, b.end_utc, b.track,
                    COALESCE(t.lead_minutes, ?4), b.break_after, w.topics_json
             FROM blocks b LEFT JOIN tracks t ON t.plan_id = b.plan_id AND t.id = b.track
             LEFT JOIN weeks w ON w.plan_id = b.plan_id AND w.number = b.week
             WHERE b.plan_id = ?1 AND b.status IN ('planned', 'partial')
               AND b.start_utc - ?5 <= ?3 AND b.end_utc > ?2
             ORDER BY b.start_utc",
        )?;
        let rows = st.query_map(params![plan, from, to, default_lead, MAX_LEAD_SECS], |r| {
            Ok(BlockRow {
                id: r.get(0)?,
                title: r.get(1)?,
                start_local: r.get(2)?,
                end_local: r.get(3)?,
                start: r.get(4)?,
                end: r.get(5)?,
                track: r.get(6)?,
                lead: r.get(7)?,
                break_after: r.get(8)?,
                topics: r.get(9)?,
            })
        })?;
        for b in rows {
            let b = b?;
            let topics = b
                .topics
                .as_deref()
                .and_then(|j| serde_json::from_str::<Vec<(String, String)>>(j).ok())
                .and_then(|v| v.into_iter().find(|(k, _)| *k == b.track).map(|(_, t)| t));
            let with_topics = |s: String| match &topics {
                Some(t) => format!("{s} · {t}"),
                None => s,
            };
            let mut push = |kind: &str, due: i64, title: String, body: String| {
                if due > from && due <= to {
                    out.push(Due {
                        key: ledger_key(&b.id, kind),
                        subject: b.id.clone(),
                        kind: kind.into(),
                        due_utc: due,
                        title,
                        body,
                        track: Some(b.track.clone()),
                        local_time: local(due),
                        actions: kind != "end",
                    });
                }
            };
            if b.lead > 0 {
                push(
                    "pre",
                    b.start - b.lead * 60,
                    format!("In {} min: {}", b.lead, b.title),
                    with_topics(format!("{}–{}", b.start_local, b.end_local)),
                );
            }
            push(
                "start",
                b.start,
                format!("Now: {}", b.title),
                with_topics(format!("until {}", b.end_local)),
            );
            let end_title = if b.break_after > 0 {
                format!("Break: {} minutes", b.break_after)
            } else {
                format!("Done: {}", b.title)
            };
            push(
                "end",
                b.end,
                end_title,
                format!("{} ended at {}", b.title, b.end_local),
            );
        }
        drop(st);

        // Milestones: the evening before and the morning of.
        let mut st = self.conn.prepare_cached(
            "SELECT seq, title, kind, start_date, end_date FROM milestones WHERE plan_id = ?1",
        )?;
        let rows = st.query_map([&plan], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for m in rows {
            let (seq, title, kind, start, end) = m?;
            let Ok(day) = crate::store::agenda::parse_date(&start) else {
                continue;
            };
            let subject = format!("{plan}:milestone:{seq}");
            let at = |d: chrono::NaiveDate, (h, mi): (u32, u32)| {
                resolve(
                    tz,
                    d.and_time(NaiveTime::from_hms_opt(h, mi, 0).unwrap_or(NaiveTime::MIN)),
                )
                .timestamp()
            };
            let what = if kind == "exam" && start != end {
                format!("{title} (exam window {start} – {end})")
            } else {
                title.clone()
            };
            for (k, due, head) in [
                (
                    "milestone_eve",
                    at(day - Duration::days(1), EVE),
                    "Tomorrow",
                ),
                ("milestone_day", at(day, MORNING), "Today"),
            ] {
                if due > from && due <= to {
                    out.push(Due {
                        key: ledger_key(&subject, k),
                        subject: subject.clone(),
                        kind: k.into(),
                        due_utc: due,
                        title: format!("{head}: {what}"),
                        body: format!("Milestone of {plan}"),
                        track: None,
                        local_time: local(due),
                        actions: false,
                    });
                }
            }
        }
        drop(st);

        // Mistake revisits.
        out.extend(crate::mistakes::due_reminders(
            &self.conn, &plan, tz, from, to,
        )?);

        // Snoozes.
        let mut st = self.conn.prepare_cached("SELECT id, subject, title, body, due_utc FROM reminder_snoozes WHERE due_utc > ?1 AND due_utc <= ?2")?;
        let rows = st.query_map(params![from, to], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        for s in rows {
            let (id, subject, title, body, due) = s?;
            out.push(Due {
                key: format!("snooze:{id}|snooze"),
                subject,
                kind: "snooze".into(),
                due_utc: due,
                title,
                body,
                track: None,
                local_time: local(due),
                actions: true,
            });
        }
        out.sort_by(|a, b| a.due_utc.cmp(&b.due_utc).then(a.key.cmp(&b.key)));
        Ok(out)
    }

    /// Reminders due in `(from, to]` that the ledger has not seen at their
    /// due time (or that failed fewer than three times).
    ///
    /// The one re-arm rule: a ledger entry stands for its reminder only
    /// while the reminder is due at the entry's time. A block moved by hand,
    /// by re-planning or by reloading an edited plan therefore reminds again
    /// at its new time, once, whatever path moved it.
    pub fn reminders_pending(&self, from: i64, to: i64, default_lead: i64) -> Result<Vec<Due>> {
        let all = self.reminders_between(from, to, default_lead)?;
        let mut st = self.conn.prepare_cached(
            "SELECT outcome, attempts, due_utc FROM reminder_ledger WHERE key = ?1",
        )?;
        let mut out = Vec::with_capacity(all.len());
        for d in all {
            let seen: Option<(String, u32, i64)> = st
                .query_row([&d.key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            match seen {
                None => out.push(d),
                Some((_, _, due)) if due != d.due_utc => out.push(d),
                Some((o, n, _)) if o == "failed" && n < 3 => out.push(d),
                Some(_) => {}
            }
        }
        Ok(out)
    }

    /// Take a reminder for sending (or for recording it as summarized, quiet
    /// or muted). Atomic: of several engines, exactly one gets `true`. An
    /// entry for another due time (the block moved) is taken over.
    pub fn claim_reminder(&self, d: &Due, now: i64, outcome: &str) -> Result<bool> {
        let inserted = self.conn.execute(
            "INSERT INTO reminder_ledger (key, subject, kind, due_utc, claimed_at, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (key) DO UPDATE SET due_utc = excluded.due_utc, claimed_at = excluded.claimed_at,
               outcome = excluded.outcome, attempts = 1, sent_at = NULL, detail = NULL
             WHERE reminder_ledger.due_utc != excluded.due_utc",
            params![d.key, d.subject, d.kind, d.due_utc, now, outcome],
        )?;
        if inserted == 1 {
            return Ok(true);
        }
        // A retry of a failed send.
        let retried = self.conn.execute(
            "UPDATE reminder_ledger SET outcome = ?2, claimed_at = ?3, attempts = attempts + 1 WHERE key = ?1 AND outcome = 'failed' AND attempts < 3",
            params![d.key, outcome, now],
        )?;
        Ok(retried == 1)
    }

    pub fn reminder_sent(&self, key: &str, at: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE reminder_ledger SET outcome = 'sent', sent_at = ?2 WHERE key = ?1",
            params![key, at],
        )?;
        Ok(())
    }

    pub fn reminder_failed(&self, key: &str, why: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE reminder_ledger SET outcome = 'failed', detail = ?2 WHERE key = ?1",
            params![key, why],
        )?;
        Ok(())
    }

    /// Snooze the reminder `key` for `minutes` (5, 10 or 15); survives restarts.
    /// What the sent reminder `key` is about (a block id...), from the ledger.
    pub fn reminder_subject(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT subject FROM reminder_ledger WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn snooze_reminder(&mut self, key: &str, minutes: u32, now: i64) -> Result<i64> {
        if !matches!(minutes, 5 | 10 | 15) {
            return Err(crate::CoreError::InvalidInput(format!(
                "snooze for 5, 10 or 15 minutes (got {minutes})"
            )));
        }
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT subject, kind FROM reminder_ledger WHERE key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (subject, _kind) =
            row.ok_or_else(|| crate::CoreError::NotFound(format!("no reminder `{key}` was sent")))?;
        let title = match self.block(&subject) {
            Ok(b) => format!("Snoozed: {}", b.title),
            Err(_) => "Snoozed reminder".to_string(),
        };
        let due = now + i64::from(minutes) * 60;
        self.conn.execute(
            "INSERT INTO reminder_snoozes (key, subject, title, body, due_utc) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key, subject, title, format!("snoozed {minutes} min"), due],
        )?;
        Ok(due)
    }

    /// The first reminder due strictly after `t`, if any within two days.
    pub fn next_reminder_after(&self, t: i64, default_lead: i64) -> Result<Option<i64>> {
        Ok(self
            .reminders_between(t, t + 2 * 86_400, default_lead)?
            .first()
            .map(|d| d.due_utc))
    }

    /// The ledger's entries for a subject (tests, diagnostics).
    pub fn ledger_for(&self, subject: &str) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT kind, outcome FROM reminder_ledger WHERE subject = ?1 ORDER BY due_utc, kind",
        )?;
        let rows = st.query_map([subject], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
