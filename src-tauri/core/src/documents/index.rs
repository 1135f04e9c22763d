//! The documents index: which files the app knows, their links to the plan,
//! the hash last seen, ADR status dates and recovery drafts. Files on disk
//! are the truth; every function here takes a connection or transaction
//! from `Store` and touches only this module's tables.

use super::StatusChange;
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// What the index remembers of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexRow {
    pub kind: String,
    pub template: Option<String>,
    pub project: Option<String>,
    pub week: Option<u32>,
    pub date: Option<String>,
    pub hash: String,
}

pub fn get(conn: &Connection, plan: &str, path: &str) -> Result<Option<IndexRow>> {
    Ok(conn
        .query_row(
            "SELECT kind, template, project, week, date, hash FROM documents WHERE plan_id = ?1 AND path = ?2",
            params![plan, path],
            |r| {
                Ok(IndexRow {
                    kind: r.get(0)?,
                    template: r.get(1)?,
                    project: r.get(2)?,
                    week: r.get(3)?,
                    date: r.get(4)?,
                    hash: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// Every indexed path of `plan` with its row.
pub fn all(conn: &Connection, plan: &str) -> Result<Vec<(String, IndexRow)>> {
    let mut st = conn.prepare(
        "SELECT path, kind, template, project, week, date, hash FROM documents WHERE plan_id = ?1 ORDER BY path",
    )?;
    let rows = st.query_map([plan], |r| {
        Ok((
            r.get(0)?,
            IndexRow {
                kind: r.get(1)?,
                template: r.get(2)?,
                project: r.get(3)?,
                week: r.get(4)?,
                date: r.get(5)?,
                hash: r.get(6)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Insert or update a row; links already known are kept when `row` has none.
pub fn put(conn: &Connection, plan: &str, path: &str, row: &IndexRow) -> Result<()> {
    conn.execute(
        "INSERT INTO documents (plan_id, path, kind, template, project, week, date, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (plan_id, path) DO UPDATE SET kind = excluded.kind,
           template = COALESCE(excluded.template, template), project = COALESCE(excluded.project, project),
           week = COALESCE(excluded.week, week), date = COALESCE(excluded.date, date), hash = excluded.hash",
        params![plan, path, row.kind, row.template, row.project, row.week, row.date, row.hash],
    )?;
    Ok(())
}

/// Drop the row of a file that is no longer in the workspace (status
/// dates and drafts stay: the file may come back).
pub fn forget(conn: &Connection, plan: &str, path: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM documents WHERE plan_id = ?1 AND path = ?2",
        params![plan, path],
    )?;
    Ok(())
}

/// Status changes of one ADR, oldest first.
pub fn status_history(conn: &Connection, plan: &str, path: &str) -> Result<Vec<StatusChange>> {
    let mut st = conn.prepare_cached(
        "SELECT status, changed_on FROM adr_status_changes WHERE plan_id = ?1 AND path = ?2 ORDER BY id",
    )?;
    let rows = st.query_map(params![plan, path], |r| {
        Ok(StatusChange {
            status: r.get(0)?,
            date: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Record `status` for the ADR at `path` on `date`, unless it is already
/// the last one recorded.
pub fn record_status(
    conn: &Connection,
    plan: &str,
    path: &str,
    status: &str,
    date: &str,
) -> Result<bool> {
    let last: Option<String> = conn
        .query_row(
            "SELECT status FROM adr_status_changes WHERE plan_id = ?1 AND path = ?2 ORDER BY id DESC LIMIT 1",
            params![plan, path],
            |r| r.get(0),
        )
        .optional()?;
    if last.as_deref().map(|l| l.eq_ignore_ascii_case(status)) == Some(true) {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO adr_status_changes (plan_id, path, status, changed_on) VALUES (?1, ?2, ?3, ?4)",
        params![plan, path, status, date],
    )?;
    Ok(true)
}

/// The recovery draft of `path`: (text, base hash, saved at).
pub fn draft(
    conn: &Connection,
    plan: &str,
    path: &str,
) -> Result<Option<(String, String, String)>> {
    Ok(conn
        .query_row(
            "SELECT text, base_hash, saved_at FROM document_drafts WHERE plan_id = ?1 AND path = ?2",
            params![plan, path],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

pub fn put_draft(
    conn: &Connection,
    plan: &str,
    path: &str,
    text: &str,
    base: &str,
    at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO document_drafts (plan_id, path, text, base_hash, saved_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (plan_id, path) DO UPDATE SET text = excluded.text, base_hash = excluded.base_hash, saved_at = excluded.saved_at",
        params![plan, path, text, base, at],
    )?;
    Ok(())
}

pub fn drop_draft(conn: &Connection, plan: &str, path: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM document_drafts WHERE plan_id = ?1 AND path = ?2",
        params![plan, path],
    )?;
    Ok(())
}
