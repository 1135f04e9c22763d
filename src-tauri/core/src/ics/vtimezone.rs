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

/// Write the VTIMEZONE for `[start, end]` (Unix seconds) and return the
/// zone's offsets over that span: `(from, offset)` pairs, the first from
/// `start`, each following one from a transition, offsets in seconds east of
/// UTC. [`Offsets`] reads local times from them.
pub fn write<W: Write>(f: &mut Folder<W>, tz: Tz, start: i64, end: i64) -> Result<Offsets> {
    f.line("BEGIN:VTIMEZONE")?;
    f.line(&format!("TZID:{}", tz.name()))?;
    let (first, _, _) = offset_at(tz, start);
    observance(f, tz, start, first)?;
    let mut prev = first;
    let mut segments = vec![(start, first)];
    for t in transitions(tz, start, end) {
        observance(f, tz, t, prev)?;
        prev = offset_at(tz, t).0;
        segments.push((t, prev));
    }
    f.line("END:VTIMEZONE")?;
    Ok(Offsets { segments, at: 0 })
}

/// A zone's offsets over a span, for reading many instants in time order
/// without a tz database lookup each (the export's hot loop).
pub struct Offsets {
    segments: Vec<(i64, i32)>,
    /// The segment the last instant fell in: instants come in order.
    at: usize,
}

impl Offsets {
    /// The local wall-clock time of instant `t` (Unix seconds, as seconds
    /// since 1970-01-01T00:00 local), or `None` when that local time happens
    /// twice (within the hour a backward change repeats), or `t` is outside
    /// the span.
    pub fn local(&mut self, t: i64) -> Option<i64> {
        let s = &self.segments;
        if s.is_empty() || t < s[0].0 {
            return None;
        }
        if t < s[self.at].0 {
            self.at = 0;
        }
        while self.at + 1 < s.len() && s[self.at + 1].0 <= t {
            self.at += 1;
        }
        let (start, off) = s[self.at];
        // Just after a backward change: the local time was already lived.
        if self.at > 0 {
            let before = s[self.at - 1].1;
            if before > off && t < start + i64::from(before - off) {
                return None;
            }
        }
        // Just before a backward change: the local time comes again.
        if let Some(&(next, next_off)) = s.get(self.at + 1) {
            if next_off < off && t >= next - i64::from(off - next_off) {
                return None;
            }
        }
        Some(t + i64::from(off))
    }
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
    fn local_times_agree_with_the_tz_database_and_repeated_ones_are_none() {
        use chrono::LocalResult;
        for name in [
            "Europe/Berlin",
            "America/New_York",
            "Australia/Lord_Howe",
            "Asia/Kathmandu",
        ] {
            let tz: Tz = name.parse().unwrap();
            let (start, end) = (1_700_000_000, 1_770_000_000);
            let mut sink = Folder::new(std::io::sink());
            let mut o = write(&mut sink, tz, start, end).unwrap();
            // Every 7 minutes over two years, in order.
            let mut t = start;
            while t < end {
                let local = DateTime::<Utc>::from_timestamp(t, 0)
                    .unwrap()
                    .with_timezone(&tz)
                    .naive_local();
                let want = match tz.from_local_datetime(&local) {
                    LocalResult::Single(_) => Some(local.and_utc().timestamp()),
                    _ => None,
                };
                assert_eq!(o.local(t), want, "{name} at {t}");
                t += 420;
            }
        }
    }

    #[test]
    fn lord_howe_half_hour_offsets() {
        assert_eq!(fmt_offset(37_800), "+1030");
        assert_eq!(fmt_offset(-16_200), "-0430");
    }
}
