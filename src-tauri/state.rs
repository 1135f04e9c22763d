//! The state commands share: the one database connection, behind a lock.

use crate::error::{CmdResult, CommandError};
use std::sync::{Mutex, MutexGuard};
use studyplan_core::Store;

pub struct AppState {
    store: Mutex<Store>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState {
            store: Mutex::new(store),
        }
    }

    pub fn store(&self) -> CmdResult<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| CommandError::poisoned())
    }
}
