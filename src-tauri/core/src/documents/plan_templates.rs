//! The plan's `[[documents]]` templates (`document_templates` table): what
//! a plan says its ADRs, READMEs and logs hold. Replaced wholesale on each
//! plan load (they carry no user state); read by the Documents place.

use crate::error::Result;
use crate::plan::model::PlanFile;
use crate::store::Store;
use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DocumentTemplateView {
    pub id: String,
    pub plan_id: String,
    pub title: String,
    /// `adr`, `readme`, `daily-log` or `other` (as in the plan file).
    pub kind: String,
    /// Section names, in order.
    pub fields: Vec<String>,
}

/// Store `plan`'s templates under `plan_id`, replacing what was there.
pub(crate) fn replace(tx: &Transaction, plan_id: &str, plan: &PlanFile) -> Result<()> {
    tx.execute(
        "DELETE FROM document_templates WHERE plan_id = ?1",
        [plan_id],
    )?;
    let mut st = tx.prepare(
        "INSERT INTO document_templates (plan_id, id, seq, title, kind, fields_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, d) in plan.documents.iter().enumerate() {
        st.execute(params![
            plan_id,
            d.id.value,
            i as i64,
            d.title,
            d.kind,
            serde_json::to_string(&d.fields)?
        ])?;
    }
    Ok(())
}

/// The active plan's document templates, in plan order.
pub fn list(store: &Store) -> Result<Vec<DocumentTemplateView>> {
    let mut st = store.conn().prepare(
        "SELECT d.plan_id, d.id, d.title, d.kind, d.fields_json FROM document_templates d JOIN plans p ON p.id = d.plan_id
         WHERE p.active = 1 ORDER BY d.seq",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (plan_id, id, title, kind, fields) = row?;
        out.push(DocumentTemplateView {
            id,
            plan_id,
            title,
            kind,
            fields: serde_json::from_str(&fields)?,
        });
    }
    Ok(out)
}
