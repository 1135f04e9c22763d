//! Remediation: the certification track's coming blocks before the exam
//! window go to the weak domains, as a proposal; nothing changes until it
//! is accepted (like re-planning).
//!
//! Rules (reference plan: "track weak domains and schedule remediation
//! blocks"):
//! - only planned blocks of the certification's track that have not
//!   started and fall on days up to the window's last day are used (the
//!   exam may be sat on any day of its window, e.g. the reference plan's
//!   "sit around Week 4–5 (Sep 8–21)"), and after the last day of any
//!   earlier window of another certification on the same track (those
//!   days' blocks serve that exam);
//! - only weak domains (see [`super::readiness`]) get blocks, each in
//!   proportion to its priority: block by block, earliest first, the
//!   domain with the highest priority ÷ (blocks it already has + 1) gets
//!   the next one (the highest-averages rule), so the weakest weighted
//!   domain gets the first block and the others are spread between;
//! - blocks added by hand are left alone (their titles are the person's);
//! - accepting renames each block "Remediation (CERT): domain", pins it
//!   (a plan reload keeps a pinned block as it is, like a moved one) and
//!   logs it; a block that already has that title is left as it is;
//!   a block changed since the proposal was made stops the whole accept
//!   (`Conflict`), and nothing is applied.

use super::readiness::readiness;
use crate::error::{CoreError, Result};
use crate::store::blocks::log;
use crate::store::Store;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RemediationBlock {
    pub block_id: String,
    /// Local date and times (YYYY-MM-DD, HH:MM).
    pub date: String,
    pub start: String,
    pub end: String,
    pub minutes: u32,
    pub domain: String,
    pub domain_name: String,
    /// The block's title now.
    pub replaces: String,
    /// Its title once accepted.
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Remediation {
    pub cert: String,
    pub blocks: Vec<RemediationBlock>,
    /// Why there is nothing to propose, in words.
    pub reason: Option<String>,
    /// After an accept: the blocks whose title changed (0 for a proposal).
    pub renamed: u32,
}

/// The title a remediation block gets.
pub fn block_title(cert: &str, domain_name: &str) -> String {
    format!("Remediation ({}): {domain_name}", cert.to_uppercase())
}

/// The remediation proposal for certification `id` as of `now`.
pub fn propose(store: &Store, id: &str, now: DateTime<Utc>) -> Result<Remediation> {
    let r = readiness(store, id, now)?;
    let cert = &r.cert;
    let none = |why: String| Remediation {
        cert: cert.id.clone(),
        blocks: Vec::new(),
        reason: Some(why),
        renamed: 0,
    };
    let weak: Vec<_> = r
        .domains
        .iter()
        .filter(|d| d.weak && d.priority > 0.0)
        .collect();
    if weak.is_empty() {
        return Ok(none(format!(
            "every domain is at or above the pass mark of {} %",
            cert.pass_percent
        )));
    }
    let Some(last) = cert.window_end.as_deref() else {
        return Ok(none(
            "the plan gives this certification no exam window".into(),
        ));
    };
    if r.today.as_str() > last {
        return Ok(none(format!("the exam window closed on {last}")));
    }
    let plan = super::active_plan(store.conn())?;
    // Days up to an earlier window of another certification on the same
    // track belong to that one (the reference plan's three exams share one
    // daily certification block).
    let after: String = store.conn().query_row(
        "SELECT COALESCE(MAX(m.end_date), '') FROM certifications c
         JOIN milestones m ON m.plan_id = c.plan_id AND m.title = c.exam AND m.kind = 'exam'
         WHERE c.plan_id = ?1 AND c.track = ?2 AND c.id != ?3 AND m.end_date < ?4",
        params![plan, cert.track, cert.id, last],
        |r| r.get(0),
    )?;
    let mut st = store.conn().prepare_cached(
        &format!(
        "SELECT id, date, start_local, end_local, minutes, title FROM blocks b
         WHERE plan_id = ?1 AND track = ?2 AND status = 'planned' AND origin = 'plan' AND start_utc > ?3 AND date <= ?4 AND date > ?5
           AND {free}
         ORDER BY start_utc",
            free = crate::busy::FREE_OF_BUSY
        ),
    )?;
    let slots = st.query_map(
        params![plan, cert.track, now.timestamp(), last, after],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, u32>(4)?,
                r.get::<_, String>(5)?,
            ))
        },
    )?;
    let mut given = vec![0u32; weak.len()];
    let mut blocks = Vec::new();
    for slot in slots {
        let (block_id, date, start, end, minutes, replaces) = slot?;
        let pick = (0..weak.len())
            .max_by(|&a, &b| {
                let qa = weak[a].priority / f64::from(given[a] + 1);
                let qb = weak[b].priority / f64::from(given[b] + 1);
                // Ties go to the earlier (weaker) domain.
                qa.total_cmp(&qb).then(b.cmp(&a))
            })
            .unwrap_or(0);
        given[pick] += 1;
        let d = weak[pick];
        blocks.push(RemediationBlock {
            block_id,
            date,
            start,
            end,
            minutes,
            domain: d.id.clone(),
            domain_name: d.name.clone(),
            title: block_title(&cert.id, &d.name),
            replaces,
        });
    }
    let reason = blocks.is_empty().then(|| {
        format!(
            "no {} blocks are left up to the window's last day, {last}",
            cert.track_name
        )
    });
    Ok(Remediation {
        cert: cert.id.clone(),
        blocks,
        reason,
        renamed: 0,
    })
}

/// Apply the proposal [`propose`] makes now, in one IMMEDIATE transaction;
/// returns what was applied.
pub fn accept(store: &mut Store, id: &str, now: DateTime<Utc>) -> Result<Remediation> {
    let mut p = propose(store, id, now)?;
    if p.blocks.is_empty() {
        return Ok(p);
    }
    let plan = super::active_plan(store.conn())?;
    let tx = store.immediate()?;
    for b in &p.blocks {
        let title: Option<String> = tx
            .query_row(
                "SELECT title FROM blocks WHERE id = ?1 AND status = 'planned'",
                [&b.block_id],
                |r| r.get(0),
            )
            .optional()?;
        if b.replaces == b.title {
            continue;
        }
        if title.as_deref() != Some(b.replaces.as_str()) {
            return Err(CoreError::Conflict(format!(
                "block {} changed since the proposal was made; ask for remediation again",
                b.block_id
            )));
        }
        tx.execute(
            "UPDATE blocks SET title = ?2, pinned = 1 WHERE id = ?1",
            params![b.block_id, b.title],
        )?;
        let detail = serde_json::json!({"cert": p.cert, "domain": b.domain, "from_title": b.replaces, "to_title": b.title});
        log(&tx, &b.block_id, &plan, now, "remediation", detail)?;
        p.renamed += 1;
    }
    tx.commit()?;
    Ok(p)
}
