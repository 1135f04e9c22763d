//! Portfolio commands: checklists and ticking their items.

use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::checklists::ChecklistView;
use tauri::State;

#[tauri::command(async)]
pub fn portfolio(state: State<'_, AppState>) -> CmdResult<Vec<ChecklistView>> {
    Ok(state.store()?.portfolio()?)
}

#[tauri::command(async)]
pub fn checklist_set(
    state: State<'_, AppState>,
    item_id: i64,
    done: bool,
) -> CmdResult<ChecklistView> {
    Ok(state
        .store()?
        .checklist_set(item_id, done, chrono::Utc::now())?)
}
