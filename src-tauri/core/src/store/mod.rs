//! SQLite persistence: one file shared by the app and the CLI.
//!
//! Opened in WAL mode with `synchronous=FULL` (a finished write survives a
//! power cut), foreign keys on and a busy timeout so the app and the CLI can
//! use the file at the same time. Every multi-row write is one transaction.

pub mod agenda;
pub mod blocks;
pub mod migrate;
pub mod moves;
pub mod plans;
pub mod progress;
pub mod replan;
pub mod settings;

use crate::error::{CoreError, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Environment variable that overrides the database location.
pub const DB_ENV: &str = "STUDYPLAN_DB";

pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

/// The default database file: `$XDG_DATA_HOME/studyplan/studyplan.db` on Linux.
pub fn default_db_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dirs =
        directories::ProjectDirs::from("app", "studyplan", "studyplan").ok_or_else(|| {
            CoreError::Io(
                "no home directory to keep the database in; pass --db or set STUDYPLAN_DB".into(),
            )
        })?;
    Ok(dirs.data_dir().join("studyplan.db"))
}

/// `studyplan.db` → `studyplan.db.lock`, beside it.
fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    db.with_file_name(name)
}

impl Store {
    /// Open (creating if needed) the database at `path` and migrate it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| CoreError::io("cannot create the folder", dir, e))?;
        }
        // Setting up a file (WAL switch, migrations) is done by one process
        // at a time: the app and the CLI opening a new database together
        // otherwise race on the first migration ("table settings already
        // exists") or on the journal-mode switch ("database is locked").
        // An advisory lock on a sibling file, held only while opening.
        let lock_path = lock_path(path);
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| CoreError::io("cannot open", &lock_path, e))?;
        lock.lock()
            .map_err(|e| CoreError::io("cannot lock", &lock_path, e))?;
        let conn = Connection::open(path)
            .map_err(|e| CoreError::Storage(format!("cannot open {}: {e}", path.display())))?;
        let store = Self::init(conn, Some(path.to_path_buf()));
        drop(lock);
        store
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::migrate(&mut conn, path.as_deref())?;
        Ok(Store { conn, path })
    }

    /// The connection, for domain modules that read (documents, ...).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A write transaction that takes the database's write lock at once
    /// (`BEGIN IMMEDIATE`), for changes that read before they write: no
    /// other writer can slip in between the read and the write.
    pub(crate) fn immediate(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<u32> {
        migrate::version(&self.conn)
    }
}

/// What the Settings place shows about the installation.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: u32,
    /// The system's time zone.
    pub timezone: String,
}

impl Store {
    pub fn app_info(&self) -> Result<AppInfo> {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| ":memory:".into()),
            schema_version: self.schema_version()?,
            timezone: crate::schedule::tz::system_zone().name().to_string(),
        })
    }

    /// Load the default shipped plan when the database holds no plan yet
    /// (first start). Returns whether it loaded one.
    pub fn ensure_default_plan(&mut self, now: chrono::DateTime<chrono::Utc>) -> Result<bool> {
        if self.has_plans()? {
            return Ok(false);
        }
        let (name, text) = crate::shipped::get(crate::shipped::DEFAULT_PLAN).ok_or_else(|| {
            CoreError::Internal(format!(
                "shipped plan {} is missing",
                crate::shipped::DEFAULT_PLAN
            ))
        })?;
        self.load_plan(
            &format!("plans/{name}"),
            text,
            &plans::LoadOptions::default(),
            now,
        )?;
        Ok(true)
    }
}
