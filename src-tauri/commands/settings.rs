//! Settings commands: read, and validate-and-save.

use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::settings::Settings;
use tauri::State;

#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    Ok(state.store()?.settings()?)
}

#[tauri::command(async)]
pub fn settings_update(state: State<'_, AppState>, settings: Settings) -> CmdResult<Settings> {
    Ok(state.store()?.update_settings(&settings)?)
}
