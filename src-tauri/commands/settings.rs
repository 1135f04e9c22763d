//! Settings commands: read, and validate-and-save.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::settings::Settings;
use studyplan_core::CoreError;
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;

#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    Ok(state.store()?.settings()?)
}

/// Takes raw JSON so that a wrongly typed field comes back as core's typed
/// `invalid_input` error rather than Tauri's untyped argument error. Then
/// makes the desktop's login items match `start_at_login`.
#[tauri::command(async)]
pub fn settings_update(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: Arg<serde_json::Value>,
) -> CmdResult<Settings> {
    let saved = state
        .store()?
        .update_settings(&Settings::from_json(settings.0)?)?;
    let login = app.autolaunch();
    let result = match (saved.start_at_login, login.is_enabled().unwrap_or(false)) {
        (true, false) => login.enable(),
        (false, true) => login.disable(),
        _ => Ok(()),
    };
    result.map_err(|e| {
        CoreError::Io(format!(
            "settings saved, but starting at login could not be changed: {e}"
        ))
    })?;
    Ok(saved)
}
