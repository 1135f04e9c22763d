//! The state commands share: the one database connection, behind a lock.

use crate::error::{CmdResult, CommandError};
use std::sync::{Mutex, MutexGuard};
use studyplan_core::Store;

pub struct AppState {
    store: Mutex<Store>,
    path: Option<std::path::PathBuf>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState {
            path: store.path().map(|p| p.to_path_buf()),
            store: Mutex::new(store),
        }
    }

    /// A connection of its own to the same database, for work that waits on
    /// the network: the shared one stays free for the window meanwhile
    /// (SQLite serialises the short writes).
    pub fn own_connection(&self) -> CmdResult<Store> {
        match &self.path {
            Some(p) => Ok(Store::open(p)?),
            None => {
                Err(studyplan_core::CoreError::Internal("the database has no file".into()).into())
            }
        }
    }

    pub fn store(&self) -> CmdResult<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| CommandError::poisoned())
    }
}
