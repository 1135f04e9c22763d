//! Commands about the installation and the day: app info, overview.

use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::agenda::Overview;
use studyplan_core::store::AppInfo;
use tauri::State;

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    Ok(state.store()?.app_info()?)
}

#[tauri::command(async)]
pub fn overview(state: State<'_, AppState>) -> CmdResult<Overview> {
    Ok(state.store()?.overview(chrono::Utc::now())?)
}
