//! Checklist items that fill themselves from data (plans/README.md,
//! "Checklists"): the reference plan's Appendix A counts "25–35 problems",
//! "5–10 advanced queries", "misses revisited" and "project delivered".

use crate::error::Result;
use crate::mistakes;
use crate::plan::model::PlanFile;
use crate::store::progress::{goal_count, GoalRef, COUNTED_METRICS};
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// The hint a plan diagnostic gives for an unknown measure.
pub const HINT: &str =
    "use goal:<goal-id> (a goal counting problems, queries, minutes or practice-exams), mistakes:revisited, projects:delivered or exams:practiced";

/// Where one measure stands for one copy of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Measurement {
    /// The measure as the plan names it, e.g. `goal:dsa-problems`.
    pub measure: String,
    /// What is counted, for people: "DSA problems", "misses revisited".
    pub label: String,
    pub value: u32,
    /// The target as people read it: "25–35", "5 or more", "all 3".
    pub target: String,
    pub met: bool,
}

/// A goal's track, track name, metric, min, max, `per` and certification.
type GoalRow = (
    Option<String>,
    Option<String>,
    String,
    Option<u32>,
    Option<u32>,
    String,
    Option<String>,
);

/// Why `name` is not a measure studyplan can fill for `plan` (a plan
/// diagnostic's message); None when it is one.
pub fn problem(plan: &PlanFile, name: &str) -> Option<String> {
    match name.split_once(':') {
        Some(("goal", id)) => {
            let Some(g) = plan.goals.iter().find(|g| g.id.value == id) else {
                return Some(format!("no goal `{id}` in this plan"));
            };
            if !COUNTED_METRICS.contains(&g.metric.as_str()) {
                return Some(format!(
                    "goal `{id}` counts `{}`, which studyplan does not count",
                    g.metric
                ));
            }
            if g.min.is_none() {
                return Some(format!("goal `{id}` has no `min` to be met"));
            }
            None
        }
        _ if [
            "mistakes:revisited",
            "projects:delivered",
            "exams:practiced",
        ]
        .contains(&name) =>
        {
            None
        }
        _ => Some(format!("unknown measure `{name}`")),
    }
}

/// The days a measure counts over: one week, or the whole plan.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub week: Option<u32>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Measure `name` for plan `plan_id` over `span`. Unknown names (a plan
/// edited by hand past validation cannot have any) measure as not met.
pub(crate) fn measure(store: &Store, plan_id: &str, name: &str, span: Span) -> Result<Measurement> {
    let conn = store.conn();
    let unmet = |label: &str| Measurement {
        measure: name.to_string(),
        label: label.to_string(),
        value: 0,
        target: "—".into(),
        met: false,
    };
    match name.split_once(':') {
        Some(("goal", id)) => {
            let row: Option<GoalRow> = conn
                .prepare_cached(
                    "SELECT g.track, t.name, g.metric, g.min, g.max, g.per, g.certification FROM goals g
                     LEFT JOIN tracks t ON t.plan_id = g.plan_id AND t.id = g.track
                     WHERE g.plan_id = ?1 AND g.id = ?2",
                )?
                .query_row(params![plan_id, id], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })
                .optional()?;
            let Some((track, track_name, metric, min, max, per, cert)) = row else {
                return Ok(unmet(name));
            };
            let week = if per == "plan" { None } else { span.week };
            let goal = GoalRef {
                track: track.as_deref(),
                metric: &metric,
                certification: cert.as_deref(),
            };
            let value = goal_count(conn, plan_id, &goal, week)?.unwrap_or(0);
            let label = match track_name.as_ref().or(track.as_ref()) {
                Some(t) => format!("{t} {metric}"),
                None => metric.clone(),
            };
            let target = match (min, max) {
                (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                (Some(a), _) => format!("{a} or more"),
                (None, _) => "—".into(),
            };
            Ok(Measurement {
                measure: name.to_string(),
                label,
                value,
                target,
                met: min.is_some_and(|m| value >= m),
            })
        }
        _ if name == "mistakes:revisited" => {
            let (closed, all) = mistakes::revisited_between(store, span.from, span.to)?;
            Ok(Measurement {
                measure: name.to_string(),
                label: "misses revisited".into(),
                value: closed,
                target: format!("all {all}"),
                met: closed == all,
            })
        }
        _ if name == "exams:practiced" => {
            let n = crate::exams::count_between(conn, plan_id, span.from, span.to)?;
            Ok(Measurement {
                measure: name.to_string(),
                label: "practice exams".into(),
                value: n,
                target: "1 or more".into(),
                met: n > 0,
            })
        }
        _ if name == "projects:delivered" => {
            let (delivered, all): (u32, u32) = conn
                .prepare_cached(
                    "SELECT COALESCE(SUM(i.done), 0), COUNT(*) FROM portfolio_projects p
                     JOIN portfolio_items i ON i.plan_id = p.plan_id AND i.owner = p.id AND i.kind = 'delivered'
                     WHERE p.plan_id = ?1 AND p.present = 1 AND (?2 IS NULL OR p.week = ?2)",
                )?
                .query_row(params![plan_id, span.week], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(Measurement {
                measure: name.to_string(),
                label: "projects delivered".into(),
                value: delivered,
                target: format!("all {all}"),
                met: all > 0 && delivered == all,
            })
        }
        _ => Ok(unmet(name)),
    }
}
