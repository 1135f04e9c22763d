//! Laying out a day template: where each block starts and ends on the clock.
//!
//! Blocks follow each other with the template's break between them, from
//! `day_start` (default 08:00); a fixed `start` pins a block; an AM/PM split
//! resumes at `pm_start` after the given number of blocks. Times are minutes
//! after midnight and may exceed 1440, which validation reports as a day
//! template longer than the day.

use crate::plan::model::{DayTemplate, HhMm};
use crate::plan::span::Spanned;
use chrono::Timelike;

/// Default first block start when a template gives none.
pub const DEFAULT_DAY_START: u32 = 8 * 60;
pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// One block placed on the clock (minutes after midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: u32,
    pub end: u32,
}

pub fn minutes_of(t: &HhMm) -> u32 {
    t.0.hour() * 60 + t.0.minute()
}

fn opt_minutes(t: &Option<Spanned<HhMm>>) -> Option<u32> {
    t.as_ref().map(|s| minutes_of(&s.value))
}

/// Place every block of `t`. The result has one slot per block, in order.
pub fn layout(t: &DayTemplate) -> Vec<Slot> {
    let mut cursor = opt_minutes(&t.day_start).unwrap_or(DEFAULT_DAY_START);
    let mut out = Vec::with_capacity(t.blocks.len());
    for (i, b) in t.blocks.iter().enumerate() {
        if let Some(split) = &t.split {
            if i as u32 == split.after_block && i > 0 {
                cursor = cursor.max(minutes_of(&split.pm_start.value));
            }
        }
        let start = opt_minutes(&b.start).unwrap_or(cursor);
        let end = start + b.minutes.value;
        out.push(Slot { start, end });
        cursor = end + t.break_minutes;
    }
    out
}

/// `HH:MM` for minutes after midnight (wraps past 24:00 only in nonsense input).
pub fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}
