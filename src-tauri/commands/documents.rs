//! Document commands: the active plan's templates.

use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::checklists::DocumentTemplateView;
use tauri::State;

#[tauri::command(async)]
pub fn document_templates(state: State<'_, AppState>) -> CmdResult<Vec<DocumentTemplateView>> {
    Ok(state.store()?.document_templates()?)
}
