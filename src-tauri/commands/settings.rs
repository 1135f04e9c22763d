//! Settings commands: read, and validate-and-save.

use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::settings::Settings;
use tauri::State;

#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    Ok(state.store()?.settings()?)
}

/// Takes raw JSON so that a wrongly typed field comes back as core's typed
/// `invalid_input` error rather than Tauri's untyped argument error.
#[tauri::command(async)]
pub fn settings_update(
    state: State<'_, AppState>,
    settings: serde_json::Value,
) -> CmdResult<Settings> {
    Ok(state
        .store()?
        .update_settings(&Settings::from_json(settings)?)?)
}
