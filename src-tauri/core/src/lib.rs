//! studyplan-core: every rule of the study planner, with no Tauri dependency.
//!
//! Front ends (the Tauri shell, the `studyplan` CLI) call into [`store::Store`]
//! and render what it returns; they hold no rules of their own.
pub mod busy;
pub mod documents;
pub mod error;
pub mod exams;
pub mod ics;
pub mod input_file;
pub mod ipc;
pub mod mistakes;
pub mod plan;
pub mod portfolio;
pub mod reminders;
pub mod runs;
pub mod schedule;
pub mod shipped;
pub mod store;
pub mod sync;
pub mod team;

pub use error::{CoreError, Diagnostic, ErrorBody, ErrorKind, Result};
pub use store::Store;
