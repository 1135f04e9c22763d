//! Tauri commands, one module per domain; each is one call into core.
pub mod agenda;
pub mod app;
pub mod calendars;
pub mod documents;
pub mod exams;
pub mod mistakes;
pub mod plans;
pub mod portfolio;
pub mod progress;
pub mod reminders;
pub mod settings;
pub mod sync;
pub mod team;
