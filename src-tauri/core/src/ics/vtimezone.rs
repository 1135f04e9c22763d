//! VTIMEZONE from the tz database: one observance per offset change found in
//! the exported span, plus the observance in force at its start.

use super::text::Folder;
use crate::error::Result;
use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::io::Write;

fn offset_at(tz: Tz, t: i64) -> (i32, bool, String) {
    let utc = DateTime::<Utc>::from_timestamp(t, 0).unwrap_or_default();
    let off = tz.offset_from_utc_datetime(&utc.naive_utc());
    (
        off.fix().local_minus_utc(),
        off.dst_offset().num_seconds() != 0,
        off.abbreviation().unwrap_or("").to_string(),
    )
}

fn fmt_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.abs();
    format!("{sign}{:02}{:02}", a / 3600, (a % 3600) / 60)
}

/// The instants in `[start, end]` where the zone's offset changes, to the second.
fn transitions(tz: Tz, start: i64, end: i64) -> Vec<i64> {
    let mut out = Vec::new();
    let step = 6 * 3600; // zones don't change offset twice within six hours
    let mut t = start;
    let mut cur = offset_at(tz, t).0;
    while t < end {
        let next = (t + step).min(end);
        let off = offset_at(tz, next).0;
        if off != cur {
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid).0 == cur {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(hi);
            cur = off;
        }
        t = next;
    }
    out
}

fn observance<W: Write>(f: &mut Folder<W>, tz: Tz, at: i64, from: i32) -> Result<()> {
    let (to, dst, name) = offset_at(tz, at);
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    // DTSTART is the transition in local time of the offset before it.
    let local = DateTime::<Utc>::from_timestamp(at + i64::from(from), 0).unwrap_or_default();
    f.line(&format!("BEGIN:{kind}"))?;
    f.line(&format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")))?;
    f.line(&format!("TZOFFSETFROM:{}", fmt_offset(from)))?;
    f.line(&format!("TZOFFSETTO:{}", fmt_offset(to)))?;
    if !name.is_empty() {
        f.line(&format!("TZNAME:{name}"))?;
    }
    f.line(&format!("END:{kind}"))
}

pub fn write<W: Write>(f: &mut Folder<W>, tz: Tz, start: i64, end: i64) -> Result<()> {
    f.line("BEGIN:VTIMEZONE")?;
    f.line(&format!("TZID:{}", tz.name()))?;
    let (first, _, _) = offset_at(tz, start);
    observance(f, tz, start, first)?;
    let mut prev = first;
    for t in transitions(tz, start, end) {
        observance(f, tz, t, prev)?;
        prev = offset_at(tz, t).0;
    }
    f.line("END:VTIMEZONE")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_berlin_autumn_change_to_the_second() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        // 2025-10-26 01:00 UTC is when CEST ends.
        let ts = transitions(tz, 1_756_000_000, 1_762_000_000);
        assert_eq!(ts, vec![1_761_440_400]);
    }

    #[test]
    fn lord_howe_half_hour_offsets() {
        assert_eq!(fmt_offset(37_800), "+1030");
        assert_eq!(fmt_offset(-16_200), "-0430");
    }
}
