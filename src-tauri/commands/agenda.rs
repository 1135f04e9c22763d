//! Agenda commands: the active plan's blocks for a range of days.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::store::agenda::{parse_date, BlockView};
use studyplan_core::store::blocks::BlockChange;
use studyplan_core::store::moves::MoveRequest;
use studyplan_core::store::progress::MilestoneView;
use tauri::State;

/// `from` and `to` are `YYYY-MM-DD`, inclusive; core rejects anything else.
#[tauri::command(async)]
pub fn agenda(
    state: State<'_, AppState>,
    from: Arg<String>,
    to: Arg<String>,
) -> CmdResult<Vec<BlockView>> {
    Ok(state
        .store()?
        .agenda(parse_date(&from)?, parse_date(&to)?)?)
}

/// `status` is `done`, `partial` (with `minutes`), `skipped` or `planned`.
/// Numbers arrive as any integer so core can reject bad ones in words.
#[tauri::command(async)]
pub fn block_status(
    state: State<'_, AppState>,
    id: Arg<String>,
    status: Arg<String>,
    minutes: Arg<Option<i64>>,
) -> CmdResult<BlockView> {
    let change = BlockChange::parse(&status, *minutes)?;
    Ok(state
        .store()?
        .set_block_status(&id, change, chrono::Utc::now())?)
}

#[tauri::command(async)]
pub fn block_annotate(
    state: State<'_, AppState>,
    id: Arg<String>,
    note: Arg<Option<String>>,
    problems: Arg<Option<i64>>,
    queries: Arg<Option<i64>>,
) -> CmdResult<BlockView> {
    Ok(state.store()?.annotate_block(
        &id,
        note.as_deref(),
        *problems,
        *queries,
        chrono::Utc::now(),
    )?)
}

/// Drag or resize: `date` `YYYY-MM-DD`, `start` `HH:MM`, `minutes` optional.
#[tauri::command(async)]
pub fn block_move(
    state: State<'_, AppState>,
    id: Arg<String>,
    date: Arg<String>,
    start: Arg<String>,
    minutes: Arg<Option<i64>>,
) -> CmdResult<BlockView> {
    let m = MoveRequest::parse(&date, &start, *minutes)?;
    Ok(state
        .store()?
        .move_block(&id, m.date, m.start, m.minutes, chrono::Utc::now())?)
}

/// Milestones and exam windows overlapping `from..=to`.
#[tauri::command(async)]
pub fn milestones(
    state: State<'_, AppState>,
    from: Arg<String>,
    to: Arg<String>,
) -> CmdResult<Vec<MilestoneView>> {
    Ok(state
        .store()?
        .milestones(parse_date(&from)?, parse_date(&to)?)?)
}
