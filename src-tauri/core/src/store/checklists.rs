//! Portfolio checklists: the plan's checklists, projects' success criteria,
//! and their ticked state, which survives reloading the plan.

use super::Store;
use crate::error::{CoreError, Result};
use crate::plan::model::PlanFile;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::HashSet;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ChecklistItemView {
    /// Row id; SQLite ids stay far below 2^53, so a JS number holds them.
    #[ts(type = "number")]
    pub id: i64,
    pub group: Option<String>,
    pub text: String,
    pub done: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ChecklistView {
    pub id: String,
    pub plan_id: String,
    pub title: String,
    pub scope: String,
    pub done: u32,
    pub total: u32,
    pub items: Vec<ChecklistItemView>,
}

/// One checklist as the plan defines it, before it is stored.
struct PlanChecklist {
    id: String,
    title: String,
    scope: String,
    /// (group, text) per item, in order.
    items: Vec<(Option<String>, String)>,
}

/// A plan's checklists: its own, then one "success criteria" list per
/// project that has any.
fn plan_checklists(plan: &PlanFile) -> Vec<PlanChecklist> {
    let mut out = Vec::new();
    for c in &plan.checklists {
        let mut items: Vec<(Option<String>, String)> =
            c.items.iter().map(|t| (None, t.clone())).collect();
        for g in &c.groups {
            items.extend(g.items.iter().map(|t| (Some(g.title.clone()), t.clone())));
        }
        let scope = c
            .scope
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_else(|| "once".into());
        out.push(PlanChecklist {
            id: c.id.value.clone(),
            title: c.title.clone(),
            scope,
            items,
        });
    }
    for p in &plan.projects {
        if !p.success_criteria.is_empty() {
            out.push(PlanChecklist {
                id: format!("project-{}", p.id.value),
                title: format!("{} — success criteria", p.title),
                scope: "project".into(),
                items: p
                    .success_criteria
                    .iter()
                    .map(|t| (None, t.clone()))
                    .collect(),
            });
        }
    }
    out
}

/// Replace the plan's checklists, keeping the ticks of items whose text is unchanged.
pub(crate) fn sync_checklists(tx: &Transaction, plan: &PlanFile) -> Result<()> {
    let pid = plan.id.value.as_str();
    let lists = plan_checklists(plan);
    let keep: HashSet<&str> = lists.iter().map(|l| l.id.as_str()).collect();
    {
        let mut st = tx.prepare("SELECT id FROM checklists WHERE plan_id = ?1")?;
        let existing: Vec<String> = st
            .query_map([pid], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in existing.iter().filter(|id| !keep.contains(id.as_str())) {
            tx.execute(
                "DELETE FROM checklists WHERE plan_id = ?1 AND id = ?2",
                params![pid, id],
            )?;
        }
    }
    let mut up = tx.prepare(
        "INSERT INTO checklists (plan_id, id, seq, title, scope) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (plan_id, id) DO UPDATE SET seq = excluded.seq, title = excluded.title, scope = excluded.scope",
    )?;
    let mut item = tx.prepare(
        "INSERT INTO checklist_items (plan_id, checklist_id, seq, grp, text) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (plan_id, checklist_id, grp, text) DO UPDATE SET seq = excluded.seq",
    )?;
    for (
        i,
        PlanChecklist {
            id,
            title,
            scope,
            items,
        },
    ) in lists.iter().enumerate()
    {
        up.execute(params![pid, id, i as i64, title, scope])?;
        // Mark, then upsert, then drop what the new plan no longer lists.
        tx.execute(
            "UPDATE checklist_items SET seq = -1 WHERE plan_id = ?1 AND checklist_id = ?2",
            params![pid, id],
        )?;
        for (j, (grp, text)) in items.iter().enumerate() {
            item.execute(params![
                pid,
                id,
                j as i64,
                grp.as_deref().unwrap_or(""),
                text
            ])?;
        }
        tx.execute(
            "DELETE FROM checklist_items WHERE plan_id = ?1 AND checklist_id = ?2 AND seq = -1",
            params![pid, id],
        )?;
    }
    Ok(())
}

impl Store {
    /// The active plan's checklists with their progress.
    pub fn portfolio(&self) -> Result<Vec<ChecklistView>> {
        let mut st = self.conn.prepare(
            "SELECT c.plan_id, c.id, c.title, c.scope FROM checklists c JOIN plans p ON p.id = c.plan_id
             WHERE p.active = 1 ORDER BY c.seq",
        )?;
        let heads = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for h in heads {
            let (plan_id, id, title, scope) = h?;
            out.push(self.checklist_view(plan_id, id, title, scope)?);
        }
        Ok(out)
    }

    fn checklist_view(
        &self,
        plan_id: String,
        id: String,
        title: String,
        scope: String,
    ) -> Result<ChecklistView> {
        let mut st = self.conn.prepare("SELECT id, grp, text, done FROM checklist_items WHERE plan_id = ?1 AND checklist_id = ?2 ORDER BY seq")?;
        let items = st
            .query_map(params![plan_id, id], |r| {
                Ok(ChecklistItemView {
                    id: r.get(0)?,
                    group: r
                        .get::<_, String>(1)
                        .map(|g| Some(g).filter(|g| !g.is_empty()))?,
                    text: r.get(2)?,
                    done: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let done = items.iter().filter(|i| i.done).count() as u32;
        Ok(ChecklistView {
            id,
            plan_id,
            title,
            scope,
            done,
            total: items.len() as u32,
            items,
        })
    }

    /// Tick or untick one item; returns its checklist as it now stands.
    pub fn checklist_set(
        &mut self,
        item_id: i64,
        done: bool,
        now: DateTime<Utc>,
    ) -> Result<ChecklistView> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT plan_id, checklist_id FROM checklist_items WHERE id = ?1",
                [item_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((plan_id, list_id)) = row else {
            return Err(CoreError::NotFound(format!("no checklist item {item_id}")));
        };
        let at = done.then(|| now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        self.conn.execute(
            "UPDATE checklist_items SET done = ?2, done_at = ?3 WHERE id = ?1",
            params![item_id, done, at],
        )?;
        let (title, scope): (String, String) = self.conn.query_row(
            "SELECT title, scope FROM checklists WHERE plan_id = ?1 AND id = ?2",
            params![plan_id, list_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        self.checklist_view(plan_id, list_id, title, scope)
    }
}
