//! Printing for people and for scripts.

use chrono::NaiveDate;
use serde::Serialize;
use studyplan_core::store::agenda::BlockView;

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
            studyplan_core::store::agenda::BlockStatus::Planned => String::new(),
            s => format!(
                "  [{}]",
                serde_json::to_value(s)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            ),
        };
        println!(
            "  {}–{}  {:<24} {}{}",
            b.start, b.end, b.track_name, b.title, status
        );
        println!("      id {}", b.id);
    }
}
