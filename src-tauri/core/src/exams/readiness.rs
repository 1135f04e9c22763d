//! Readiness of one certification, and pacing against its window.
//!
//! Rules:
//! - the overall score that decides readiness is the latest full-length
//!   practice exam's (a short partial set does not); a domain's latest score
//!   is its score in the latest practice exam, full or partial, that scored
//!   it; a domain never scored is estimated by the latest overall score (0
//!   before any exam);
//! - a domain is weak when that score or estimate is below the pass mark;
//!   its priority is weight × (100 − score), the reference plan's "track
//!   weak domains", weighed by the exam guide;
//! - study time is the certification track's minutes on days before the
//!   window opens: planned, done (done blocks plus partial minutes), and
//!   still to come (planned blocks that have not started);
//! - ready: the latest full-length score reaches the pass mark, no domain
//!   is weak, and the required full-length practice exams are done;
//! - pacing: the share of past planned minutes that were done (blocks done
//!   ahead of time do not count) is the pace;
//!   at that pace the study time reached by the window is done + pace ×
//!   still to come. On track when that is at least 90 % of what was planned
//!   and the practice exams still needed fit in the blocks still to come.
//!   Otherwise the proposal is to defer the exam by the weeks the missing
//!   time takes at the plan's weekly minutes for the track, 2 to 4 weeks
//!   (the reference plan's contingency: "defer post-plan"); a proposal in
//!   words, never applied by itself.

use super::{active_plan, cert_row, exams_of, CertificationView};
use crate::error::Result;
use crate::schedule::tz::plan_zone;
use crate::store::agenda::parse_date;
use crate::store::Store;
use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

/// Share of the planned study time that counts as on track.
pub const ON_TRACK_SHARE: f64 = 0.9;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScorePoint {
    /// Local date, YYYY-MM-DD.
    pub date: String,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DomainReadiness {
    pub id: String,
    pub name: String,
    /// Percent of the exam.
    pub weight: u32,
    /// Latest score, percent; None when never scored.
    pub latest: Option<f64>,
    /// Every score, oldest first.
    pub trend: Vec<ScorePoint>,
    /// Below the pass mark, or never scored.
    pub weak: bool,
    /// weight × (100 − latest or its estimate): higher needs work first.
    pub priority: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Pacing {
    pub on_track: bool,
    /// Minutes of study the track will have by the window at the current pace.
    pub projected_minutes: u32,
    /// Share of past planned minutes that were done (1 before any).
    pub pace: f64,
    /// Weeks to defer the exam by, when not on track.
    pub defer_weeks: Option<u32>,
    /// The window's first day if deferred, YYYY-MM-DD.
    pub deferred_to: Option<String>,
    /// The proposal in words, e.g. "At this pace: 21 h of 30 h ... defer by 2 weeks".
    pub advice: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Readiness {
    pub cert: CertificationView,
    /// Today in the plan's zone.
    pub today: String,
    /// Days until the window opens (negative once it has).
    #[ts(type = "number | null")]
    pub days_to_window: Option<i64>,
    pub overall_latest: Option<f64>,
    pub overall_trend: Vec<ScorePoint>,
    /// Weakest first (by priority).
    pub domains: Vec<DomainReadiness>,
    /// Certification-track minutes on days before the window.
    pub minutes_planned: u32,
    pub minutes_done: u32,
    /// Planned blocks still to come before the window, and their minutes.
    pub blocks_to_come: u32,
    pub minutes_to_come: u32,
    pub practice_done: u32,
    pub practice_required: u32,
    pub ready: bool,
    /// Why not ready, in words (empty when ready).
    pub reasons: Vec<String>,
    pub pacing: Pacing,
}

fn hours(min: u32) -> String {
    let h = f64::from(min) / 60.0;
    if (h - h.round()).abs() < 0.05 {
        format!("{} h", h.round())
    } else {
        format!("{h:.1} h")
    }
}

/// The readiness of certification `id` of the active plan as of `now`.
pub fn readiness(store: &Store, id: &str, now: DateTime<Utc>) -> Result<Readiness> {
    let conn = store.conn();
    let plan = active_plan(conn)?;
    let cert = cert_row(conn, &plan, &id.trim().to_lowercase())?;
    let today = now.with_timezone(&plan_zone(store)?).date_naive();
    let window: Option<NaiveDate> = cert
        .window_start
        .as_deref()
        .and_then(|d| parse_date(d).ok());
    let exams = exams_of(conn, &plan, &cert.id)?;
    let overall_trend: Vec<ScorePoint> = exams
        .iter()
        .filter(|e| e.full)
        .map(|e| ScorePoint {
            date: e.date.clone(),
            percent: e.score,
        })
        .collect();
    let overall_latest = overall_trend.last().map(|p| p.percent);
    let pass = f64::from(cert.pass_percent);
    let mut domains: Vec<DomainReadiness> = cert
        .domains
        .iter()
        .map(|d| {
            let trend: Vec<ScorePoint> = exams
                .iter()
                .filter_map(|e| {
                    e.domains
                        .iter()
                        .find(|s| s.domain == d.id)
                        .map(|s| ScorePoint {
                            date: e.date.clone(),
                            percent: s.percent,
                        })
                })
                .collect();
            let latest = trend.last().map(|p| p.percent);
            let estimate = latest.or(overall_latest).unwrap_or(0.0);
            DomainReadiness {
                id: d.id.clone(),
                name: d.name.clone(),
                weight: d.weight,
                weak: estimate < pass,
                priority: f64::from(d.weight) * (100.0 - estimate),
                latest,
                trend,
            }
        })
        .collect();
    domains.sort_by(|a, b| b.priority.total_cmp(&a.priority));

    // Study time on the track before the window (all of it when there is none).
    let before = window
        .map(|w| w.to_string())
        .unwrap_or_else(|| "9999-12-31".into());
    let (planned, done, past_planned, past_done, to_come_n, to_come): (u32, u32, u32, u32, u32, u32) = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(minutes), 0),
                    COALESCE(SUM(CASE status WHEN 'done' THEN minutes WHEN 'partial' THEN COALESCE(minutes_done, 0) ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN end_utc <= ?4 THEN minutes ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN end_utc > ?4 THEN 0 WHEN status = 'done' THEN minutes WHEN status = 'partial' THEN COALESCE(minutes_done, 0) ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'planned' AND start_utc > ?4 THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'planned' AND start_utc > ?4 THEN minutes ELSE 0 END), 0)
             FROM blocks WHERE plan_id = ?1 AND track = ?2 AND date < ?3 AND status != 'moved'",
        )?
        .query_row(params![plan, cert.track, before, now.timestamp()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?;
    let practice_needed = cert.practice_required.saturating_sub(cert.practice_done);
    let mut reasons = Vec::new();
    match overall_latest {
        None => reasons.push("no practice exam logged yet".to_string()),
        Some(s) if s < pass => reasons.push(format!(
            "latest practice score {s:.0} % is below the pass mark of {} %",
            cert.pass_percent
        )),
        Some(_) => {}
    }
    if practice_needed > 0 {
        reasons.push(format!(
            "{} of {} full-length practice exams done",
            cert.practice_done, cert.practice_required
        ));
    }
    let weak: Vec<&str> = domains
        .iter()
        .filter(|d| d.weak && overall_latest.is_some())
        .map(|d| d.name.as_str())
        .collect();
    if !weak.is_empty() {
        reasons.push(format!("below the pass mark in: {}", weak.join(", ")));
    }
    let ready = overall_latest.is_some_and(|s| s >= pass)
        && practice_needed == 0
        && domains.iter().all(|d| !d.weak);

    let pace = if past_planned == 0 {
        1.0
    } else {
        f64::from(past_done) / f64::from(past_planned)
    };
    let projected = (f64::from(done) + pace * f64::from(to_come)).round() as u32;
    let enough_time = f64::from(projected) >= ON_TRACK_SHARE * f64::from(planned);
    let enough_blocks = practice_needed <= to_come_n;
    let window_end: Option<NaiveDate> = cert.window_end.as_deref().and_then(|d| parse_date(d).ok());
    let window_open = window.is_some_and(|w| w <= today);
    let on_track = window_open || (enough_time && enough_blocks);
    let (defer_weeks, deferred_to, advice) = if window_end.is_some_and(|e| e < today) {
        (
            None,
            None,
            format!(
                "The exam window closed on {}.",
                cert.window_end.as_deref().unwrap_or("?")
            ),
        )
    } else if window_open {
        (
            None,
            None,
            format!(
                "The exam window is open until {}.",
                cert.window_end.as_deref().unwrap_or("?")
            ),
        )
    } else if window.is_none() {
        (
            None,
            None,
            "The plan gives this certification no exam window.".to_string(),
        )
    } else if on_track {
        (
            None,
            None,
            format!(
                "On track: at this pace {} of {} planned by the window, {} practice exam{} still to take in {} blocks.",
                hours(projected),
                hours(planned),
                practice_needed,
                if practice_needed == 1 { "" } else { "s" },
                to_come_n
            ),
        )
    } else {
        // The weekly minutes the plan gives the track, over the plan's weeks.
        let weekly: f64 = conn
            .prepare_cached(
                "SELECT CAST(COALESCE(SUM(b.minutes), 0) AS REAL) / MAX(1, (SELECT COUNT(*) FROM weeks w WHERE w.plan_id = ?1))
                 FROM blocks b WHERE b.plan_id = ?1 AND b.track = ?2 AND b.status != 'moved'",
            )?
            .query_row(params![plan, cert.track], |r| r.get(0))?;
        let missing = (ON_TRACK_SHARE * f64::from(planned) - f64::from(projected)).max(0.0);
        let per_week = (weekly * pace.max(0.25)).max(1.0);
        let weeks = ((missing / per_week).ceil() as u32).clamp(2, 4);
        let to = window.and_then(|w| w.checked_add_days(Days::new(u64::from(weeks) * 7)));
        let mut why = Vec::new();
        if !enough_time {
            why.push(format!(
                "at this pace {} of {} planned by the window",
                hours(projected),
                hours(planned)
            ));
        }
        if !enough_blocks {
            why.push(format!(
                "{practice_needed} practice exams still needed and {to_come_n} study blocks left"
            ));
        }
        (
            Some(weeks),
            to.map(|d| d.to_string()),
            format!(
                "Behind: {}. Proposal: defer {} by {weeks} weeks{}, or add study time before the window.",
                why.join("; "),
                cert.title,
                to.map(|d| format!(" (window from {d})")).unwrap_or_default()
            ),
        )
    };
    Ok(Readiness {
        today: today.to_string(),
        days_to_window: window.map(|w| (w - today).num_days()),
        overall_latest,
        overall_trend,
        domains,
        minutes_planned: planned,
        minutes_done: done,
        blocks_to_come: to_come_n,
        minutes_to_come: to_come,
        practice_done: cert.practice_done,
        practice_required: cert.practice_required,
        ready,
        reasons,
        pacing: Pacing {
            on_track,
            projected_minutes: projected,
            pace,
            defer_weeks,
            deferred_to,
            advice,
        },
        cert,
    })
}
