//! Reading another calendar's iCalendar text (RFC 5545) into busy instances.
//!
//! Parsing and recurrence expansion are calcard's (real-world files: folded
//! or LF-only lines, Outlook/Windows TZIDs and custom VTIMEZONEs mapped to
//! IANA zones, RRULE with EXDATE and RECURRENCE-ID overrides). This module
//! decides what the planner keeps:
//!
//! - **Only VEVENTs.** VTODO, VJOURNAL and VFREEBUSY are not events.
//! - **Instances inside a window** `[from, to)` (Unix seconds) only. A
//!   recurring event (RRULE/RDATE, with its RECURRENCE-ID overrides grouped
//!   by UID) is expanded from its DTSTART for at most
//!   [`MAX_OCCURRENCES`] occurrences; a rule that would go on past that
//!   within the window is reported as cut. A file gives at most
//!   [`MAX_INSTANCES`] instances.
//! - **Busy or not** (RFC 5545 §3.8.2.7 TRANSP): a timed event is busy
//!   unless TRANSP:TRANSPARENT; an all-day event (DTSTART;VALUE=DATE) is shown
//!   but busy only with an explicit TRANSP:OPAQUE, as desktop calendars
//!   treat birthdays and holidays. STATUS:CANCELLED events are left out.
//! - **Zones.** Floating times and dates are read in `default_tz` (the
//!   active plan's zone); an unknown TZID falls back to it as well.
//! - **End.** DTEND, else DTSTART + DURATION, else (§3.6.1) one day for a
//!   date and the start itself for a date-time.
//! - **Bad input is skipped, never fatal.** Text that is not UTF-8 is read
//!   lossily; a component without DTSTART, with a DTEND before its start, a
//!   broken RRULE, or cut off by the end of the file is skipped and
//!   reported with the line of its `BEGIN:VEVENT`. Only a text with no
//!   calendar in it at all is an error.

use calcard::icalendar::dates::{CalendarErrorType, TimeOrDelta};
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarStatus,
    ICalendarTransparency, ICalendarValue,
};
use calcard::{Entry, Parser};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// How many occurrences of one recurring event are computed, counted from
/// its DTSTART (a daily rule reaches 54 years).
pub const MAX_OCCURRENCES: usize = 20_000;
/// The most instances one file may give.
pub const MAX_INSTANCES: usize = 1_000_000;
/// The longest event kept (a year); longer ones are skipped in words
/// (`DURATION:P99999999W` would end past any date).
pub const MAX_EVENT_SECONDS: i64 = 366 * 86_400;
/// Longest summary kept, in characters.
const SUMMARY_CHARS: usize = 200;

/// One occurrence of an event, in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub uid: String,
    /// The occurrence's own start before any override moved it, Unix
    /// seconds: with `uid`, it names the occurrence (RECURRENCE-ID's role).
    pub instance: i64,
    pub summary: String,
    pub start: i64,
    pub end: i64,
    pub all_day: bool,
    pub busy: bool,
    /// Line of the VEVENT's `BEGIN`.
    pub line: u32,
}

/// A component that was not imported, and why.
#[derive(Debug, Clone, Serialize, Deserialize, TS, PartialEq, Eq)]
#[ts(export)]
pub struct Skipped {
    /// 1-based line of its `BEGIN:` in the file; 0 for what concerns the
    /// whole file (e.g. the cap on occurrences).
    pub line: u32,
    /// `VEVENT`, or the component it sits in.
    pub component: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Feed {
    pub instances: Vec<Instance>,
    pub skipped: Vec<Skipped>,
    /// VEVENT components read (masters and overrides).
    pub events: u32,
    /// Events left out because they are cancelled.
    pub cancelled: u32,
    /// Lines outside any component, ignored.
    pub stray_lines: u32,
}

/// Where each component begins, in the order calcard creates them, and
/// which of them the file never closes.
struct Lines {
    begins: Vec<u32>,
    unterminated: HashSet<u32>,
}

fn scan(text: &str) -> Lines {
    let mut begins = Vec::new();
    let mut stack = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw
            .trim_end_matches('\r')
            .trim_start_matches('\u{feff}')
            .as_bytes();
        let n = i as u32 + 1;
        if line.len() > 6 && line[..6].eq_ignore_ascii_case(b"BEGIN:") {
            begins.push(n);
            stack.push(n);
        } else if line.len() > 4 && line[..4].eq_ignore_ascii_case(b"END:") {
            stack.pop();
        }
    }
    Lines {
        begins,
        unterminated: stack.into_iter().collect(),
    }
}

fn text_of(comp: &ICalendarComponent, prop: &ICalendarProperty) -> Option<String> {
    comp.property(prop)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_text)
        .map(str::to_string)
}

/// One line of text without control characters, at most SUMMARY_CHARS.
fn one_line(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let t = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let t: String = t.chars().take(SUMMARY_CHARS).collect();
    if t.is_empty() {
        "(no title)".into()
    } else {
        t
    }
}

fn is_all_day(comp: &ICalendarComponent) -> bool {
    comp.property(&ICalendarProperty::Dtstart)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_partial_date_time)
        .is_some_and(|d| !d.has_time())
}

/// `prop` of `comp` as a local time in its TZID's zone, resolved as the
/// planner resolves wall-clock times (a skipped time moves on by the gap,
/// a repeated one takes its first pass), in Unix seconds.
fn local_time(comp: &ICalendarComponent, prop: &ICalendarProperty) -> Option<i64> {
    use std::str::FromStr;
    let e = comp.property(prop)?;
    let d = e.values.first()?.as_partial_date_time()?.to_date_time()?;
    let tz = match calcard::common::timezone::Tz::from_str(e.tz_id()?).ok()? {
        calcard::common::timezone::Tz::Tz(t) => t,
        _ => return None,
    };
    Some(crate::schedule::tz::resolve(tz, d.date_time).timestamp())
}

fn reason(e: &CalendarErrorType) -> String {
    match e {
        CalendarErrorType::MissingDtStart => "it has no DTSTART".into(),
        CalendarErrorType::InvalidDtStart => "its DTSTART is not a valid date or time".into(),
        CalendarErrorType::InvalidDtEnd => "its DTEND is not a valid date or time".into(),
        CalendarErrorType::InvalidDuration => "its DURATION is not valid".into(),
        CalendarErrorType::RRule(r) => format!("its RRULE cannot be used: {r}"),
    }
}

/// RFC 5545 text is UTF-8 (§3.1.4); a line that is not is read as Latin-1,
/// what old exporters wrote, rather than turned into replacement marks.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.into();
    }
    let mut out = String::with_capacity(bytes.len());
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(s) => out.push_str(s),
            Err(_) => out.extend(line.iter().map(|&b| char::from(b))),
        }
    }
    out.into()
}

/// What one VEVENT contributes, looked up by its index in a mini calendar.
struct Meta {
    uid: String,
    summary: String,
    all_day: bool,
    busy: bool,
    cancelled: bool,
    /// DTEND or DURATION given.
    has_end: bool,
    line: u32,
}

/// Read `bytes` (an .ics file or HTTP body). Errors only when no
/// iCalendar component is found at all.
pub fn read(bytes: &[u8], from: i64, to: i64, default_tz: Tz) -> crate::Result<Feed> {
    let text = decode(bytes);
    let lines = scan(&text);
    let mut feed = Feed::default();
    let mut calendars = Vec::new();
    let mut parser = Parser::new(&text);
    loop {
        match parser.entry() {
            Entry::ICalendar(cal) => calendars.push(cal),
            Entry::Eof => break,
            Entry::InvalidLine(_) => feed.stray_lines += 1,
            Entry::TooManyComponents => {
                feed.skipped.push(Skipped {
                    line: 0,
                    component: "VCALENDAR".into(),
                    reason: "more components than can be read; the rest of the file was ignored"
                        .into(),
                });
                break;
            }
            // vCards, and errors only the strict parser returns.
            _ => {}
        }
    }
    if calendars.is_empty() {
        return Err(crate::CoreError::InvalidInput(
            "no calendar in it: an iCalendar file starts with BEGIN:VCALENDAR (RFC 5545 §3.4)"
                .into(),
        ));
    }
    let mut cursor = 0usize;
    for cal in calendars {
        let n = cal.components.len();
        let begin_lines: Vec<u32> = (0..n)
            .map(|i| lines.begins.get(cursor + i).copied().unwrap_or(0))
            .collect();
        cursor += n;
        read_calendar(
            cal,
            &begin_lines,
            &lines.unterminated,
            from,
            to,
            default_tz,
            &mut feed,
        );
        if feed.instances.len() >= MAX_INSTANCES {
            feed.instances.truncate(MAX_INSTANCES);
            feed.skipped.push(Skipped {
                line: 0,
                component: "VCALENDAR".into(),
                reason: format!("more than {MAX_INSTANCES} occurrences; the rest were left out"),
            });
            break;
        }
    }
    feed.skipped.sort_by_key(|s| s.line);
    Ok(feed)
}

fn read_calendar(
    cal: ICalendar,
    begin_lines: &[u32],
    unterminated: &HashSet<u32>,
    from: i64,
    to: i64,
    default_tz: Tz,
    feed: &mut Feed,
) {
    let mut timezones = Vec::new();
    // VEVENT index -> (meta, component), grouped by UID in file order.
    let mut groups: Vec<Vec<(Meta, ICalendarComponent)>> = Vec::new();
    let mut by_uid: HashMap<String, usize> = HashMap::new();
    for (i, mut comp) in cal.components.into_iter().enumerate() {
        let line = begin_lines.get(i).copied().unwrap_or(0);
        match comp.component_type {
            ICalendarComponentType::VTimezone => {
                comp.component_ids.clear();
                timezones.push(comp);
            }
            ICalendarComponentType::VEvent => {
                feed.events += 1;
                if unterminated.contains(&line) {
                    feed.skipped.push(Skipped {
                        line,
                        component: "VEVENT".into(),
                        reason: "the file ends inside it (no END:VEVENT)".into(),
                    });
                    continue;
                }
                // Kept through expansion: a cancelled override removes its
                // occurrence from the series.
                let cancelled = comp.status() == Some(&ICalendarStatus::Cancelled);
                let all_day = is_all_day(&comp);
                let busy = match comp.transparency() {
                    Some(ICalendarTransparency::Transparent) => false,
                    Some(ICalendarTransparency::Opaque) => true,
                    None => !all_day,
                };
                let uid = text_of(&comp, &ICalendarProperty::Uid)
                    .map(|u| u.trim().to_string())
                    .filter(|u| !u.is_empty())
                    // RFC 5545 requires a UID; without one the line names it.
                    .unwrap_or_else(|| format!("line-{line}"));
                let meta = Meta {
                    summary: one_line(
                        &text_of(&comp, &ICalendarProperty::Summary).unwrap_or_default(),
                    ),
                    uid: uid.clone(),
                    all_day,
                    busy,
                    cancelled,
                    has_end: comp.has_property(&ICalendarProperty::Dtend)
                        || comp.has_property(&ICalendarProperty::Duration),
                    line,
                };
                comp.component_ids.clear();
                match by_uid.get(&uid) {
                    Some(&g) => groups[g].push((meta, comp)),
                    None => {
                        by_uid.insert(uid, groups.len());
                        groups.push(vec![(meta, comp)]);
                    }
                }
            }
            _ => {}
        }
    }
    // Events that stand alone are expanded together in one pass; each
    // recurring series (or UID seen more than once) on its own, so that
    // overrides only ever meet their own series and one endless rule cannot
    // use up another's occurrences.
    let mut singles = Vec::new();
    for group in groups {
        if group.len() == 1 && !group[0].1.is_recurrent_or_override() {
            singles.extend(group);
        } else {
            expand(
                group,
                &timezones,
                MAX_OCCURRENCES,
                from,
                to,
                default_tz,
                feed,
            );
        }
    }
    if !singles.is_empty() {
        expand(singles, &timezones, usize::MAX, from, to, default_tz, feed);
    }
}

fn expand(
    events: Vec<(Meta, ICalendarComponent)>,
    timezones: &[ICalendarComponent],
    limit: usize,
    from: i64,
    to: i64,
    default_tz: Tz,
    feed: &mut Feed,
) {
    // A calendar of [VCALENDAR, timezones..., events...]: calcard maps
    // each TZID through the VTIMEZONEs of the same calendar.
    let first_event = 1 + timezones.len();
    let mut components = Vec::with_capacity(first_event + events.len());
    components.push(ICalendarComponent {
        component_type: ICalendarComponentType::VCalendar,
        entries: Vec::new(),
        component_ids: (1..(first_event + events.len()) as u32).collect(),
    });
    components.extend(timezones.iter().cloned());
    let mut metas = Vec::with_capacity(events.len());
    for (meta, comp) in events {
        metas.push(meta);
        components.push(comp);
    }
    let recurring = limit != usize::MAX;
    let cal = ICalendar { components };
    // calcard reads a series' UTC DTSTART (…Z, no TZID) in the default zone
    // when it expands the rule; such a series is expanded with UTC as the
    // default, which is what its times say.
    let series_tz = if recurring
        && cal.components[first_event..]
            .iter()
            .find(|c| c.is_recurrent())
            .and_then(|c| c.property(&ICalendarProperty::Dtstart))
            .is_some_and(|e| {
                e.tz_id().is_none()
                    && e.values
                        .first()
                        .and_then(ICalendarValue::as_partial_date_time)
                        .is_some_and(|d| d.has_zone())
            }) {
        calcard::common::timezone::Tz::Tz(Tz::UTC)
    } else {
        calcard::common::timezone::Tz::Tz(default_tz)
    };
    let expanded = cal.expand_dates(series_tz, limit);
    let meta_of = |comp_id: u32| metas.get((comp_id as usize).wrapping_sub(first_event));
    for e in &expanded.errors {
        let Some(m) = meta_of(e.comp_id) else {
            continue;
        };
        // A one-off event at a local time the clocks skip or repeat: calcard
        // refuses it; RFC 5545 §3.3.5 reads it with the offset before the
        // gap, and the first of two repeated times (the planner's own rule).
        let comp = &cal.components[e.comp_id as usize];
        let dst = matches!(
            e.error,
            CalendarErrorType::InvalidDtStart | CalendarErrorType::InvalidDtEnd
        );
        if let (true, false, Some(start)) = (
            dst,
            recurring,
            local_time(comp, &ICalendarProperty::Dtstart),
        ) {
            let end = local_time(comp, &ICalendarProperty::Dtend).unwrap_or(start);
            if end >= start && start < to && end > from {
                feed.instances.push(Instance {
                    uid: m.uid.clone(),
                    instance: start,
                    summary: m.summary.clone(),
                    start,
                    end,
                    all_day: m.all_day,
                    busy: m.busy,
                    line: m.line,
                });
            }
            continue;
        }
        feed.skipped.push(Skipped {
            line: m.line,
            component: "VEVENT".into(),
            reason: reason(&e.error),
        });
    }
    let mut latest = i64::MIN;
    let mut count = 0usize;
    for ev in expanded.events {
        let Some(m) = meta_of(ev.comp_id) else {
            continue;
        };
        count += 1;
        if m.cancelled {
            feed.cancelled += 1;
            continue;
        }
        let start = ev.start.timestamp();
        latest = latest.max(start);
        let end = match (m.has_end, ev.end) {
            (true, TimeOrDelta::Time(t)) => t.timestamp(),
            (true, TimeOrDelta::Delta(d)) => start.saturating_add(d.num_seconds()),
            // RFC 5545 §3.6.1: without DTEND or DURATION a date lasts the
            // day and a date-time is an instant.
            (false, _) if m.all_day => {
                let day = ev.start.with_timezone(&default_tz).date_naive() + chrono::Days::new(1);
                crate::schedule::tz::resolve(default_tz, day.and_time(chrono::NaiveTime::MIN))
                    .timestamp()
            }
            (false, _) => start,
        };
        if end < start {
            feed.skipped.push(Skipped {
                line: m.line,
                component: "VEVENT".into(),
                reason: "it ends before it starts".into(),
            });
            continue;
        }
        if end - start > MAX_EVENT_SECONDS {
            feed.skipped.push(Skipped {
                line: m.line,
                component: "VEVENT".into(),
                reason: "it lasts more than a year".into(),
            });
            continue;
        }
        // An instant event at the window's edge still counts as inside.
        if start >= to || (end <= from && !(end == start && start == from)) {
            continue;
        }
        feed.instances.push(Instance {
            uid: m.uid.clone(),
            instance: start,
            summary: m.summary.clone(),
            start,
            end,
            all_day: m.all_day,
            busy: m.busy,
            line: m.line,
        });
    }
    if recurring && count >= limit && latest < to {
        if let Some(m) = metas.first() {
            feed.skipped.push(Skipped {
                line: m.line,
                component: "VEVENT".into(),
                reason: format!(
                    "its recurrence was cut after {MAX_OCCURRENCES} occurrences; later ones are not shown"
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAN_2025: i64 = 1_735_689_600; // 2025-01-01T00:00:00Z
    const JAN_2026: i64 = 1_767_225_600;

    fn cal(body: &str) -> Vec<u8> {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n")
            .into_bytes()
    }

    fn starts(f: &Feed, uid: &str) -> Vec<i64> {
        let mut v: Vec<i64> = f
            .instances
            .iter()
            .filter(|i| i.uid == uid)
            .map(|i| i.start)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn an_override_only_ever_replaces_an_occurrence_of_its_own_series() {
        // Two daily series at the same time; B overrides its 2nd occurrence.
        let ev = |uid: &str, extra: &str| {
            format!("BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20250301T090000Z\r\nDTEND:20250301T100000Z\r\n{extra}SUMMARY:{uid}\r\nEND:VEVENT\r\n")
        };
        let body = ev("a", "RRULE:FREQ=DAILY;COUNT=3\r\n")
            + &ev("b", "RRULE:FREQ=DAILY;COUNT=3\r\n")
            + "BEGIN:VEVENT\r\nUID:b\r\nRECURRENCE-ID:20250302T090000Z\r\nDTSTART:20250302T150000Z\r\nDTEND:20250302T160000Z\r\nSUMMARY:b moved\r\nEND:VEVENT\r\n";
        let f = read(&cal(&body), JAN_2025, JAN_2026, Tz::UTC).unwrap();
        let day = |d: i64, h: i64| 1_740_787_200 + d * 86_400 + h * 3600; // 2025-03-01
        assert_eq!(starts(&f, "a"), [day(0, 9), day(1, 9), day(2, 9)]);
        assert_eq!(starts(&f, "b"), [day(0, 9), day(1, 15), day(2, 9)]);
    }

    #[test]
    fn a_cancelled_override_removes_its_occurrence() {
        let body = "BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20250301T090000Z\r\nDTEND:20250301T100000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:s\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20250302T090000Z\r\nDTSTART:20250302T090000Z\r\nDTEND:20250302T100000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:s\r\nEND:VEVENT\r\n";
        let f = read(&cal(body), JAN_2025, JAN_2026, Tz::UTC).unwrap();
        assert_eq!(starts(&f, "s").len(), 2);
        assert_eq!(f.cancelled, 1);
    }

    #[test]
    fn only_the_window_is_kept_and_an_endless_rule_is_cut_in_words() {
        let body = "BEGIN:VEVENT\r\nUID:w\r\nDTSTART:20241230T090000Z\r\nDTEND:20241230T100000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:w\r\nEND:VEVENT\r\n";
        let f = read(&cal(body), JAN_2025, JAN_2025 + 10 * 86_400, Tz::UTC).unwrap();
        assert_eq!(starts(&f, "w").len(), 10, "Jan 1..10 only");
        assert!(f.skipped.is_empty(), "{:?}", f.skipped);
        // A window past what the cap reaches: said, with the line.
        let f = read(
            &cal(body),
            JAN_2025 + 30_000 * 86_400,
            JAN_2025 + 30_010 * 86_400,
            Tz::UTC,
        )
        .unwrap();
        assert!(f.instances.is_empty());
        assert_eq!(f.skipped.len(), 1);
        assert_eq!(f.skipped[0].line, 4);
        assert!(f.skipped[0].reason.contains("cut after"), "{:?}", f.skipped);
    }

    #[test]
    fn summaries_are_one_line_and_non_utf8_lines_read_as_latin1() {
        let mut bytes = cal("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20250301T090000Z\r\nDTEND:20250301T100000Z\r\nSUMMARY:Caf\\nbar\u{7}baz PLACEHOLDER\r\nEND:VEVENT\r\n");
        let at = bytes.windows(11).position(|w| w == b"PLACEHOLDER").unwrap();
        bytes.splice(at..at + 11, b"\xe9t\xe9".iter().copied());
        let f = read(&bytes, JAN_2025, JAN_2026, Tz::UTC).unwrap();
        assert_eq!(f.instances[0].summary, "Caf bar baz été");
    }

    /// Mutations of the corpus (bytes flipped, cut, repeated; component
    /// lines and endless rules spliced in) never panic and always finish.
    #[test]
    fn mangled_corpus_files_never_panic() {
        let corpus: [&[u8]; 5] = [
            include_bytes!("../../../../tests/fixtures/ics/01-google.ics"),
            include_bytes!("../../../../tests/fixtures/ics/02-outlook.ics"),
            include_bytes!("../../../../tests/fixtures/ics/07-rrule-exdate-override.ics"),
            include_bytes!("../../../../tests/fixtures/ics/10-garbage.ics"),
            include_bytes!("../../../../tests/fixtures/ics/16-rdate-utc.ics"),
        ];
        let splices: [&[u8]; 6] = [
            b"\r\nBEGIN:VEVENT\r\n",
            b"\r\nEND:VCALENDAR\r\n",
            b"\r\nRRULE:FREQ=SECONDLY\r\n",
            b"\r\nRECURRENCE-ID:20250302T090000Z\r\n",
            b"\r\nDTSTART;TZID=Nowhere/Land:99991231T250000\r\n",
            b"\r\n \xff\xfe\x00",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n.max(1) as u64) as usize
        };
        for round in 0..1500 {
            let mut b = corpus[round % corpus.len()].to_vec();
            for _ in 0..1 + next(4) {
                let at = next(b.len());
                match next(4) {
                    0 => b[at] ^= 1 << next(8),
                    1 => {
                        let end = (at + next(64)).min(b.len());
                        b.drain(at..end);
                    }
                    2 => {
                        let end = (at + next(200)).min(b.len());
                        let piece = b[at..end].to_vec();
                        b.splice(at..at, piece);
                    }
                    _ => {
                        let piece = splices[next(splices.len())];
                        b.splice(at..at, piece.iter().copied());
                    }
                }
            }
            let _ = read(&b, JAN_2025, JAN_2026, Tz::Europe__Berlin);
        }
    }

    #[test]
    fn a_utc_series_stays_in_utc_and_skipped_or_repeated_local_times_are_kept() {
        // Found by an adversarial pass: calcard read a UTC series' DTSTART in
        // the default zone, and refused one-off events in a DST gap or fold.
        let body = "BEGIN:VEVENT\r\nUID:u\r\nDTSTART:20250902T080000Z\r\nDTEND:20250902T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nSUMMARY:u\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nUID:gap\r\nDTSTART;TZID=Europe/Berlin:20250330T023000\r\nDTEND;TZID=Europe/Berlin:20250330T040000\r\nSUMMARY:gap\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nUID:fold\r\nDTSTART;TZID=Europe/Berlin:20251026T023000\r\nDTEND;TZID=Europe/Berlin:20251026T024500\r\nSUMMARY:fold\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nUID:long\r\nDTSTART:20250901T000000Z\r\nDURATION:P99999999W\r\nSUMMARY:long\r\nEND:VEVENT\r\n";
        let f = read(&cal(body), JAN_2025, JAN_2026, Tz::Europe__Berlin).unwrap();
        assert_eq!(starts(&f, "u"), [1_756_800_000, 1_756_800_000 + 7 * 86_400]);
        // 02:30 does not exist on 30 Mar: read with the offset before the gap (01:30Z).
        assert_eq!(starts(&f, "gap"), [1_743_298_200]);
        // 02:30 happens twice on 26 Oct: the first pass (00:30Z).
        assert_eq!(starts(&f, "fold"), [1_761_438_600]);
        assert!(starts(&f, "long").is_empty());
        assert!(
            f.skipped
                .iter()
                .any(|s| s.reason.contains("more than a year")),
            "{:?}",
            f.skipped
        );
    }

    #[test]
    fn text_without_a_calendar_is_an_error() {
        assert!(read(b"hello\nworld", JAN_2025, JAN_2026, Tz::UTC).is_err());
        assert!(read(&[0xff, 0xfe, 0x00, 0x01], JAN_2025, JAN_2026, Tz::UTC).is_err());
        assert!(read(b"", JAN_2025, JAN_2026, Tz::UTC).is_err());
    }
}
