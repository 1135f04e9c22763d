//! Scheduling: laying out day templates and placing a plan on the calendar.
pub mod expand;
pub mod layout;
pub mod tz;
