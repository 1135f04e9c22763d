//! Civil time to instants, with the DST policy spelled out.
//!
//! Policy (the same as RFC 5545 and JavaScript Temporal's "compatible"):
//! - a local time that happens twice (the hour repeated when clocks go back)
//!   means its first occurrence;
//! - a local time that does not exist (skipped when clocks go forward) is
//!   read with the offset in force before the gap, which moves it forward by
//!   the gap's length (02:30 in Berlin on 2025-03-30 becomes 03:30 CEST).

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

pub fn resolve(tz: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(first, _) => first,
        LocalResult::None => {
            // Gaps are at most a few hours; the offset a day earlier is the
            // one in force before this gap.
            let before = tz
                .offset_from_utc_datetime(&(local - Duration::days(1)))
                .fix();
            let utc = local - Duration::seconds(i64::from(before.local_minus_utc()));
            Utc.from_utc_datetime(&utc).with_timezone(&tz)
        }
    }
}

/// For an instant whose wall-clock time happens twice in zone `zone` (the
/// hour repeated when clocks go back) and that is the second pass, the
/// zone's abbreviation then ("EST"), so a listing can tell 01:30 EDT from
/// 01:30 EST; None otherwise (or for an unknown zone or time).
pub fn second_pass(zone: &str, at_rfc3339: &str) -> Option<String> {
    let tz = parse_zone(zone)?;
    let at = DateTime::parse_from_rfc3339(at_rfc3339)
        .ok()?
        .with_timezone(&tz);
    match tz.from_local_datetime(&at.naive_local()) {
        LocalResult::Ambiguous(first, _) if first != at => Some(at.format("%Z").to_string()),
        _ => None,
    }
}

/// The system's IANA zone, or UTC when it cannot be determined.
pub fn system_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(Tz::UTC)
}

pub fn parse_zone(name: &str) -> Option<Tz> {
    name.parse().ok()
}

/// The active plan's zone, else the system's (no plan loaded yet).
pub fn plan_zone(store: &crate::store::Store) -> crate::Result<Tz> {
    use rusqlite::OptionalExtension;
    let name: Option<String> = store
        .conn()
        .query_row("SELECT timezone FROM plans WHERE active = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(name
        .as_deref()
        .and_then(parse_zone)
        .unwrap_or_else(system_zone))
}

/// Today's local date where the person studies: in the active plan's zone
/// (the date every front end stamps logs, ADRs and revisits with).
pub fn plan_today(
    store: &crate::store::Store,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::Result<chrono::NaiveDate> {
    Ok(now.with_timezone(&plan_zone(store)?).date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(tz: &str, date: (i32, u32, u32), h: u32, m: u32) -> String {
        let tz: Tz = tz.parse().unwrap();
        let local = NaiveDate::from_ymd_opt(date.0, date.1, date.2)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap();
        resolve(tz, local).to_rfc3339()
    }

    #[test]
    fn berlin_fall_back_takes_first_occurrence() {
        // 2025-10-26 02:30 happens at +02:00 and again at +01:00.
        assert_eq!(
            at("Europe/Berlin", (2025, 10, 26), 2, 30),
            "2025-10-26T02:30:00+02:00"
        );
        assert_eq!(
            at("Europe/Berlin", (2025, 10, 26), 3, 30),
            "2025-10-26T03:30:00+01:00"
        );
    }

    #[test]
    fn berlin_spring_gap_moves_forward() {
        assert_eq!(
            at("Europe/Berlin", (2025, 3, 30), 2, 30),
            "2025-03-30T03:30:00+02:00"
        );
    }

    #[test]
    fn new_york_transitions() {
        assert_eq!(
            at("America/New_York", (2025, 11, 2), 1, 30),
            "2025-11-02T01:30:00-04:00"
        );
        assert_eq!(
            at("America/New_York", (2026, 3, 8), 2, 15),
            "2026-03-08T03:15:00-04:00"
        );
        assert_eq!(
            at("America/New_York", (2026, 3, 8), 9, 0),
            "2026-03-08T09:00:00-04:00"
        );
    }

    #[test]
    fn auckland_spring_gap() {
        // NZ clocks go from 02:00 to 03:00 on 2025-09-28.
        assert_eq!(
            at("Pacific/Auckland", (2025, 9, 28), 2, 0),
            "2025-09-28T03:00:00+13:00"
        );
        assert_eq!(
            at("Pacific/Auckland", (2025, 9, 28), 8, 0),
            "2025-09-28T08:00:00+13:00"
        );
    }

    #[test]
    fn lord_howe_half_hour_shift() {
        // Lord Howe moves from +10:30 to +11:00 at 02:00 on 2025-10-05: a 30-minute gap.
        assert_eq!(
            at("Australia/Lord_Howe", (2025, 10, 5), 2, 15),
            "2025-10-05T02:45:00+11:00"
        );
        // And back on 2026-04-05: 01:30–02:00 happens twice; first is +11:00.
        assert_eq!(
            at("Australia/Lord_Howe", (2026, 4, 5), 1, 45),
            "2026-04-05T01:45:00+11:00"
        );
    }
}
