//! The plan's team (studyplan_core::team): roles, who plays them, the
//! team's progress per learning track, and publishing the team calendars.
//! Each is one call into core; publishing waits on a connection of its own.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::sync::{self, SyncReport};
use studyplan_core::team::{self, TeamView, TrackProgress};
use tauri::State;

/// The active plan's team; a `not_found` error when it has none.
#[tauri::command(async)]
pub fn team_view(state: State<'_, AppState>) -> CmdResult<TeamView> {
    Ok(team::view(&*state.store()?)?)
}

/// Who plays `role` (their user name on the CalDAV server; null clears it).
#[tauri::command(async)]
pub fn team_assign(
    state: State<'_, AppState>,
    role: Arg<String>,
    username: Arg<Option<String>>,
) -> CmdResult<TeamView> {
    Ok(team::assign(
        &mut *state.store()?,
        &role,
        username.as_deref(),
    )?)
}

/// The role played on this computer.
#[tauri::command(async)]
pub fn team_set_me(state: State<'_, AppState>, role: Arg<String>) -> CmdResult<TeamView> {
    Ok(team::set_me(&mut *state.store()?, &role)?)
}

/// The team's progress per learning track, as last read.
#[tauri::command(async)]
pub fn team_progress(state: State<'_, AppState>) -> CmdResult<Vec<TrackProgress>> {
    Ok(team::progress(&*state.store()?)?)
}

/// Publish the roadmap and track calendars to the lead's home now.
#[tauri::command(async)]
pub fn team_publish(state: State<'_, AppState>) -> CmdResult<SyncReport> {
    Ok(sync::publish_team_with_keyring(
        &mut state.own_connection()?,
        chrono::Utc::now(),
    )?)
}
