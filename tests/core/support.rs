//! Shared helpers: a fresh database file per test and the shipped plans.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use studyplan_core::store::plans::LoadOptions;
use studyplan_core::{shipped, Store};

pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl TestDb {
    pub fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("studyplan.db")
    }
    pub fn reopen(self) -> TestDb {
        let TestDb { dir, store } = self;
        drop(store);
        let store = Store::open(&dir.path().join("studyplan.db")).unwrap();
        TestDb { dir, store }
    }
}

pub fn fresh() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("studyplan.db")).unwrap();
    TestDb { dir, store }
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 8, 1, 12, 0, 0).unwrap()
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn shipped_text(id: &str) -> &'static str {
    shipped::get(id)
        .unwrap_or_else(|| panic!("shipped plan {id} missing"))
        .1
}

/// Load a shipped plan in a fixed zone so times don't depend on the machine.
pub fn load_shipped(db: &mut TestDb, id: &str, tz: &str, start: Option<&str>) {
    let opts = LoadOptions {
        start: start.map(date),
        tz: Some(tz.into()),
        variant: None,
    };
    db.store
        .load_plan(&format!("plans/{id}.toml"), shipped_text(id), &opts, now())
        .unwrap();
}
