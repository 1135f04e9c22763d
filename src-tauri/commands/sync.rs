//! CalDAV sync (studyplan_core::sync): the account, its state, and "sync
//! now". Each is one call into core; the network waits on a connection of
//! its own so the window's commands never queue behind it.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::sync::{self, secret::Keyring, AccountView, SyncReport};
use tauri::State;

/// The account and its last sync; null when none is set.
#[tauri::command(async)]
pub fn sync_status(state: State<'_, AppState>) -> CmdResult<Option<AccountView>> {
    Ok(sync::account(&*state.store()?)?)
}

/// Set the account; the password goes to the system keyring.
#[tauri::command(async)]
pub fn sync_account_set(
    state: State<'_, AppState>,
    url: Arg<String>,
    username: Arg<String>,
    password: Arg<String>,
) -> CmdResult<AccountView> {
    Ok(sync::set_account(
        &mut *state.store()?,
        &Keyring,
        &url,
        &username,
        &password,
    )?)
}

/// Forget the account; a warning when its password could not be removed
/// from the keyring (the account is gone all the same).
#[tauri::command(async)]
pub fn sync_account_remove(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    Ok(sync::remove_account(&mut *state.store()?, &Keyring)?)
}

/// Sync the active plan now (`dry_run`: say what would be written).
#[tauri::command(async)]
pub fn sync_now(state: State<'_, AppState>, dry_run: Arg<bool>) -> CmdResult<SyncReport> {
    Ok(sync::run_with_keyring(
        &mut state.own_connection()?,
        *dry_run,
        chrono::Utc::now(),
    )?)
}
