//! Printing for people and for scripts.

use chrono::NaiveDate;
use serde::Serialize;
use studyplan_core::busy::BusyView;
use studyplan_core::store::agenda::{BlockStatus, BlockView};

pub fn print_json<T: Serialize>(v: &T) {
    match serde_json::to_string_pretty(v) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("studyplan: cannot write JSON: {e}"),
    }
}

/// Blocks and busy time from other calendars, one day after another in
/// time order. A time in the second pass of a repeated hour is marked
/// ("01:30 EST"); a block that collides with busy time says so.
pub fn print_agenda(blocks: &[BlockView], busy: &[BusyView], from: NaiveDate, to: NaiveDate) {
    if blocks.is_empty() && busy.is_empty() {
        if from == to {
            println!("{}: no blocks, no busy time", from.format("%a %Y-%m-%d"));
        } else {
            println!("{} – {}: no blocks, no busy time", from, to);
        }
        return;
    }
    // (date, start instant, lines)
    let mut rows: Vec<(&str, &str, Vec<String>)> = Vec::new();
    for b in blocks {
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
        let mut lines = vec![format!(
            "  {}–{}  {:<24} {}{}",
            mark(&b.start, &b.start_pass),
            mark(&b.end, &b.end_pass),
            b.track_name,
            b.title,
            status
        )];
        if let Some(hit) = &b.busy {
            lines.push(format!("      ! collides with {hit}"));
        }
        if let Some(n) = &b.user_note {
            lines.push(format!("      note: {n}"));
        }
        lines.push(format!("      id {}", b.id));
        rows.push((&b.date, &b.start_utc, lines));
    }
    for e in busy {
        let when = if e.all_day {
            "all day    ".to_string()
        } else {
            format!("{}–{}", e.start, e.end)
        };
        let kind = if e.busy { "busy" } else { "free" };
        rows.push((
            &e.date,
            &e.start_utc,
            vec![format!("  {when}  {:<24} {} ({kind})", e.source, e.summary)],
        ));
    }
    rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut day = "";
    for (date, _, lines) in rows {
        if date != day {
            day = date;
            let label = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map(|d| d.format("%a %Y-%m-%d").to_string())
                .unwrap_or(day.to_string());
            println!("{label}");
        }
        for l in lines {
            println!("{l}");
        }
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
