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
        println!(
            "  {}–{}  {:<24} {}{}",
            b.start, b.end, b.track_name, b.title, status
        );
        if let Some(n) = &b.user_note {
            println!("      note: {n}");
        }
        println!("      id {}", b.id);
    }
}
