//! The plan's portfolio items under stable ids, and keeping the stored
//! items in step with the plan file.
//!
//! Ids (plans/README.md, "Checklists"): `<project>:<kind>:<slug>` for a
//! project's items, deliverables and success criteria,
//! `<project>:<list>:<slug>` for a project-scope checklist (the quality
//! criteria), `<project>:delivered` for its delivery, `<list>:<slug>` for a
//! once checklist and `<list>:w<week>:<slug>` for a weekly one's copy. The
//! slug comes from the text, so an id survives reordering and every edit
//! but one of the text's first words.

use crate::error::Result;
use crate::plan::model::{Checklist, PlanFile};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};

/// Longest slug, in bytes, before a collision suffix.
const SLUG_MAX: usize = 40;

/// One project as the plan defines it.
pub(crate) struct PlanProject {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub group: Option<String>,
    pub week: Option<u32>,
    pub due: Option<String>,
}

pub(crate) struct PlanList {
    pub id: String,
    pub title: String,
    pub scope: String,
}

/// One check item as the plan defines it.
pub(crate) struct PlanItem {
    pub id: String,
    pub owner: String,
    pub project: bool,
    pub week: Option<u32>,
    pub kind: &'static str,
    pub group: String,
    pub text: String,
    pub measures: Option<String>,
}

/// The item kinds of a project card, in card order, with their headings.
pub const PROJECT_KINDS: [(&str, &str); 3] = [
    ("item", "Items"),
    ("deliverable", "Deliverables"),
    ("criterion", "Success criteria"),
];

/// The slug of an item's text: its head (the text before a first `:` when
/// that is a short name such as "Code quality"), lower-case ASCII letters
/// and digits joined by `-`, cut at a word boundary.
pub fn slug(text: &str) -> String {
    let head = match text.split_once(':') {
        Some((h, _)) if (2..=SLUG_MAX).contains(&h.trim().len()) => h,
        _ => text,
    };
    let mut out = String::new();
    for word in head
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() && out.len() + 1 + word.len() > SLUG_MAX {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out.truncate(SLUG_MAX);
    if out.is_empty() {
        "item".into()
    } else {
        out
    }
}

/// Ids handed out so far; a repeated id gets `-2`, `-3`, ...
struct Ids(HashSet<String>);

impl Ids {
    fn take(&mut self, base: String) -> String {
        if self.0.insert(base.clone()) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| self.0.insert(c.clone()))
            .unwrap_or(base)
    }
}

fn list_texts(c: &Checklist) -> Vec<(String, String)> {
    c.items
        .iter()
        .map(|t| (String::new(), t.clone()))
        .chain(
            c.groups
                .iter()
                .flat_map(|g| g.items.iter().map(|t| (g.title.clone(), t.clone()))),
        )
        .collect()
}

fn measures_of(c: &Checklist, text: &str) -> Option<String> {
    c.measured
        .iter()
        .find(|m| !m.item.value.trim().is_empty() && text.starts_with(m.item.value.trim()))
        .map(|m| {
            m.from
                .iter()
                .map(|f| f.value.as_str())
                .collect::<Vec<_>>()
                .join(",")
        })
}

/// Everything the portfolio holds for `plan`, whose weeks are `weeks`.
pub(crate) fn derive(
    plan: &PlanFile,
    weeks: &[u32],
) -> (Vec<PlanProject>, Vec<PlanList>, Vec<PlanItem>) {
    let mut ids = Ids(HashSet::new());
    let mut items = Vec::new();
    let scope_of = |c: &Checklist| {
        c.scope
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_else(|| "once".into())
    };
    let per_project: Vec<&Checklist> = plan
        .checklists
        .iter()
        .filter(|c| scope_of(c) == "project")
        .collect();
    let mut projects = Vec::new();
    for p in &plan.projects {
        let pid = p.id.value.clone();
        projects.push(PlanProject {
            id: pid.clone(),
            title: p.title.clone(),
            summary: p.summary.clone(),
            group: p.group.clone(),
            week: p.week.as_ref().map(|w| w.value),
            due: p.due.as_ref().map(|d| d.value.0.to_string()),
        });
        let mut push = |kind: &'static str, group: String, base: String, text: &str| {
            items.push(PlanItem {
                id: ids.take(base),
                owner: pid.clone(),
                project: true,
                week: None,
                kind,
                group,
                text: text.to_string(),
                measures: None,
            });
        };
        push(
            "delivered",
            String::new(),
            format!("{pid}:delivered"),
            "Delivered",
        );
        for (kind, _) in PROJECT_KINDS {
            let texts = match kind {
                "item" => &p.items,
                "deliverable" => &p.deliverables,
                _ => &p.success_criteria,
            };
            for t in texts {
                push(kind, String::new(), format!("{pid}:{kind}:{}", slug(t)), t);
            }
        }
        for c in &per_project {
            for (_, t) in list_texts(c) {
                let base = format!("{pid}:{}:{}", c.id.value, slug(&t));
                push("quality", c.id.value.clone(), base, &t);
            }
        }
    }
    let mut lists = Vec::new();
    for c in &plan.checklists {
        let scope = scope_of(c);
        let lid = c.id.value.clone();
        lists.push(PlanList {
            id: lid.clone(),
            title: c.title.clone(),
            scope: scope.clone(),
        });
        let copies: Vec<Option<u32>> = match scope.as_str() {
            "weekly" => weeks.iter().map(|w| Some(*w)).collect(),
            "project" => Vec::new(),
            _ => vec![None],
        };
        for week in copies {
            for (group, t) in list_texts(c) {
                let base = match week {
                    Some(w) => format!("{lid}:w{w}:{}", slug(&t)),
                    None => format!("{lid}:{}", slug(&t)),
                };
                items.push(PlanItem {
                    id: ids.take(base),
                    owner: lid.clone(),
                    project: false,
                    week,
                    kind: "check",
                    group,
                    measures: measures_of(c, &t),
                    text: t,
                });
            }
        }
    }
    (projects, lists, items)
}

/// An item that held a tick or evidence and is no longer in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoneItem {
    pub id: String,
    pub text: String,
}

/// Bring plan `plan_id`'s stored portfolio in step with `plan` (inside the
/// plan load's or the caller's transaction). Ticks and evidence follow
/// their item's id; items that went away keep theirs (present = 0) and are
/// returned. On a plan's first sync, ticks from the 0002 checklist tables
/// are carried over by checklist and text.
pub(crate) fn sync(
    tx: &Transaction,
    plan_id: &str,
    plan: &PlanFile,
    source_hash: &str,
) -> Result<Vec<GoneItem>> {
    let weeks: Vec<u32> = {
        let mut st = tx.prepare("SELECT number FROM weeks WHERE plan_id = ?1 ORDER BY number")?;
        let rows = st.query_map([plan_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let first_sync = tx
        .query_row(
            "SELECT 1 FROM portfolio_sync WHERE plan_id = ?1",
            [plan_id],
            |_| Ok(()),
        )
        .optional()?
        .is_none();
    let (projects, lists, items) = derive(plan, &weeks);

    tx.execute(
        "UPDATE portfolio_projects SET present = 0 WHERE plan_id = ?1",
        [plan_id],
    )?;
    {
        let mut st = tx.prepare(
            "INSERT INTO portfolio_projects (plan_id, id, seq, title, summary, grp, week, due, present)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)
             ON CONFLICT (plan_id, id) DO UPDATE SET seq = excluded.seq, title = excluded.title,
               summary = excluded.summary, grp = excluded.grp, week = excluded.week, due = excluded.due, present = 1",
        )?;
        for (i, p) in projects.iter().enumerate() {
            st.execute(params![
                plan_id, p.id, i as i64, p.title, p.summary, p.group, p.week, p.due
            ])?;
        }
    }
    tx.execute(
        "UPDATE portfolio_lists SET present = 0 WHERE plan_id = ?1",
        [plan_id],
    )?;
    {
        let mut st = tx.prepare(
            "INSERT INTO portfolio_lists (plan_id, id, seq, title, scope, present) VALUES (?1, ?2, ?3, ?4, ?5, 1)
             ON CONFLICT (plan_id, id) DO UPDATE SET seq = excluded.seq, title = excluded.title, scope = excluded.scope, present = 1",
        )?;
        for (i, l) in lists.iter().enumerate() {
            st.execute(params![plan_id, l.id, i as i64, l.title, l.scope])?;
        }
    }

    let was_present: HashSet<String> = {
        let mut st =
            tx.prepare("SELECT id FROM portfolio_items WHERE plan_id = ?1 AND present = 1")?;
        let rows = st.query_map([plan_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    tx.execute(
        "UPDATE portfolio_items SET present = 0 WHERE plan_id = ?1",
        [plan_id],
    )?;
    {
        let mut st = tx.prepare(
            "INSERT INTO portfolio_items (plan_id, id, seq, owner, project, week, kind, grp, text, measures, present)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1)
             ON CONFLICT (plan_id, id) DO UPDATE SET seq = excluded.seq, owner = excluded.owner,
               project = excluded.project, week = excluded.week, kind = excluded.kind, grp = excluded.grp,
               text = excluded.text, measures = excluded.measures, present = 1",
        )?;
        for (i, it) in items.iter().enumerate() {
            st.execute(params![
                plan_id,
                it.id,
                i as i64,
                it.owner,
                it.project,
                it.week,
                it.kind,
                it.group,
                it.text,
                it.measures
            ])?;
        }
    }
    // Items that went away: kept when they hold a tick or evidence, else dropped.
    let mut gone = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT i.id, i.text, i.done OR EXISTS (SELECT 1 FROM portfolio_evidence e WHERE e.plan_id = i.plan_id AND e.item_id = i.id)
             FROM portfolio_items i WHERE i.plan_id = ?1 AND i.present = 0 ORDER BY i.seq",
        )?;
        let rows = st.query_map([plan_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?;
        for row in rows {
            let (id, text, kept) = row?;
            if kept && was_present.contains(&id) {
                gone.push(GoneItem { id, text });
            } else if !kept {
                tx.execute(
                    "DELETE FROM portfolio_items WHERE plan_id = ?1 AND id = ?2",
                    params![plan_id, id],
                )?;
            }
        }
    }
    if first_sync {
        carry_legacy_ticks(tx, plan_id, &items)?;
    }
    tx.execute(
        "INSERT INTO portfolio_sync (plan_id, source_hash) VALUES (?1, ?2)
         ON CONFLICT (plan_id) DO UPDATE SET source_hash = excluded.source_hash",
        params![plan_id, source_hash],
    )?;
    Ok(gone)
}

/// Ticks made before portfolio items had ids (schema 0002): a once list's
/// tick goes to its item, a weekly list's to the copy of the week it was
/// made in, a project's success criterion (`project-<id>`) to the criterion.
fn carry_legacy_ticks(tx: &Transaction, plan_id: &str, items: &[PlanItem]) -> Result<()> {
    let legacy: Vec<(String, String, Option<String>)> = {
        let mut st = tx.prepare(
            "SELECT checklist_id, text, done_at FROM checklist_items WHERE plan_id = ?1 AND done = 1",
        )?;
        let rows = st.query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if legacy.is_empty() {
        return Ok(());
    }
    let week_of = |at: &Option<String>| -> Result<Option<u32>> {
        let Some(day) = at.as_deref().and_then(|a| a.get(..10)) else {
            return Ok(None);
        };
        Ok(tx
            .query_row(
                "SELECT number FROM weeks WHERE plan_id = ?1 AND start_date <= ?2 AND end_date >= ?2",
                params![plan_id, day],
                |r| r.get(0),
            )
            .optional()?)
    };
    let mut by_key: HashMap<(&str, &str, Option<u32>), &str> = HashMap::new();
    for it in items {
        let owner = if it.kind == "criterion" {
            // Legacy success-criteria lists were named `project-<id>`.
            continue;
        } else {
            it.owner.as_str()
        };
        by_key.insert((owner, it.text.as_str(), it.week), it.id.as_str());
    }
    let criteria: HashMap<(String, &str), &str> = items
        .iter()
        .filter(|i| i.kind == "criterion")
        .map(|i| {
            (
                (format!("project-{}", i.owner), i.text.as_str()),
                i.id.as_str(),
            )
        })
        .collect();
    for (list, text, at) in &legacy {
        let week = week_of(at)?;
        let target = by_key
            .get(&(list.as_str(), text.as_str(), None))
            .or_else(|| by_key.get(&(list.as_str(), text.as_str(), week)))
            .or_else(|| criteria.get(&(list.clone(), text.as_str())));
        if let Some(id) = target {
            tx.execute(
                "UPDATE portfolio_items SET done = 1, done_at = ?3 WHERE plan_id = ?1 AND id = ?2",
                params![plan_id, id, at],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_name_the_head_of_an_item() {
        assert_eq!(
            slug("Code quality: linted, typed (where reasonable), unit tests"),
            "code-quality"
        );
        assert_eq!(
            slug("Python DSA: 25–35 problems, notes logged"),
            "python-dsa"
        );
        assert_eq!(
            slug("Parse nginx/app logs → staging → cleaned → marts in Postgres."),
            "parse-nginx-app-logs-staging-cleaned"
        );
        assert_eq!(slug("→ ←"), "item");
        assert!(slug(&"word ".repeat(100)).len() <= SLUG_MAX);
        // A colon late in a long sentence does not make its start the name.
        assert_eq!(
            slug("Option A (Refactor Existing Pipeline): Select one of the team's pipelines"),
            "option-a-refactor-existing-pipeline"
        );
    }

    #[test]
    fn repeated_slugs_get_a_suffix() {
        let mut ids = Ids(HashSet::new());
        assert_eq!(ids.take("a:x".into()), "a:x");
        assert_eq!(ids.take("a:x".into()), "a:x-2");
        assert_eq!(ids.take("a:x".into()), "a:x-3");
    }
}
