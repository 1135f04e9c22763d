//! Reminder commands: snooze or finish from the app, for notification
//! servers without action buttons (and for the in-app reminder banner).

use crate::error::{CmdResult, CommandError};
use crate::reminders::ReminderHandles;
use studyplan_core::reminders::UserAction;
use studyplan_core::CoreError;
use tauri::State;

/// `action` is `snooze` (with `minutes`: 5, 10 or 15) or `done`.
#[tauri::command(async)]
pub fn reminder_action(
    handles: State<'_, ReminderHandles>,
    key: String,
    action: String,
    minutes: Option<i64>,
) -> CmdResult<()> {
    let a = UserAction::parse(&key, &action, minutes)?;
    handles.actions.send(a).map_err(|_| {
        CommandError::from(CoreError::Internal(
            "the reminder engine has stopped".into(),
        ))
    })
}
