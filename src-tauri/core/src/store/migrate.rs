//! Schema migrations: numbered SQL files embedded in the binary, the version
//! kept in `PRAGMA user_version`, a backup copy of the file before each step.

use crate::error::{CoreError, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Migration `i` (0-based) takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_plans_and_blocks",
        include_str!("../../migrations/0001_plans_and_blocks.sql"),
    ),
    (
        "0002_portfolio",
        include_str!("../../migrations/0002_portfolio.sql"),
    ),
    (
        "0003_reminders",
        include_str!("../../migrations/0003_reminders.sql"),
    ),
    (
        "0004_documents",
        include_str!("../../migrations/0004_documents.sql"),
    ),
    (
        "0005_mistakes",
        include_str!("../../migrations/0005_mistakes.sql"),
    ),
    (
        "0006_portfolio_items",
        include_str!("../../migrations/0006_portfolio_items.sql"),
    ),
    (
        "0007_exams",
        include_str!("../../migrations/0007_exams.sql"),
    ),
    ("0008_busy", include_str!("../../migrations/0008_busy.sql")),
    ("0009_sync", include_str!("../../migrations/0009_sync.sql")),
    (
        "0010_sync_tokens",
        include_str!("../../migrations/0010_sync_tokens.sql"),
    ),
    ("0011_team", include_str!("../../migrations/0011_team.sql")),
];

pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))?)
}

/// Where the copy made before migrating from `from` is written.
pub fn backup_path(db: &Path, from: u32) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".v{from}.bak"));
    db.with_file_name(name)
}

/// Bring the schema up to date. `db` is the file on disk (None for in-memory
/// databases), used for the backup copy taken before touching a database
/// that already holds data.
pub fn migrate(conn: &mut Connection, db: Option<&Path>) -> Result<u32> {
    let from = version(conn)?;
    if from > latest() {
        return Err(CoreError::Storage(format!(
            "the database is at schema version {from}, newer than this studyplan ({}); update studyplan",
            latest()
        )));
    }
    if from == latest() {
        return Ok(from);
    }
    if let (Some(path), true) = (db, from > 0) {
        let bak = backup_path(path, from);
        let _ = std::fs::remove_file(&bak);
        conn.execute("VACUUM INTO ?1", [bak.to_string_lossy()])?;
    }
    for (i, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
    }
    Ok(latest())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn empty_database_reaches_latest() {
        let mut c = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut c, None).unwrap(), latest());
        let t = tables(&c);
        for want in [
            "blocks",
            "block_events",
            "checklist_items",
            "plans",
            "settings",
        ] {
            assert!(t.contains(&want.to_string()), "{want} missing from {t:?}");
        }
        // Idempotent.
        assert_eq!(migrate(&mut c, None).unwrap(), latest());
    }

    #[test]
    fn every_older_version_upgrades_keeping_data_and_a_backup() {
        for start in 1..latest() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("s.db");
            let mut c = Connection::open(&path).unwrap();
            for (i, (_, sql)) in MIGRATIONS.iter().enumerate().take(start as usize) {
                c.execute_batch(sql).unwrap();
                c.pragma_update(None, "user_version", i as u32 + 1).unwrap();
            }
            c.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])
                .unwrap();
            assert_eq!(migrate(&mut c, Some(&path)).unwrap(), latest());
            let v: String = c
                .query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(v, "v");
            let bak = Connection::open(backup_path(&path, start)).unwrap();
            assert_eq!(
                version(&bak).unwrap(),
                start,
                "backup keeps the old version"
            );
        }
    }

    #[test]
    fn newer_database_is_refused() {
        let mut c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "user_version", latest() + 1).unwrap();
        let e = migrate(&mut c, None).unwrap_err();
        assert!(e.to_string().contains("newer than this studyplan"), "{e}");
    }
}
