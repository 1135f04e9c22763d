//! The desktop app's entry point; everything is set up in `lib.rs`.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    studyplan_app::run()
}
