//! Plan commands: list the loaded plans.

use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::plans::PlanSummary;
use tauri::State;

#[tauri::command(async)]
pub fn plan_list(state: State<'_, AppState>) -> CmdResult<Vec<PlanSummary>> {
    Ok(state.store()?.plan_list()?)
}
