//! Agenda commands: the active plan's blocks for a range of days.

use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::agenda::{parse_date, BlockView};
use tauri::State;

/// `from` and `to` are `YYYY-MM-DD`, inclusive; core rejects anything else.
#[tauri::command(async)]
pub fn agenda(state: State<'_, AppState>, from: String, to: String) -> CmdResult<Vec<BlockView>> {
    Ok(state
        .store()?
        .agenda(parse_date(&from)?, parse_date(&to)?)?)
}
