//! The offline portfolio: every project of the active plan with its items,
//! deliverables, success criteria and the plan's per-project quality
//! criteria; the plan's checklists (a copy of each weekly one per week);
//! ticks and evidence on any item; completeness counted the way Org-mode's
//! `[n/m]` cookie counts.
//!
//! Rules:
//! - items have stable ids (see [`items`]); a reload keeps each tick and
//!   piece of evidence whose item still exists and keeps (in history, shown
//!   and reported) the ones whose item went away;
//! - a project is *delivered* when its `<project>:delivered` item is
//!   ticked (the date is the tick's local day), *in progress* once any of
//!   its items is ticked or has evidence or it has a README, else *not
//!   started*; the delivery itself is not counted in `n/m`;
//! - an item is done when ticked by hand or, for a measured item, when
//!   every measure is met in a week that has begun ([`measures`]);
//! - percent is `done * 100 / total` rounded down, so 100 % means complete.
//!
//! Tables (migration 0006): `portfolio_projects`, `portfolio_lists`,
//! `portfolio_items`, `portfolio_evidence`, `portfolio_sync`.
//! Writes run in IMMEDIATE transactions.

pub mod evidence;
pub mod html;
pub mod items;
pub mod markdown;
pub mod measures;

use crate::documents::{files, readme, workspace};
use crate::error::{CoreError, Result};
use crate::schedule::tz::plan_zone;
use crate::store::agenda::parse_date;
use crate::store::Store;
use chrono::{DateTime, Days, NaiveDate, SecondsFormat, Utc};
use evidence::EvidenceKind;
use measures::{Measurement, Span};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

pub use items::GoneItem;

/// Done out of total, as `[n/m]` and a percentage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Tally {
    pub done: u32,
    pub total: u32,
    /// `done * 100 / total`, rounded down; 0 when there is nothing to do.
    pub percent: u32,
}

impl Tally {
    fn add(&mut self, done: bool) {
        self.total += 1;
        self.done += u32::from(done);
        self.percent = self.done * 100 / self.total;
    }
    fn merge(&mut self, o: Tally) {
        self.done += o.done;
        self.total += o.total;
        self.percent = (self.done * 100).checked_div(self.total).unwrap_or(0);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceView {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: EvidenceKind,
    /// The URL, the workspace-relative path, or the commit id.
    pub value: String,
    /// A commit's repository (absolute path).
    pub repo: Option<String>,
    /// When it was attached, RFC 3339 UTC.
    pub added_at: String,
    /// The path or the repository folder no longer exists.
    pub missing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ItemView {
    /// Stable id, e.g. `p1-log-etl:criterion:all-quality-criteria-met`.
    pub id: String,
    pub text: String,
    /// `item`, `deliverable`, `criterion`, `quality`, `delivered` or `check`.
    pub kind: String,
    /// The checklist group's title, if any.
    pub group: Option<String>,
    /// Ticked by hand or filled from data.
    pub done: bool,
    /// Ticked by hand.
    pub ticked: bool,
    /// When ticked by hand, RFC 3339 UTC.
    pub done_at: Option<String>,
    /// Measures of an item filled from data (empty for hand-ticked items).
    pub measured: Vec<Measurement>,
    /// Every measure met in a week that has begun.
    pub filled: bool,
    pub evidence: Vec<EvidenceView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ItemSection {
    /// `item`, `deliverable`, `criterion`, or the project-scope checklist id.
    pub key: String,
    pub title: String,
    pub completeness: Tally,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProjectStatus {
    NotStarted,
    InProgress,
    Delivered,
}

/// The project's README (found in the documents index) and its completeness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReadmeState {
    /// Workspace-relative path.
    pub path: String,
    pub missing: bool,
    /// Outline sections written, out of `total`.
    pub written: u32,
    pub total: u32,
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocLink {
    /// Workspace-relative path.
    pub path: String,
    /// `adr`, `readme`, `daily_log` or `other`.
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProjectCard {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// e.g. the 30-project plan's tier.
    pub group: Option<String>,
    pub week: Option<u32>,
    /// Local date, YYYY-MM-DD: the plan's due date (moved with a restarted
    /// plan), else the last day of its week.
    pub due: Option<String>,
    pub status: ProjectStatus,
    /// Local date the delivery was ticked.
    pub delivered_on: Option<String>,
    /// The item ticked to mark the project delivered (`<project>:delivered`).
    pub delivered: ItemView,
    /// Over every section (the delivery itself not counted).
    pub completeness: Tally,
    /// Items, deliverables, success criteria, then each project-scope
    /// checklist (the quality criteria matrix's row for this project).
    pub sections: Vec<ItemSection>,
    pub readme: Option<ReadmeState>,
    /// Other documents of the project: linked to it in the documents index,
    /// or linked from its README (its ADRs, notes), that exist.
    pub documents: Vec<DocLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChecklistCard {
    /// The plan's checklist id.
    pub list: String,
    pub title: String,
    /// `once` or `weekly`.
    pub scope: String,
    pub week: Option<u32>,
    pub completeness: Tally,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WeekCard {
    pub number: u32,
    pub title: String,
    /// Local dates, YYYY-MM-DD, inclusive.
    pub start: String,
    pub end: String,
    /// The week's checklist copies plus the items of its projects.
    pub completeness: Tally,
    pub projects: Vec<String>,
    pub checklists: Vec<ChecklistCard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PortfolioView {
    pub plan_id: String,
    pub plan_title: String,
    /// Today in the plan's zone, YYYY-MM-DD.
    pub today: String,
    /// Today's week, if today is inside the plan.
    pub current_week: Option<u32>,
    /// Every item of the plan (deliveries not counted).
    pub completeness: Tally,
    pub projects: Vec<ProjectCard>,
    pub weeks: Vec<WeekCard>,
    /// Checklists kept once for the whole plan.
    pub checklists: Vec<ChecklistCard>,
    /// Items no longer in the plan that hold a tick or evidence.
    pub history: Vec<ItemView>,
    /// The project-scope checklists (the quality criteria): id and title.
    pub matrices: Vec<(String, String)>,
}

impl ProjectCard {
    /// The card's facts in words, as every export writes them:
    /// "Week 1", "due 2025-08-24", "delivered 2025-08-24" / "in progress" /
    /// "not started".
    pub fn facts(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(w) = self.week {
            out.push(format!("Week {w}"));
        }
        if let Some(d) = &self.due {
            out.push(format!("due {d}"));
        }
        out.push(match (self.status, &self.delivered_on) {
            (ProjectStatus::Delivered, Some(d)) => format!("delivered {d}"),
            (ProjectStatus::Delivered, None) => "delivered".into(),
            (ProjectStatus::InProgress, _) => "in progress".into(),
            (ProjectStatus::NotStarted, _) => "not started".into(),
        });
        out
    }
}

impl PortfolioView {
    /// Every item of the view, history included.
    pub fn all_items(&self) -> impl Iterator<Item = &ItemView> {
        self.projects
            .iter()
            .flat_map(|p| {
                std::iter::once(&p.delivered).chain(p.sections.iter().flat_map(|s| s.items.iter()))
            })
            .chain(
                self.weeks
                    .iter()
                    .flat_map(|w| w.checklists.iter().flat_map(|c| c.items.iter())),
            )
            .chain(self.checklists.iter().flat_map(|c| c.items.iter()))
            .chain(self.history.iter())
    }
    pub fn item(&self, id: &str) -> Option<&ItemView> {
        self.all_items().find(|i| i.id == id)
    }
}

/// The active plan as the portfolio needs it.
pub(crate) struct Active {
    pub id: String,
    pub title: String,
    pub start: NaiveDate,
    pub shift_days: i64,
    pub today: NaiveDate,
    pub workspace: PathBuf,
}

pub(crate) fn active(store: &Store, now: DateTime<Utc>) -> Result<Active> {
    let (id, title, start, shift_days): (String, String, String, i64) = store
        .conn()
        .query_row(
            "SELECT id, title, start_date, shift_days FROM plans WHERE active = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound("no plan is active; load a plan first".into()))?;
    let today = now.with_timezone(&plan_zone(store)?).date_naive();
    let workspace = workspace::workspace_root(store, &id)?;
    Ok(Active {
        id,
        title,
        start: parse_date(&start)?,
        shift_days,
        today,
        workspace,
    })
}

/// Derive the active plan's items again when its file changed since the
/// last sync (a database from before the portfolio had ids, or a plan
/// stored by an older build). Plan loads sync in their own transaction.
fn ensure_synced(store: &mut Store) -> Result<()> {
    let row: Option<(String, String, String, String, Option<String>)> = store
        .conn()
        .query_row(
            "SELECT p.id, p.source_name, p.source_text, p.source_hash, s.source_hash
             FROM plans p LEFT JOIN portfolio_sync s ON s.plan_id = p.id WHERE p.active = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((id, name, text, hash, synced)) = row else {
        return Ok(());
    };
    if synced.as_deref() == Some(hash.as_str()) {
        return Ok(());
    }
    let plan = crate::plan::parse::parse_plan(&name, &text).map_err(CoreError::PlanInvalid)?;
    let tx = store.immediate()?;
    items::sync(&tx, &id, &plan, &hash)?;
    tx.commit()?;
    Ok(())
}

/// A project's due date (documents::projects::due's rule, from stored rows).
fn due_of(a: &Active, due: Option<&str>, week: Option<u32>) -> Option<NaiveDate> {
    if let Some(d) = due.and_then(|d| parse_date(d).ok()) {
        let n = Days::new(a.shift_days.unsigned_abs());
        return if a.shift_days >= 0 {
            d.checked_add_days(n)
        } else {
            d.checked_sub_days(n)
        };
    }
    let w = u64::from(week?);
    a.start
        .checked_add_days(Days::new(w.checked_mul(7)?.checked_sub(1)?))
}

struct Row {
    id: String,
    owner: String,
    project: bool,
    week: Option<u32>,
    kind: String,
    group: String,
    text: String,
    measures: Option<String>,
    present: bool,
    done: bool,
    done_at: Option<String>,
}

/// The active plan's portfolio as of `now`.
pub fn view(store: &mut Store, now: DateTime<Utc>) -> Result<PortfolioView> {
    ensure_synced(store)?;
    build(store, now)
}

fn build(store: &Store, now: DateTime<Utc>) -> Result<PortfolioView> {
    let a = active(store, now)?;
    let conn = store.conn();
    let pid = a.id.as_str();

    let mut evidence: HashMap<String, Vec<EvidenceView>> = HashMap::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT id, item_id, kind, value, repo, added_at FROM portfolio_evidence WHERE plan_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([pid], |r| {
            Ok((
                r.get::<_, String>(1)?,
                r.get::<_, i64>(0)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (item, id, kind, value, repo, added_at) = row?;
            let kind = EvidenceKind::parse(&kind);
            let missing = evidence::missing(kind, &value, &repo, &a.workspace);
            evidence.entry(item).or_default().push(EvidenceView {
                id,
                kind,
                value,
                repo: Some(repo).filter(|r| !r.is_empty()),
                added_at,
                missing,
            });
        }
    }

    // Weeks: (number, title, start, end).
    let weeks: Vec<(u32, String, NaiveDate, NaiveDate)> = {
        let mut st = conn.prepare_cached(
            "SELECT number, title, start_date, end_date FROM weeks WHERE plan_id = ?1 ORDER BY number",
        )?;
        let rows = st.query_map([pid], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut v = Vec::new();
        for row in rows {
            let (n, t, s, e) = row?;
            v.push((n, t, parse_date(&s)?, parse_date(&e)?));
        }
        v
    };
    let plan_span = Span {
        week: None,
        from: weeks.first().map(|w| w.2).unwrap_or(a.start),
        to: weeks.last().map(|w| w.3).unwrap_or(a.start),
    };
    let span_of = |week: Option<u32>| -> Span {
        match week.and_then(|n| weeks.iter().find(|w| w.0 == n)) {
            Some(w) => Span {
                week: Some(w.0),
                from: w.2,
                to: w.3,
            },
            None => plan_span,
        }
    };

    let rows: Vec<Row> = {
        let mut st = conn.prepare_cached(
            "SELECT id, owner, project, week, kind, grp, text, measures, present, done, done_at
             FROM portfolio_items WHERE plan_id = ?1 ORDER BY seq",
        )?;
        let rows = st.query_map([pid], |r| {
            Ok(Row {
                id: r.get(0)?,
                owner: r.get(1)?,
                project: r.get(2)?,
                week: r.get(3)?,
                kind: r.get(4)?,
                group: r.get(5)?,
                text: r.get(6)?,
                measures: r.get(7)?,
                present: r.get(8)?,
                done: r.get(9)?,
                done_at: r.get(10)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };

    let mut cache: HashMap<(String, Option<u32>), Measurement> = HashMap::new();
    let mut item_view =
        |r: &Row, evidence: &mut HashMap<String, Vec<EvidenceView>>| -> Result<ItemView> {
            let mut measured = Vec::new();
            if let Some(m) = &r.measures {
                for name in m.split(',').filter(|n| !n.is_empty()) {
                    let key = (name.to_string(), r.week);
                    if !cache.contains_key(&key) {
                        let v = measures::measure(store, pid, name, span_of(r.week))?;
                        cache.insert(key.clone(), v);
                    }
                    measured.push(cache[&key].clone());
                }
            }
            let begun = span_of(r.week).from <= a.today;
            let filled = !measured.is_empty() && begun && measured.iter().all(|m| m.met);
            Ok(ItemView {
                id: r.id.clone(),
                text: r.text.clone(),
                kind: r.kind.clone(),
                group: Some(r.group.clone()).filter(|g| !g.is_empty() && r.kind == "check"),
                done: r.done || filled,
                ticked: r.done,
                done_at: r.done_at.clone(),
                measured,
                filled,
                evidence: evidence.remove(&r.id).unwrap_or_default(),
            })
        };

    // Project-scope checklists: id → title.
    let lists: Vec<(String, String, String)> = {
        let mut st = conn.prepare_cached(
            "SELECT id, title, scope FROM portfolio_lists WHERE plan_id = ?1 AND present = 1 ORDER BY seq",
        )?;
        let rows = st.query_map([pid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let list_title = |id: &str| {
        lists
            .iter()
            .find(|l| l.0 == id)
            .map(|l| l.1.clone())
            .unwrap_or_else(|| id.to_string())
    };

    // Documents linked to projects (the index's `project`), and every
    // indexed file's kind, for the files a README links to.
    let mut docs: HashMap<String, Vec<DocLink>> = HashMap::new();
    let mut kinds: HashMap<String, String> = HashMap::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT project, path, kind FROM documents WHERE plan_id = ?1 ORDER BY path",
        )?;
        let rows = st.query_map([pid], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                DocLink {
                    path: r.get(1)?,
                    kind: r.get(2)?,
                },
            ))
        })?;
        for row in rows {
            let (p, d) = row?;
            kinds.insert(d.path.clone(), d.kind.clone());
            if let Some(p) = p {
                docs.entry(p).or_default().push(d);
            }
        }
    }
    let outline: Vec<String> = conn
        .query_row(
            "SELECT fields_json FROM document_templates WHERE plan_id = ?1 AND kind = 'readme' ORDER BY seq LIMIT 1",
            [pid],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_else(|| readme::DEFAULT_OUTLINE.map(String::from).to_vec());

    let mut by_owner: HashMap<&str, Vec<&Row>> = HashMap::new();
    let mut history = Vec::new();
    for r in &rows {
        if r.present {
            by_owner.entry(r.owner.as_str()).or_default().push(r);
        } else {
            history.push(item_view(r, &mut evidence)?);
        }
    }

    let mut projects = Vec::new();
    let mut week_done: HashMap<u32, Tally> = HashMap::new();
    let mut week_projects: HashMap<u32, Vec<String>> = HashMap::new();
    let mut total = Tally::default();
    {
        let mut st = conn.prepare_cached(
            "SELECT id, title, summary, grp, week, due FROM portfolio_projects WHERE plan_id = ?1 AND present = 1 ORDER BY seq",
        )?;
        type P = (
            String,
            String,
            Option<String>,
            Option<String>,
            Option<u32>,
            Option<String>,
        );
        let prows: Vec<P> = st
            .query_map([pid], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (id, title, summary, group, week, due) in prows {
            let rows_of = by_owner.get(id.as_str()).cloned().unwrap_or_default();
            let mut sections: Vec<ItemSection> = Vec::new();
            let mut delivered: Option<ItemView> = None;
            for r in rows_of.iter().filter(|r| r.project) {
                let v = item_view(r, &mut evidence)?;
                if r.kind == "delivered" {
                    delivered = Some(v);
                    continue;
                }
                let key = if r.kind == "quality" {
                    r.group.clone()
                } else {
                    r.kind.clone()
                };
                let pos = match sections.iter().position(|s| s.key == key) {
                    Some(p) => p,
                    None => {
                        let title = items::PROJECT_KINDS
                            .iter()
                            .find(|k| k.0 == key)
                            .map(|k| k.1.to_string())
                            .unwrap_or_else(|| list_title(&key));
                        sections.push(ItemSection {
                            key,
                            title,
                            completeness: Tally::default(),
                            items: Vec::new(),
                        });
                        sections.len() - 1
                    }
                };
                sections[pos].completeness.add(v.done);
                sections[pos].items.push(v);
            }
            let mut c = Tally::default();
            for s in &sections {
                c.merge(s.completeness);
            }
            total.merge(c);
            if let Some(w) = week {
                week_done.entry(w).or_default().merge(c);
                week_projects.entry(w).or_default().push(id.clone());
            }
            let mut doc_list = docs.remove(&id).unwrap_or_default();
            let mut readme = None;
            if let Some(d) = doc_list.iter().find(|d| d.kind == "readme") {
                let deliverables: Vec<String> = sections
                    .iter()
                    .filter(|s| s.key == "deliverable")
                    .flat_map(|s| s.items.iter().map(|i| i.text.clone()))
                    .collect();
                let (state, links) = readme_state(&a.workspace, &d.path, &outline, &deliverables);
                readme = Some(state);
                for path in links {
                    if !doc_list.iter().any(|x| x.path == path) {
                        let kind = kinds.get(&path).cloned().unwrap_or_else(|| "other".into());
                        doc_list.push(DocLink { path, kind });
                    }
                }
            }
            let any_work = sections
                .iter()
                .flat_map(|s| s.items.iter())
                .any(|i| i.ticked || !i.evidence.is_empty())
                || readme.as_ref().is_some_and(|r| !r.missing);
            let delivered_on = delivered
                .as_ref()
                .filter(|d| d.ticked)
                .and_then(|d| d.done_at.as_deref())
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .map(|t| {
                    let tz = plan_zone(store).unwrap_or(chrono_tz::UTC);
                    t.with_timezone(&tz).date_naive().to_string()
                });
            let status = if delivered.as_ref().is_some_and(|d| d.ticked) {
                ProjectStatus::Delivered
            } else if any_work {
                ProjectStatus::InProgress
            } else {
                ProjectStatus::NotStarted
            };
            let delivered = delivered.ok_or_else(|| {
                CoreError::Internal(format!("project `{id}` has no delivery item"))
            })?;
            projects.push(ProjectCard {
                delivered,
                due: due_of(&a, due.as_deref(), week).map(|d| d.to_string()),
                id,
                title,
                summary,
                group,
                week,
                status,
                delivered_on,
                completeness: c,
                sections,
                readme,
                documents: doc_list
                    .into_iter()
                    .filter(|d| d.kind != "readme")
                    .collect(),
            });
        }
    }

    let mut once = Vec::new();
    let mut weekly: HashMap<u32, Vec<ChecklistCard>> = HashMap::new();
    for (lid, title, scope) in &lists {
        if scope == "project" {
            continue;
        }
        let rows_of = by_owner.get(lid.as_str()).cloned().unwrap_or_default();
        let mut copies: Vec<ChecklistCard> = Vec::new();
        for r in rows_of.iter().filter(|r| !r.project) {
            let v = item_view(r, &mut evidence)?;
            let pos = match copies.iter().position(|c| c.week == r.week) {
                Some(p) => p,
                None => {
                    copies.push(ChecklistCard {
                        list: lid.clone(),
                        title: title.clone(),
                        scope: scope.clone(),
                        week: r.week,
                        completeness: Tally::default(),
                        items: Vec::new(),
                    });
                    copies.len() - 1
                }
            };
            copies[pos].completeness.add(v.done);
            copies[pos].items.push(v);
        }
        for c in copies {
            total.merge(c.completeness);
            match c.week {
                Some(w) => {
                    week_done.entry(w).or_default().merge(c.completeness);
                    weekly.entry(w).or_default().push(c);
                }
                None => once.push(c),
            }
        }
    }
    let current_week = weeks
        .iter()
        .find(|w| w.2 <= a.today && a.today <= w.3)
        .map(|w| w.0);
    let week_cards = weeks
        .iter()
        .map(|(n, title, s, e)| WeekCard {
            number: *n,
            title: title.clone(),
            start: s.to_string(),
            end: e.to_string(),
            completeness: week_done.get(n).copied().unwrap_or_default(),
            projects: week_projects.remove(n).unwrap_or_default(),
            checklists: weekly.remove(n).unwrap_or_default(),
        })
        .collect();
    let matrices = lists
        .iter()
        .filter(|l| l.2 == "project")
        .map(|l| (l.0.clone(), l.1.clone()))
        .collect();
    Ok(PortfolioView {
        plan_id: a.id.clone(),
        plan_title: a.title.clone(),
        today: a.today.to_string(),
        current_week,
        completeness: total,
        projects,
        weeks: week_cards,
        checklists: once,
        history,
        matrices,
    })
}

/// The README's state, and the Markdown files it links to that exist in
/// the workspace (its ADRs, notes): workspace-relative paths.
fn readme_state(
    ws: &Path,
    path: &str,
    outline: &[String],
    deliverables: &[String],
) -> (ReadmeState, Vec<String>) {
    match files::read(&ws.join(path)) {
        Ok(Some(f)) => {
            let c = readme::check(&f.text, outline, deliverables);
            let state = ReadmeState {
                path: path.to_string(),
                missing: false,
                written: c.written,
                total: c.total,
                percent: c.percent,
            };
            (state, linked_docs(ws, path, &f.text))
        }
        _ => (
            ReadmeState {
                path: path.to_string(),
                missing: true,
                written: 0,
                total: outline.len() as u32,
                percent: 0,
            },
            Vec::new(),
        ),
    }
}

/// Relative links from the Markdown file `from` (workspace-relative) to
/// `.md` files inside the workspace that exist, as workspace-relative paths.
fn linked_docs(ws: &Path, from: &str, text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let base: Vec<&str> = from.split('/').collect();
    let dir = &base[..base.len().saturating_sub(1)];
    let mut out: Vec<String> = Vec::new();
    for ev in Parser::new(text) {
        let Event::Start(Tag::Link { dest_url, .. }) = ev else {
            continue;
        };
        let dest = dest_url.split(['#', '?']).next().unwrap_or("");
        if dest.contains(':') || dest.starts_with('/') || !dest.ends_with(".md") {
            continue;
        }
        let mut parts: Vec<&str> = dir.to_vec();
        let mut inside = true;
        for seg in dest.split('/') {
            match seg {
                "" | "." => {}
                ".." => inside &= parts.pop().is_some(),
                s => parts.push(s),
            }
        }
        let rel = parts.join("/");
        if inside && !out.contains(&rel) && rel != from && ws.join(&rel).is_file() {
            out.push(rel);
        }
    }
    out
}

/// Look an item up for a change: `NotFound` for an unknown id (with how
/// to list ids), `InvalidInput` for an item the plan no longer has.
fn item_for_change(conn: &rusqlite::Connection, plan_id: &str, item: &str) -> Result<()> {
    let present: Option<bool> = conn
        .query_row(
            "SELECT present FROM portfolio_items WHERE plan_id = ?1 AND id = ?2",
            params![plan_id, item],
            |r| r.get(0),
        )
        .optional()?;
    match present {
        Some(true) => Ok(()),
        Some(false) => Err(CoreError::InvalidInput(format!(
            "`{}` is no longer in the plan; it is kept in history as it was",
            evidence::shown(item)
        ))),
        None => Err(CoreError::NotFound(format!(
            "no portfolio item `{}`; `studyplan portfolio` lists every item with its id",
            evidence::shown(item)
        ))),
    }
}

/// Tick (`done`) or untick item `item` by hand; returns the portfolio.
/// Unticking an item filled from data leaves it done while its measures
/// are met.
pub fn check(
    store: &mut Store,
    item: &str,
    done: bool,
    now: DateTime<Utc>,
) -> Result<PortfolioView> {
    set_tick(store, item, done.then_some(now), now)
}

/// Tick item `item` as done on local day `day` of the plan's zone (e.g. a
/// project delivered before it was recorded): at noon that day. `day` may
/// not be after today.
pub fn check_on(
    store: &mut Store,
    item: &str,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PortfolioView> {
    let tz = plan_zone(store)?;
    if day > now.with_timezone(&tz).date_naive() {
        return Err(CoreError::InvalidInput(format!(
            "{day} is in the future; tick it on the day it is done"
        )));
    }
    let noon = day
        .and_hms_opt(12, 0, 0)
        .and_then(|t| t.and_local_timezone(tz).earliest())
        .ok_or_else(|| CoreError::InvalidInput(format!("{day} has no noon in {tz}")))?;
    set_tick(store, item, Some(noon.with_timezone(&Utc)), now)
}

fn set_tick(
    store: &mut Store,
    item: &str,
    at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<PortfolioView> {
    ensure_synced(store)?;
    let a = active(store, now)?;
    let explicit = at.is_some_and(|t| t != now);
    let at = at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true));
    let tx = store.immediate()?;
    item_for_change(&tx, &a.id, item)?;
    // A repeated tick keeps the first tick's time unless a day was given.
    tx.execute(
        "UPDATE portfolio_items SET done = ?3 IS NOT NULL,
           done_at = CASE WHEN ?3 IS NULL THEN NULL WHEN done AND NOT ?4 THEN done_at ELSE ?3 END
         WHERE plan_id = ?1 AND id = ?2",
        params![a.id, item, at, explicit],
    )?;
    tx.commit()?;
    build(store, now)
}

/// Attach evidence `input` (see [`evidence`]) to item `item`; `repo` names
/// a commit's repository. Attaching the same evidence twice is a no-op.
pub fn add_evidence(
    store: &mut Store,
    item: &str,
    input: &str,
    repo: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<PortfolioView> {
    ensure_synced(store)?;
    let a = active(store, now)?;
    item_for_change(store.conn(), &a.id, item)?;
    let e = evidence::parse(input, repo, &a.workspace)?;
    let at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let tx = store.immediate()?;
    item_for_change(&tx, &a.id, item)?;
    tx.execute(
        "INSERT INTO portfolio_evidence (plan_id, item_id, kind, value, repo, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (plan_id, item_id, kind, value, repo) DO NOTHING",
        params![a.id, item, e.kind.as_str(), e.value, e.repo, at],
    )?;
    tx.commit()?;
    build(store, now)
}

/// Remove evidence `id` (from [`EvidenceView::id`]) of item `item`:
/// `NotFound` when that item holds no such evidence.
pub fn remove_evidence(
    store: &mut Store,
    item: &str,
    id: i64,
    now: DateTime<Utc>,
) -> Result<PortfolioView> {
    let a = active(store, now)?;
    let tx = store.immediate()?;
    item_for_change(&tx, &a.id, item)?;
    let n = tx.execute(
        "DELETE FROM portfolio_evidence WHERE plan_id = ?1 AND item_id = ?2 AND id = ?3",
        params![a.id, item, id],
    )?;
    if n == 0 {
        return Err(CoreError::NotFound(format!(
            "`{item}` has no evidence {id}; `studyplan portfolio` lists each item's evidence with its id"
        )));
    }
    tx.commit()?;
    build(store, now)
}

/// Sync inside a plan load (see [`items::sync`]).
pub(crate) fn sync_in_load(
    tx: &rusqlite::Transaction,
    plan_id: &str,
    plan: &crate::plan::model::PlanFile,
    source_hash: &str,
) -> Result<Vec<GoneItem>> {
    items::sync(tx, plan_id, plan, source_hash)
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn parse(s: &str) -> Result<Format> {
        match s {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            _ => Err(CoreError::InvalidInput(format!(
                "export as `md` or `html`, not `{s}`"
            ))),
        }
    }
    /// The file an export goes to when none is named: in the workspace.
    fn default_name(self) -> &'static str {
        match self {
            Format::Markdown => "portfolio.md",
            Format::Html => "portfolio.html",
        }
    }
}

/// Export the portfolio (`scope`) as `format` to `path` (default:
/// `portfolio.md` / `portfolio.html` in the documents workspace). Markdown
/// replaces only the marked section of an existing file (see [`markdown`]);
/// an existing page is replaced when studyplan wrote it, else only with
/// `force`.
pub fn export_file(
    store: &mut Store,
    format: Format,
    scope: &markdown::Scope,
    path: Option<&Path>,
    force: bool,
    now: DateTime<Utc>,
) -> Result<markdown::ExportReport> {
    let text = export_text(store, format, scope, now)?;
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => {
            let ws = active(store, now)?.workspace;
            std::fs::create_dir_all(&ws).map_err(|e| CoreError::io("cannot create", &ws, e))?;
            ws.join(format.default_name())
        }
    };
    match format {
        Format::Markdown => markdown::write(&path, &text, true, force),
        Format::Html => {
            let ours = files::read(&path)
                .ok()
                .flatten()
                .is_some_and(|f| f.text.contains(html::GENERATOR));
            markdown::write(&path, &text, false, force || ours)
        }
    }
}

/// The export of `scope` as `format`, as text (for `-`, standard output).
pub fn export_text(
    store: &mut Store,
    format: Format,
    scope: &markdown::Scope,
    now: DateTime<Utc>,
) -> Result<String> {
    let v = view(store, now)?;
    match format {
        Format::Markdown => markdown::export(&v, scope),
        Format::Html if *scope == markdown::Scope::All => Ok(html::page(&v)),
        Format::Html => Err(CoreError::InvalidInput(
            "the HTML page shows the whole portfolio; export a project or a week as md".into(),
        )),
    }
}

/// Import the Markdown file at `path` (default: `portfolio.md` in the
/// documents workspace); see [`markdown::import`].
pub fn import_file(
    store: &mut Store,
    path: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<markdown::ImportReport> {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => active(store, now)?
            .workspace
            .join(Format::Markdown.default_name()),
    };
    markdown::import(store, &path, now)
}
