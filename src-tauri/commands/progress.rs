//! Progress and re-planning commands.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::progress::ProgressView;
use studyplan_core::store::replan::ReplanView;
use tauri::State;

#[tauri::command(async)]
pub fn progress(state: State<'_, AppState>) -> CmdResult<ProgressView> {
    Ok(state.store()?.progress(chrono::Utc::now())?)
}

/// Missed minutes and proposals for `week` (default: this week); changes nothing.
#[tauri::command(async)]
pub fn replan(state: State<'_, AppState>, week: Arg<Option<u32>>) -> CmdResult<ReplanView> {
    Ok(state.store()?.replan(*week, chrono::Utc::now())?)
}

#[tauri::command(async)]
pub fn replan_accept(state: State<'_, AppState>, week: Arg<Option<u32>>) -> CmdResult<ReplanView> {
    Ok(state.store()?.replan_accept(*week, chrono::Utc::now())?)
}
