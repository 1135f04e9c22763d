//! Certifications and practice exams: each certification of the plan with
//! its exam window, domains and readiness rules; practice exams logged with
//! overall and per-domain scores; readiness, pacing and remediation
//! proposals built from them ([`readiness`], [`remediation`]).
//!
//! Rules:
//! - a certification comes from the plan's `[[certifications]]`: its window
//!   is its `kind = "exam"` milestone (moved with a restarted plan), its
//!   domains its own `[[certifications.domains]]` or the plan's
//!   `[[domains]]`, its practice rule `practice_exams` full-length exams
//!   before the window (default 2, the reference plan's "two timed
//!   practice exams per certification"), its pass mark `pass_percent`
//!   (default 70);
//! - a practice exam has a local date no later than today, an overall
//!   score in percent (given, or the weight-averaged domain scores), and
//!   per-domain scores as a percent or `right/total`; each question missed
//!   may be logged with its domain and goes to the mistakes log (track: the
//!   certification's track, topic: the domain's name);
//! - the `practice-exams` goals count full-length practice exams (of their
//!   `certification`, else all).
//!
//! Tables (migration 0007): `certifications`, `certification_domains`,
//! `practice_exams`, `practice_exam_scores`. Practice exams are kept when a
//! reload drops their certification.

pub mod readiness;
pub mod remediation;

use crate::error::{CoreError, Result};
use crate::mistakes::{self, NewMistake};
use crate::plan::model::PlanFile;
use crate::schedule::tz::plan_zone;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// Full-length practice exams required when the plan says nothing.
pub const DEFAULT_PRACTICE_EXAMS: u32 = 2;
/// Pass mark, in percent, when the plan says nothing.
pub const DEFAULT_PASS_PERCENT: u32 = 70;
/// Longest practice exam, in minutes (a whole day).
pub const MAX_MINUTES: u32 = 600;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DomainView {
    pub id: String,
    pub name: String,
    /// Share of the exam, in percent.
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CertificationView {
    pub id: String,
    pub title: String,
    pub track: String,
    pub track_name: String,
    /// The exam window, local dates (YYYY-MM-DD), inclusive; None when the
    /// plan's milestone is missing.
    pub window_start: Option<String>,
    pub window_end: Option<String>,
    /// Full-length practice exams required before the window.
    pub practice_required: u32,
    /// Full-length practice exams taken up to the window's last day.
    pub practice_done: u32,
    /// All practice exams logged (full and partial).
    pub practice_logged: u32,
    pub pass_percent: u32,
    pub domains: Vec<DomainView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DomainScore {
    pub domain: String,
    pub percent: f64,
    /// Right answers and questions, when the score was given as `right/total`.
    pub correct: Option<u32>,
    pub total: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PracticeExamView {
    #[ts(type = "number")]
    pub id: i64,
    pub cert: String,
    /// Local date taken, YYYY-MM-DD.
    pub date: String,
    pub full: bool,
    /// Time taken, in minutes.
    pub minutes: Option<u32>,
    /// Overall score, percent.
    pub score: f64,
    pub domains: Vec<DomainScore>,
    /// Mistakes logged for the questions missed.
    #[ts(type = "number[]")]
    pub mistakes: Vec<i64>,
}

/// A practice exam to log. Scores are text as people give them: `72`,
/// `72.5%`, or `43/60`.
#[derive(Debug, Clone, Default)]
pub struct NewPracticeExam {
    pub cert: String,
    pub date: NaiveDate,
    pub full: bool,
    pub minutes: Option<u32>,
    /// Overall; None: the weight-averaged domain scores.
    pub score: Option<String>,
    /// (domain id, score).
    pub domains: Vec<(String, String)>,
    /// Questions missed: (domain id, what went wrong).
    pub missed: Vec<(String, String)>,
}

/// A score as percent (0–100), and `right/total` when given so.
pub fn parse_score(what: &str, s: &str) -> Result<(f64, Option<u32>, Option<u32>)> {
    let t = s.trim();
    let bad = || {
        CoreError::InvalidInput(format!(
            "{what}: `{t}` is not a score; give a percent from 0 to 100 (`72`, `72.5%`) or right/total (`43/60`)"
        ))
    };
    if let Some((a, b)) = t.split_once('/') {
        let (a, b): (u32, u32) = (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        );
        if b == 0 || a > b {
            return Err(CoreError::InvalidInput(format!(
                "{what}: {a}/{b} is not right answers out of questions"
            )));
        }
        return Ok((f64::from(a) * 100.0 / f64::from(b), Some(a), Some(b)));
    }
    let num = t.strip_suffix('%').unwrap_or(t);
    // Plain decimals only: `1e2`, `+50`, `.5` or `NaN` are not how a score is written.
    let plain = !num.is_empty()
        && num.bytes().filter(|b| *b == b'.').count() <= 1
        && num.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !num.starts_with('.')
        && !num.ends_with('.');
    if !plain {
        return Err(bad());
    }
    let p: f64 = num.parse().map_err(|_| bad())?;
    if !(0.0..=100.0).contains(&p) {
        return Err(CoreError::InvalidInput(format!(
            "{what}: {t} is outside 0–100 %"
        )));
    }
    Ok((p, None, None))
}

/// Store plan `plan_id`'s certifications (inside the plan load's
/// transaction); practice exams are left as they are.
pub(crate) fn sync(tx: &Transaction, plan_id: &str, plan: &PlanFile) -> Result<()> {
    tx.execute("DELETE FROM certifications WHERE plan_id = ?1", [plan_id])?;
    let mut st = tx.prepare(
        "INSERT INTO certifications (plan_id, id, seq, title, exam, track, practice_exams, pass_percent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut dom = tx.prepare(
        "INSERT INTO certification_domains (plan_id, cert_id, id, seq, name, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, c) in plan.certifications.iter().enumerate() {
        st.execute(params![
            plan_id,
            c.id.value,
            i as i64,
            c.title,
            c.exam.value,
            c.track.value,
            c.practice_exams.unwrap_or(DEFAULT_PRACTICE_EXAMS),
            c.pass_percent
                .as_ref()
                .map(|p| p.value)
                .unwrap_or(DEFAULT_PASS_PERCENT)
        ])?;
        let domains = if c.domains.is_empty() {
            &plan.domains
        } else {
            &c.domains
        };
        for (j, d) in domains.iter().enumerate() {
            dom.execute(params![
                plan_id,
                c.id.value,
                d.id.value,
                j as i64,
                d.name,
                d.weight.value
            ])?;
        }
    }
    Ok(())
}

pub(crate) fn active_plan(conn: &Connection) -> Result<String> {
    conn.query_row("SELECT id FROM plans WHERE active = 1", [], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound("no plan is active; load a plan first".into()))
}

fn cert_row(conn: &Connection, plan: &str, id: &str) -> Result<CertificationView> {
    let row = conn
        .query_row(
            "SELECT c.id, c.title, c.track, COALESCE(t.name, c.track), m.start_date, m.end_date, c.practice_exams, c.pass_percent,
                    (SELECT COUNT(*) FROM practice_exams e WHERE e.plan_id = c.plan_id AND e.cert_id = c.id AND e.full = 1
                       AND (m.end_date IS NULL OR e.day <= m.end_date)),
                    (SELECT COUNT(*) FROM practice_exams e WHERE e.plan_id = c.plan_id AND e.cert_id = c.id)
             FROM certifications c
             LEFT JOIN tracks t ON t.plan_id = c.plan_id AND t.id = c.track
             LEFT JOIN milestones m ON m.plan_id = c.plan_id AND m.title = c.exam AND m.kind = 'exam'
             WHERE c.plan_id = ?1 AND c.id = ?2",
            params![plan, id],
            |r| {
                Ok(CertificationView {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    track: r.get(2)?,
                    track_name: r.get(3)?,
                    window_start: r.get(4)?,
                    window_end: r.get(5)?,
                    practice_required: r.get(6)?,
                    pass_percent: r.get(7)?,
                    practice_done: r.get(8)?,
                    practice_logged: r.get(9)?,
                    domains: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut c) = row else {
        let ids = cert_ids(conn, plan)?;
        return Err(CoreError::NotFound(if ids.is_empty() {
            format!("this plan has no certifications, so no `{id}`")
        } else {
            format!(
                "no certification `{id}`; this plan's are: {}",
                ids.join(", ")
            )
        }));
    };
    let mut st = conn.prepare_cached(
        "SELECT id, name, weight FROM certification_domains WHERE plan_id = ?1 AND cert_id = ?2 ORDER BY seq",
    )?;
    let rows = st.query_map(params![plan, id], |r| {
        Ok(DomainView {
            id: r.get(0)?,
            name: r.get(1)?,
            weight: r.get(2)?,
        })
    })?;
    c.domains = rows.collect::<rusqlite::Result<_>>()?;
    Ok(c)
}

fn cert_ids(conn: &Connection, plan: &str) -> Result<Vec<String>> {
    let mut st =
        conn.prepare_cached("SELECT id FROM certifications WHERE plan_id = ?1 ORDER BY seq")?;
    let rows = st.query_map([plan], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The active plan's certifications.
pub fn list(store: &Store) -> Result<Vec<CertificationView>> {
    let plan = active_plan(store.conn())?;
    cert_ids(store.conn(), &plan)?
        .iter()
        .map(|id| cert_row(store.conn(), &plan, id))
        .collect()
}

/// One certification of the active plan; `NotFound` names the others.
pub fn get(store: &Store, id: &str) -> Result<CertificationView> {
    let plan = active_plan(store.conn())?;
    cert_row(store.conn(), &plan, &id.trim().to_lowercase())
}

/// Practice exams of certification `cert`, oldest first.
/// Errors: `NotFound` when the active plan has no certification `cert`.
pub fn exams(store: &Store, cert: &str) -> Result<Vec<PracticeExamView>> {
    let plan = active_plan(store.conn())?;
    cert_row(store.conn(), &plan, cert)?;
    exams_of(store.conn(), &plan, cert)
}

pub(crate) fn exams_of(conn: &Connection, plan: &str, cert: &str) -> Result<Vec<PracticeExamView>> {
    let mut st = conn.prepare_cached(
        "SELECT id, cert_id, day, full, minutes, score FROM practice_exams WHERE plan_id = ?1 AND cert_id = ?2 ORDER BY day, id",
    )?;
    let rows = st.query_map(params![plan, cert], |r| {
        Ok(PracticeExamView {
            id: r.get(0)?,
            cert: r.get(1)?,
            date: r.get(2)?,
            full: r.get(3)?,
            minutes: r.get(4)?,
            score: r.get(5)?,
            domains: Vec::new(),
            mistakes: Vec::new(),
        })
    })?;
    let mut out: Vec<PracticeExamView> = rows.collect::<rusqlite::Result<_>>()?;
    let mut sc = conn.prepare_cached(
        "SELECT domain_id, percent, correct, total FROM practice_exam_scores WHERE exam_id = ?1 ORDER BY rowid",
    )?;
    for e in &mut out {
        let rows = sc.query_map([e.id], |r| {
            Ok(DomainScore {
                domain: r.get(0)?,
                percent: r.get(1)?,
                correct: r.get(2)?,
                total: r.get(3)?,
            })
        })?;
        e.domains = rows.collect::<rusqlite::Result<_>>()?;
    }
    Ok(out)
}

/// Log practice exam `e` for the active plan (rules in the module doc).
pub fn log(store: &mut Store, e: &NewPracticeExam, now: DateTime<Utc>) -> Result<PracticeExamView> {
    let plan = active_plan(store.conn())?;
    let cert = cert_row(store.conn(), &plan, &e.cert.trim().to_lowercase())?;
    let today = now.with_timezone(&plan_zone(store)?).date_naive();
    if !(1970..=2199).contains(&chrono::Datelike::year(&e.date)) {
        return Err(CoreError::InvalidInput(format!(
            "{} is not a date to log a practice exam on",
            e.date
        )));
    }
    if e.date > today {
        return Err(CoreError::InvalidInput(format!(
            "{} is in the future; log a practice exam once it is taken",
            e.date
        )));
    }
    if let Some(m) = e.minutes {
        if m == 0 || m > MAX_MINUTES {
            return Err(CoreError::InvalidInput(format!(
                "a practice exam takes 1 to {MAX_MINUTES} minutes, not {m}"
            )));
        }
    }
    let domain = |id: &str| -> Result<&DomainView> {
        cert.domains
            .iter()
            .find(|d| d.id == id.trim())
            .ok_or_else(|| {
                let ids: Vec<&str> = cert.domains.iter().map(|d| d.id.as_str()).collect();
                CoreError::InvalidInput(format!(
                    "{} has no domain `{}`; its domains are: {}",
                    cert.id,
                    id.trim(),
                    ids.join(", ")
                ))
            })
    };
    let mut scores: Vec<(&DomainView, f64, Option<u32>, Option<u32>)> = Vec::new();
    for (id, s) in &e.domains {
        let d = domain(id)?;
        if scores.iter().any(|x| x.0.id == d.id) {
            return Err(CoreError::InvalidInput(format!(
                "domain `{}` is scored twice",
                d.id
            )));
        }
        let (p, c, t) = parse_score(&format!("domain `{}`", d.id), s)?;
        scores.push((d, p, c, t));
    }
    let overall = match &e.score {
        Some(s) => parse_score("the overall score", s)?.0,
        None => {
            let w: u32 = scores.iter().map(|s| s.0.weight).sum();
            if w == 0 {
                return Err(CoreError::InvalidInput(
                    "give the overall score, or the domains' scores to weigh it from".into(),
                ));
            }
            scores
                .iter()
                .map(|s| s.1 * f64::from(s.0.weight))
                .sum::<f64>()
                / f64::from(w)
        }
    };
    let mut missed = Vec::new();
    for (id, what) in &e.missed {
        let d = domain(id)?;
        if what.trim().is_empty() {
            return Err(CoreError::InvalidInput(format!(
                "a missed question of `{}` needs what went wrong",
                d.id
            )));
        }
        let m = NewMistake {
            date: e.date,
            track: cert.track.clone(),
            topic: d.name.clone(),
            what: what.trim().to_string(),
            fix: None,
            link: None,
        };
        // Checked before anything is written: a bad one refuses the whole exam.
        mistakes::check(store, &m)?;
        missed.push(m);
    }
    let tx = store.immediate()?;
    tx.execute(
        "INSERT INTO practice_exams (plan_id, cert_id, day, full, minutes, score, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![plan, cert.id, e.date.to_string(), e.full, e.minutes, overall, now.to_rfc3339_opts(SecondsFormat::Secs, true)],
    )?;
    let id = tx.last_insert_rowid();
    for (d, p, c, t) in &scores {
        tx.execute(
            "INSERT INTO practice_exam_scores (exam_id, domain_id, percent, correct, total) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, d.id, p, c, t],
        )?;
    }
    tx.commit()?;
    let mut ids = Vec::new();
    for m in &missed {
        ids.push(mistakes::add(store, m, now)?.id);
    }
    let mut v = exams_of(store.conn(), &plan, &cert.id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or_else(|| CoreError::Internal(format!("practice exam {id} vanished")))?;
    v.mistakes = ids;
    Ok(v)
}

/// Full-length practice exams of plan `plan` (of `cert`, else all), in
/// week `week` or the whole plan: what `practice-exams` goals count.
pub(crate) fn count_full(
    conn: &Connection,
    plan: &str,
    cert: Option<&str>,
    week: Option<u32>,
) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT COUNT(*) FROM practice_exams e
             WHERE e.plan_id = ?1 AND e.full = 1 AND (?2 IS NULL OR e.cert_id = ?2)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM weeks w WHERE w.plan_id = e.plan_id AND w.number = ?3
                                          AND e.day BETWEEN w.start_date AND w.end_date))",
        )?
        .query_row(params![plan, cert, week], |r| r.get(0))?)
}

/// Practice exams (full or partial) of plan `plan` taken on local days
/// `from`–`to`: the weekly checklist's "planned practice set completed".
pub(crate) fn count_between(
    conn: &Connection,
    plan: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT COUNT(*) FROM practice_exams WHERE plan_id = ?1 AND day BETWEEN ?2 AND ?3",
        )?
        .query_row(params![plan, from.to_string(), to.to_string()], |r| {
            r.get(0)
        })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_read_as_percent_or_right_over_total() {
        assert_eq!(parse_score("x", "72").unwrap(), (72.0, None, None));
        assert_eq!(parse_score("x", " 72.5% ").unwrap(), (72.5, None, None));
        assert_eq!(
            parse_score("x", "45/60").unwrap(),
            (75.0, Some(45), Some(60))
        );
        for bad in [
            "101", "-1", "abc", "61/60", "3/0", "", "NaN", "1e2", "+50", ".5", "5.", "50%%", "inf",
        ] {
            assert!(parse_score("x", bad).is_err(), "{bad}");
        }
    }
}
