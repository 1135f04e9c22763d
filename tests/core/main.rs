//! Integration tests of studyplan-core against real SQLite files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod blocks;
mod calendar;
mod documents;
mod exams;
mod mistakes;
mod portfolio;
mod reference_plan;
mod reminders;
mod replan;
mod runs;
mod storage;
mod support;
mod team;
mod validation;
