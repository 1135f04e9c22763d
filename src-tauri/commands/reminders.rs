//! Reminder commands: snooze or finish from the app, for notification
//! servers without action buttons (and for the in-app reminder banner).

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::reminders::{apply_action, UserAction};
use tauri::State;

/// `action` is `snooze` (with `minutes`: 5, 10 or 15) or `done`. Applied
/// here, through the same core call the engine uses for notification
/// buttons, so the result reported is what happened.
#[tauri::command(async)]
pub fn reminder_action(
    state: State<'_, AppState>,
    key: Arg<String>,
    action: Arg<String>,
    minutes: Arg<Option<i64>>,
) -> CmdResult<()> {
    let a = UserAction::parse(&key, &action, *minutes)?;
    Ok(apply_action(&mut *state.store()?, &a, chrono::Utc::now())?)
}
