//! Certification commands (studyplan_core::exams); each is one call into core.

use crate::arg::Arg;
use crate::error::CmdResult;
use crate::state::AppState;
use studyplan_core::exams::readiness::{self, Readiness};
use studyplan_core::exams::remediation::{self, Remediation};
use studyplan_core::exams::{self, CertificationView, NewPracticeExam, PracticeExamView};
use studyplan_core::store::agenda::parse_date;
use tauri::State;

#[tauri::command(async)]
pub fn certifications(state: State<'_, AppState>) -> CmdResult<Vec<CertificationView>> {
    Ok(exams::list(&*state.store()?)?)
}

/// `date`: YYYY-MM-DD (null: today in the plan's zone); scores as typed
/// (`72`, `72.5%`, `43/60`); `domains` and `missed` as [id, text] pairs.
#[tauri::command(async)]
#[allow(clippy::too_many_arguments)]
pub fn practice_exam_log(
    state: State<'_, AppState>,
    cert: Arg<String>,
    date: Arg<Option<String>>,
    full: Arg<bool>,
    minutes: Arg<Option<u32>>,
    score: Arg<Option<String>>,
    domains: Arg<Vec<(String, String)>>,
    missed: Arg<Vec<(String, String)>>,
) -> CmdResult<PracticeExamView> {
    let mut store = state.store()?;
    let now = chrono::Utc::now();
    let date = match date.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => parse_date(d)?,
        None => studyplan_core::schedule::tz::plan_today(&store, now)?,
    };
    let e = NewPracticeExam {
        cert: cert.0,
        date,
        full: *full,
        minutes: *minutes,
        score: score.0.filter(|s| !s.trim().is_empty()),
        domains: domains.0,
        missed: missed.0,
    };
    Ok(exams::log(&mut store, &e, now)?)
}

#[tauri::command(async)]
pub fn practice_exams(
    state: State<'_, AppState>,
    cert: Arg<String>,
) -> CmdResult<Vec<PracticeExamView>> {
    Ok(exams::exams(&*state.store()?, &cert)?)
}

#[tauri::command(async)]
pub fn readiness(state: State<'_, AppState>, cert: Arg<String>) -> CmdResult<Readiness> {
    Ok(readiness::readiness(
        &*state.store()?,
        &cert,
        chrono::Utc::now(),
    )?)
}

#[tauri::command(async)]
pub fn remediation_propose(
    state: State<'_, AppState>,
    cert: Arg<String>,
) -> CmdResult<Remediation> {
    Ok(remediation::propose(
        &*state.store()?,
        &cert,
        chrono::Utc::now(),
    )?)
}

#[tauri::command(async)]
pub fn remediation_accept(state: State<'_, AppState>, cert: Arg<String>) -> CmdResult<Remediation> {
    Ok(remediation::accept(
        &mut *state.store()?,
        &cert,
        chrono::Utc::now(),
    )?)
}
