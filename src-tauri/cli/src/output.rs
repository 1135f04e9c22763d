//! Printing for people and for scripts.

use chrono::NaiveDate;
use serde::Serialize;
use studyplan_core::store::agenda::{BlockStatus, BlockView};

pub fn print_json<T: Serialize>(v: &T) {
    match serde_json::to_string_pretty(v) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("studyplan: cannot write JSON: {e}"),
    }
}

/// A time in the second pass of a repeated hour is marked ("01:30 EST").
pub fn print_agenda(blocks: &[BlockView], from: NaiveDate, to: NaiveDate) {
    if blocks.is_empty() {
        if from == to {
            println!("{}: no blocks", from.format("%a %Y-%m-%d"));
        } else {
            println!("{} – {}: no blocks", from, to);
        }
        return;
    }
    let mut day = String::new();
    for b in blocks {
        if b.date != day {
            day = b.date.clone();
            let label = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map(|d| d.format("%a %Y-%m-%d").to_string())
                .unwrap_or(day.clone());
            println!("{label}");
        }
        let status = match b.status {
            BlockStatus::Planned => String::new(),
            BlockStatus::Done => "  [done]".into(),
            BlockStatus::Partial => format!(
                "  [partial {}/{} min]",
                b.minutes_done.unwrap_or(0),
                b.minutes
            ),
            BlockStatus::Skipped => "  [skipped]".into(),
            BlockStatus::Moved => "  [moved]".into(),
        };
        let mark = |hm: &str, pass: &Option<String>| match pass {
            Some(abbr) => format!("{hm} {abbr}"),
            None => hm.to_string(),
        };
        println!(
            "  {}–{}  {:<24} {}{}",
            mark(&b.start, &b.start_pass),
            mark(&b.end, &b.end_pass),
            b.track_name,
            b.title,
            status
        );
        if let Some(n) = &b.user_note {
            println!("      note: {n}");
        }
        println!("      id {}", b.id);
    }
}

pub fn print_replan(v: &studyplan_core::store::replan::ReplanView, accepted: bool) {
    if v.debt.is_empty() {
        println!("week {}: nothing missed", v.week);
    } else {
        println!("week {}: missed time per track", v.week);
        for d in &v.debt {
            println!(
                "  {:<32} {:>4} min ({} blocks)",
                d.track_name,
                d.minutes,
                d.blocks.len()
            );
        }
    }
    if v.rest_minutes > 0 {
        println!(
            "  ({} min in the weekly rest half-day: no debt)",
            v.rest_minutes
        );
    }
    if !v.proposals.is_empty() {
        println!(
            "{}",
            if accepted {
                "applied:"
            } else {
                "proposals (apply with --accept):"
            }
        );
        for p in &v.proposals {
            println!(
                "  {} {}–{}  {} min of {} instead of {}",
                p.date, p.start, p.end, p.minutes, p.track_name, p.replaces
            );
        }
    }
    for u in &v.unplaced {
        println!(
            "  no catch-up time left this week for {} min of {}",
            u.minutes, u.track_name
        );
    }
}
