//! Plan validation: every rule a parsed plan must satisfy, each broken rule
//! reported once with the position of the value at fault.

use super::model::{PlanFile, FORMAT_VERSION};
use super::parse::SourceMap;
use super::span::{Date, Spanned};
use crate::error::Diagnostic;
use crate::schedule::layout::{hhmm, layout, MINUTES_PER_DAY};
use chrono::Weekday;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Parse a weekday written `mon`..`sun` (or the full English name).
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    match s.to_ascii_lowercase().as_str() {
        "mon" | "monday" => Some(Weekday::Mon),
        "tue" | "tuesday" => Some(Weekday::Tue),
        "wed" | "wednesday" => Some(Weekday::Wed),
        "thu" | "thursday" => Some(Weekday::Thu),
        "fri" | "friday" => Some(Weekday::Fri),
        "sat" | "saturday" => Some(Weekday::Sat),
        "sun" | "sunday" => Some(Weekday::Sun),
        _ => None,
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.'
        })
        && s.as_bytes()[0].is_ascii_alphanumeric()
}

struct Checker<'a> {
    map: &'a SourceMap<'a>,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn err(&mut self, span: &Range<usize>, msg: impl Into<String>) {
        let d = self.map.diag(span, msg, None);
        self.out.push(d);
    }
    fn hint(&mut self, span: &Range<usize>, msg: impl Into<String>, hint: impl Into<String>) {
        let d = self.map.diag(span, msg, Some(hint.into()));
        self.out.push(d);
    }
    /// Report malformed and duplicate ids of one kind of thing.
    fn ids<'b>(
        &mut self,
        what: &str,
        ids: impl Iterator<Item = &'b Spanned<String>>,
    ) -> HashSet<String> {
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        for id in ids {
            if !valid_id(id) {
                self.hint(
                    &id.span,
                    format!("invalid {what} id `{}`", id.value),
                    "use lower-case letters, digits and `-`",
                );
            }
            if let Some(first) = seen.get(&id.value) {
                let (l, c) = self.map.position(first.start);
                self.err(
                    &id.span,
                    format!(
                        "duplicate {what} id `{}` (first defined at {l}:{c})",
                        id.value
                    ),
                );
            } else {
                seen.insert(id.value.clone(), id.span.clone());
            }
        }
        seen.into_keys().collect()
    }
    fn known(&mut self, what: &str, set: &HashSet<String>, v: &Spanned<String>) {
        if !set.contains(&v.value) {
            let mut all: Vec<&String> = set.iter().collect();
            all.sort();
            let list = all
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.hint(
                &v.span,
                format!("unknown {what} `{}`", v.value),
                format!("declared {what}s: {list}"),
            );
        }
    }
    fn weekday(&mut self, v: &Spanned<String>) {
        if parse_weekday(v).is_none() {
            self.hint(
                &v.span,
                format!("unknown weekday `{}`", v.value),
                "use mon, tue, wed, thu, fri, sat or sun",
            );
        }
    }
}

/// What the plan's period allows: its dates (absolute) and its week count.
struct Bounds {
    dates: Option<(Date, Date)>,
    weeks: u32,
}

pub fn validate(p: &PlanFile, map: &SourceMap) -> Vec<Diagnostic> {
    let mut c = Checker {
        map,
        out: Vec::new(),
    };

    if *p.format != FORMAT_VERSION {
        c.hint(
            &p.format.span,
            format!("unsupported plan format {}", *p.format),
            format!("this version of studyplan reads format = {FORMAT_VERSION}"),
        );
    }
    if !valid_id(&p.id) {
        c.hint(
            &p.id.span,
            format!("invalid plan id `{}`", p.id.value),
            "use lower-case letters, digits and `-`",
        );
    }
    if let Some(tz) = &p.timezone {
        if tz.parse::<chrono_tz::Tz>().is_err() {
            c.hint(
                &tz.span,
                format!("unknown time zone `{}`", tz.value),
                "use an IANA zone name such as Europe/Berlin or America/New_York",
            );
        }
    }
    let bounds = period(&mut c, p);
    plan_size(&mut c, p, &bounds);
    text_field(&mut c, &p.title.span, "plan title", &p.title);
    if let Some(a) = &p.author {
        text_field(&mut c, &a.span, "author", a);
    }
    for ph in &p.phases {
        text_field(&mut c, &ph.title.span, "phase title", &ph.title);
    }
    for w in &p.weeks {
        text_field(&mut c, &w.title.span, "week title", &w.title);
    }
    for m in &p.milestones {
        text_field(&mut c, &m.title.span, "milestone title", &m.title);
    }

    let tracks = c.ids("track", p.tracks.iter().map(|t| &t.id));
    let templates = c.ids("day template", p.day_templates.iter().map(|t| &t.id));
    let projects = c.ids("project", p.projects.iter().map(|x| &x.id));
    let variants = c.ids("variant", p.variants.iter().map(|x| &x.id));
    c.ids("goal", p.goals.iter().map(|x| &x.id));
    c.ids("checklist", p.checklists.iter().map(|x| &x.id));
    c.ids("document", p.documents.iter().map(|x| &x.id));
    c.ids("domain", p.domains.iter().map(|x| &x.id));
    c.ids("phase", p.phases.iter().map(|x| &x.id));

    for t in &p.tracks {
        if let Some(l) = &t.lead_minutes {
            if l.value > crate::store::settings::MAX_LEAD_MINUTES as u32 {
                c.hint(
                    &l.span,
                    format!(
                        "a reminder {} minutes ahead is further than the reminder engine looks ({} minutes)",
                        l.value,
                        crate::store::settings::MAX_LEAD_MINUTES
                    ),
                    "use a lead of 0 to 120 minutes",
                );
            }
        }
        text_field(&mut c, &t.name.span, "track name", &t.name);
    }
    for t in &p.day_templates {
        if t.break_minutes > MAX_BLOCK_MINUTES {
            c.err(
                &t.id.span,
                format!(
                    "day template `{}` has a break of {} minutes; at most {MAX_BLOCK_MINUTES}",
                    t.id.value, t.break_minutes
                ),
            );
        }
        let mut too_long = false;
        for b in &t.blocks {
            if *b.minutes > MAX_BLOCK_MINUTES {
                too_long = true;
                c.err(
                    &b.minutes.span,
                    format!(
                        "block `{}` lasts {} minutes; a block lasts 1 to {MAX_BLOCK_MINUTES}",
                        b.title, *b.minutes
                    ),
                );
            }
            text_field(&mut c, &b.title.span, "block title", &b.title);
        }
        if too_long || t.break_minutes > MAX_BLOCK_MINUTES {
            // Its layout would mean nothing; the bounds above say why.
            continue;
        }
        let slots = layout(t);
        for (i, (b, s)) in t.blocks.iter().zip(&slots).enumerate() {
            c.known("track", &tracks, &b.track);
            if *b.minutes == 0 {
                c.err(
                    &b.minutes.span,
                    format!("block `{}` lasts 0 minutes", b.title),
                );
            }
            if i > 0 {
                let prev = slots[i - 1];
                if s.start < prev.end {
                    let at = b
                        .start
                        .as_ref()
                        .map(|x| x.span.clone())
                        .unwrap_or(b.minutes.span.clone());
                    c.hint(
                        &at,
                        format!(
                            "block `{}` ({}–{}) overlaps `{}` ({}–{}) in day template `{}`",
                            b.title,
                            hhmm(s.start),
                            hhmm(s.end),
                            t.blocks[i - 1].title,
                            hhmm(prev.start),
                            hhmm(prev.end),
                            t.id.value
                        ),
                        "give it a later start, or shorten the block before",
                    );
                }
            }
        }
        if let Some(last) = slots.last() {
            if last.end > MINUTES_PER_DAY {
                let total: u32 = t.blocks.iter().map(|b| *b.minutes).sum();
                c.hint(&t.id.span, format!(
                    "day template `{}` is longer than the day: its last block ends {} min after midnight",
                    t.id.value, last.end - MINUTES_PER_DAY
                ), format!("{total} min of blocks plus breaks from {}; start earlier or shorten blocks", hhmm(slots[0].start)));
            }
        }
        if let Some(split) = &t.split {
            if split.after_block == 0 || split.after_block as usize >= t.blocks.len() {
                c.err(
                    &split.pm_start.span,
                    format!(
                        "split after block {} but the template has {} blocks",
                        split.after_block,
                        t.blocks.len()
                    ),
                );
            }
        }
    }

    let s = &p.schedule;
    for day in [&s.mon, &s.tue, &s.wed, &s.thu, &s.fri, &s.sat, &s.sun]
        .into_iter()
        .flatten()
    {
        c.known("day template", &templates, day);
    }
    if let Some(r) = &s.rest_half_day {
        c.weekday(&r.weekday);
        if !matches!(r.half.as_str(), "am" | "pm") {
            c.hint(
                &r.half.span,
                format!("unknown half `{}`", r.half.value),
                "use am or pm",
            );
        }
    }

    for o in &p.overrides {
        if o.template.value != "off" {
            c.known("day template", &templates, &o.template);
        }
        match (&o.date, &o.week, &o.weekday) {
            (Some(d), None, None) => in_period(&mut c, &bounds, d, "override"),
            (None, Some(w), Some(wd)) => {
                week_in_range(&mut c, &bounds, w, "override week");
                c.weekday(wd);
            }
            _ => c.hint(
                &o.template.span,
                "an override needs either `date`, or `week` and `weekday`",
                "e.g. date = 2025-08-19, or week = 3 and weekday = \"sat\"",
            ),
        }
    }

    for ph in &p.phases {
        let [a, b] = ph.weeks.value;
        if a == 0 || b < a || b > bounds.weeks {
            c.err(
                &ph.weeks.span,
                format!(
                    "phase weeks [{a}, {b}] are outside the plan's weeks 1–{}",
                    bounds.weeks
                ),
            );
        }
    }

    let mut week_keys: HashMap<(u32, Option<String>), Range<usize>> = HashMap::new();
    let variant_weeks: HashMap<&str, u32> = p
        .variants
        .iter()
        .filter_map(|v| v.weeks.map(|n| (v.id.value.as_str(), n)))
        .collect();
    for w in &p.weeks {
        // A variant with its own length (e.g. a 20-week track) bounds its weeks.
        let own = w
            .variant
            .as_ref()
            .and_then(|v| variant_weeks.get(v.value.as_str()).copied());
        let wb = Bounds {
            dates: bounds.dates,
            weeks: own.unwrap_or(bounds.weeks),
        };
        week_in_range(&mut c, &wb, &w.number, "week");
        if let Some(t) = &w.through {
            week_in_range(&mut c, &wb, t, "week");
        }
        if let Some(t) = &w.through {
            if t.value < w.number.value {
                c.err(
                    &t.span,
                    format!(
                        "week {} runs through week {}, which comes before it",
                        w.number.value, t.value
                    ),
                );
            }
        }
        if let Some(v) = &w.variant {
            c.known("variant", &variants, v);
        }
        for d in [&w.start, &w.end].into_iter().flatten() {
            in_period(&mut c, &bounds, d, "week");
        }
        if let (Some(a), Some(b)) = (&w.start, &w.end) {
            if b.value < a.value {
                c.err(
                    &b.span,
                    format!(
                        "week {} ends ({}) before it starts ({})",
                        w.number.value, b.value, a.value
                    ),
                );
            }
        }
        for (track, topics) in &w.topics {
            if !tracks.contains(track) {
                c.hint(
                    &topics.span,
                    format!("topics for unknown track `{track}`"),
                    "topics are keyed by a declared track id",
                );
            }
        }
        for pr in &w.projects {
            c.known("project", &projects, pr);
        }
        let key = (w.number.value, w.variant.as_ref().map(|v| v.value.clone()));
        if let Some(first) = week_keys.get(&key) {
            let (l, col) = map.position(first.start);
            c.err(
                &w.number.span,
                format!(
                    "week {} is defined twice (first at {l}:{col})",
                    w.number.value
                ),
            );
        } else {
            week_keys.insert(key, w.number.span.clone());
        }
    }

    for m in &p.milestones {
        if !matches!(m.kind.as_str(), "milestone" | "delivery" | "exam") {
            c.hint(
                &m.kind.span,
                format!("unknown milestone kind `{}`", m.kind.value),
                "use milestone, delivery or exam",
            );
        }
        match (&m.date, &m.week) {
            (Some(d), None) => {
                in_period(&mut c, &bounds, d, "milestone");
                if let Some(e) = &m.end {
                    in_period(&mut c, &bounds, e, "milestone");
                    if e.value < d.value {
                        c.err(
                            &e.span,
                            format!("milestone `{}` ends before it starts", m.title),
                        );
                    }
                }
            }
            (None, Some(w)) => {
                week_in_range(&mut c, &bounds, w, "milestone week");
                if let Some(wd) = &m.weekday {
                    c.weekday(wd);
                }
                if let Some(t) = &m.through_week {
                    week_in_range(&mut c, &bounds, t, "milestone week");
                }
            }
            (Some(d), Some(_)) => c.err(
                &d.span,
                format!(
                    "milestone `{}` has both a date and a week; give one",
                    m.title
                ),
            ),
            (None, None) => c.hint(
                &m.kind.span,
                format!("milestone `{}` has no date", m.title),
                "give `date` (absolute plans) or `week` (relative plans)",
            ),
        }
    }

    for g in &p.goals {
        if let Some(t) = &g.track {
            c.known("track", &tracks, t);
        }
        if let (Some(lo), Some(hi)) = (g.min, g.max) {
            if lo > hi {
                c.err(
                    &g.id.span,
                    format!("goal `{}` has min {lo} above max {hi}", g.id.value),
                );
            }
        }
    }
    for pr in &p.projects {
        if let Some(w) = &pr.week {
            week_in_range(&mut c, &bounds, w, "project week");
        }
        if let Some(d) = &pr.due {
            in_period(&mut c, &bounds, d, "project");
        }
    }
    for cl in &p.checklists {
        if let Some(s) = &cl.scope {
            if !matches!(s.as_str(), "once" | "weekly" | "project") {
                c.hint(
                    &s.span,
                    format!("unknown checklist scope `{}`", s.value),
                    "use once, weekly or project",
                );
            }
        }
        measured_items(&mut c, p, cl);
    }
    domain_weights(&mut c, &p.domains);
    let certs = c.ids("certification", p.certifications.iter().map(|x| &x.id));
    for cert in &p.certifications {
        c.known("track", &tracks, &cert.track);
        let exam = p
            .milestones
            .iter()
            .find(|m| m.title.value == cert.exam.value);
        match exam {
            None => c.hint(
                &cert.exam.span,
                format!("no milestone is titled `{}`", cert.exam.value),
                "give the exact title of the certification's `kind = \"exam\"` milestone",
            ),
            Some(m) if m.kind.value != "exam" => c.hint(
                &cert.exam.span,
                format!("milestone `{}` is a {}, not an exam", m.title, m.kind.value),
                "set `kind = \"exam\"` on the milestone",
            ),
            Some(_) => {}
        }
        if let Some(pp) = &cert.pass_percent {
            if pp.value == 0 || pp.value > 100 {
                c.err(
                    &pp.span,
                    format!("a pass mark of {}% is not a percentage above 0", pp.value),
                );
            }
        }
        c.ids("domain", cert.domains.iter().map(|x| &x.id));
        domain_weights(&mut c, &cert.domains);
        if cert.domains.is_empty() && p.domains.is_empty() {
            c.hint(
                &cert.id.span,
                format!("certification `{}` has no domains", cert.id.value),
                "add [[certifications.domains]] (or the plan's [[domains]]) with their weights",
            );
        }
    }
    for g in &p.goals {
        if let Some(cert) = &g.certification {
            c.known("certification", &certs, cert);
        }
    }
    if let Some(team) = &p.team {
        let roles = c.ids("role", team.roles.iter().map(|r| &r.id));
        c.known("role", &roles, &team.lead);
        for r in &team.roles {
            text_field(&mut c, &r.name.span, "role name", &r.name);
            if r.tracks.is_empty() {
                c.hint(
                    &r.id.span,
                    format!("role `{}` follows no track", r.id.value),
                    "list the role's learning tracks, e.g. tracks = [\"track-a\", \"pod-3\"]",
                );
            }
            for t in &r.tracks {
                c.known("track", &tracks, t);
            }
        }
    }
    c.out
}

/// Exam domain weights add up to 100 % (an exam guide's breakdown).
fn domain_weights(c: &mut Checker, domains: &[crate::plan::model::Domain]) {
    if let Some(first) = domains.first() {
        let total: u32 = domains.iter().map(|d| *d.weight).sum();
        if total != 100 {
            c.hint(
                &first.weight.span,
                format!("domain weights add up to {total}%, not 100%"),
                "check each domain's weight",
            );
        }
    }
}

/// Years a plan's dates may use (the logs' and revisits' range too).
pub const PLAN_YEARS: std::ops::RangeInclusive<i32> = 1970..=2199;
/// Longest absolute period: ten years, as a relative plan's 520 weeks.
pub const MAX_PERIOD_DAYS: i64 = 3653;
/// The most blocks a plan may hold: ten years of 28 half-hour blocks a
/// weekday and then some (the 101,920-block benchmark plan fits), while a
/// plan that would write millions of rows is refused before it is expanded.
pub const MAX_PLAN_BLOCKS: u64 = 200_000;

/// Days × the fullest day template's blocks, at most [`MAX_PLAN_BLOCKS`].
fn plan_size(c: &mut Checker, p: &PlanFile, b: &Bounds) {
    let days = match (b.dates, b.weeks) {
        (Some((s, e)), _) => (e.0 - s.0).num_days().max(0) as u64 + 1,
        (None, w) if w != u32::MAX && w <= 520 => u64::from(w) * 7,
        _ => return,
    };
    let per_day = p
        .day_templates
        .iter()
        .map(|t| t.blocks.len() as u64)
        .max()
        .unwrap_or(0);
    let total = days * per_day;
    if total > MAX_PLAN_BLOCKS {
        let at = p
            .period
            .start
            .as_ref()
            .map(|x| x.span.clone())
            .or(p.period.weeks.as_ref().map(|x| x.span.clone()))
            .unwrap_or(p.id.span.clone());
        c.hint(
            &at,
            format!(
                "this plan would hold up to {total} blocks ({days} days × {per_day} blocks a day); studyplan plans at most {MAX_PLAN_BLOCKS}"
            ),
            "use a shorter period or fewer, longer blocks",
        );
    }
}
/// Longest block and break, in minutes (`block add` uses the same bound).
pub const MAX_BLOCK_MINUTES: u32 = 1440;

fn period(c: &mut Checker, p: &PlanFile) -> Bounds {
    let per = &p.period;
    match (&per.start, &per.end, &per.weeks) {
        (Some(s), Some(e), None) => {
            for d in [s, e] {
                if !PLAN_YEARS.contains(&chrono::Datelike::year(&d.value.0)) {
                    c.err(
                        &d.span,
                        format!(
                            "{} is outside the years a plan may use ({}–{})",
                            d.value.0,
                            PLAN_YEARS.start(),
                            PLAN_YEARS.end()
                        ),
                    );
                    return Bounds {
                        dates: None,
                        weeks: u32::MAX,
                    };
                }
            }
            if (e.value.0 - s.value.0).num_days() > MAX_PERIOD_DAYS {
                c.err(
                    &e.span,
                    format!(
                        "a period of {} days is longer than studyplan plans ({MAX_PERIOD_DAYS} days, 10 years)",
                        (e.value.0 - s.value.0).num_days() + 1
                    ),
                );
                return Bounds {
                    dates: None,
                    weeks: u32::MAX,
                };
            }
            if e.value < s.value {
                c.err(
                    &e.span,
                    format!(
                        "the period ends ({}) before it starts ({})",
                        e.value, s.value
                    ),
                );
                return Bounds {
                    dates: None,
                    weeks: u32::MAX, // unknown: no range errors on top of this one
                };
            }
            let days = (e.value.0 - s.value.0).num_days() as u32 + 1;
            // Weeks are counted Monday to Sunday, so a plan starting on a
            // Tuesday has a short first week.
            let first_monday_offset = s.value.0.weekday_from_monday();
            Bounds {
                dates: Some((s.value, e.value)),
                weeks: (days + first_monday_offset).div_ceil(7),
            }
        }
        (None, None, Some(w)) => {
            if w.value == 0 || w.value > 520 {
                c.err(
                    &w.span,
                    format!("a plan of {} weeks is out of range (1–520)", w.value),
                );
            }
            Bounds {
                dates: None,
                weeks: w.value,
            }
        }
        (s, e, w) => {
            let at = s
                .as_ref()
                .map(|x| x.span.clone())
                .or(e.as_ref().map(|x| x.span.clone()))
                .or(w.as_ref().map(|x| x.span.clone()))
                .unwrap_or(p.id.span.clone());
            c.hint(
                &at,
                "the period needs either `start` and `end` dates, or `weeks`",
                "absolute: start = 2025-08-19 and end = 2025-10-18; relative: weeks = 12",
            );
            Bounds {
                dates: None,
                weeks: u32::MAX,
            }
        }
    }
}

trait MondayOffset {
    fn weekday_from_monday(&self) -> u32;
}
impl MondayOffset for chrono::NaiveDate {
    fn weekday_from_monday(&self) -> u32 {
        use chrono::Datelike;
        self.weekday().num_days_from_monday()
    }
}

fn in_period(c: &mut Checker, b: &Bounds, d: &Spanned<Date>, what: &str) {
    if let Some((s, e)) = b.dates {
        if d.value < s || d.value > e {
            c.hint(
                &d.span,
                format!(
                    "{what} date {} is outside the plan's period ({s} – {e})",
                    d.value
                ),
                "move it inside the period, or widen the period",
            );
        }
    } else if b.weeks != u32::MAX {
        c.hint(
            &d.span,
            format!("{what} has a calendar date in a relative plan"),
            "relative plans place things by `week` (and `weekday`)",
        );
    }
}

fn week_in_range(c: &mut Checker, b: &Bounds, w: &Spanned<u32>, what: &str) {
    if w.value == 0 || w.value > b.weeks {
        c.err(
            &w.span,
            format!(
                "{what} {} is outside the plan's weeks 1–{}",
                w.value, b.weeks
            ),
        );
    }
}

/// A checklist's `measured` entries: each names exactly one of its items and
/// measures only what studyplan counts (see `portfolio::measures`).
fn measured_items(c: &mut Checker, p: &PlanFile, cl: &crate::plan::model::Checklist) {
    let project_scope = cl.scope.as_ref().is_some_and(|s| s.value == "project");
    let texts: Vec<&String> = cl
        .items
        .iter()
        .chain(cl.groups.iter().flat_map(|g| g.items.iter()))
        .collect();
    for m in &cl.measured {
        let prefix = m.item.value.trim();
        let hits = texts
            .iter()
            .filter(|t| !prefix.is_empty() && t.starts_with(prefix))
            .count();
        if hits != 1 {
            c.hint(
                &m.item.span,
                if hits == 0 {
                    format!(
                        "no item of checklist `{}` starts with `{prefix}`",
                        cl.id.value
                    )
                } else {
                    format!(
                        "{hits} items of checklist `{}` start with `{prefix}`",
                        cl.id.value
                    )
                },
                "give enough of the item's text to name exactly one item",
            );
        }
        if project_scope {
            c.hint(
                &m.item.span,
                "a project checklist's items are ticked per project, not measured",
                "remove this `measured` entry",
            );
        }
        if m.from.is_empty() {
            c.hint(
                &m.item.span,
                "a measured item needs at least one measure",
                "add e.g. from = [\"goal:<goal-id>\"]",
            );
        }
        for f in &m.from {
            if let Some(msg) = crate::portfolio::measures::problem(p, &f.value) {
                c.hint(&f.span, msg, crate::portfolio::measures::HINT);
            }
        }
    }
}

/// A title that shows on one line in every calendar: not blank, no control
/// characters (RFC 5545 TEXT holds none but tab; a newline would split it)
/// and no Unicode line or paragraph separator (U+2028, U+2029).
fn text_field(c: &mut Checker, span: &Range<usize>, what: &str, v: &str) {
    if v.trim().is_empty() {
        c.err(span, format!("a {what} may not be blank"));
    } else if let Some(ch) = v
        .chars()
        .find(|ch| (ch.is_control() && *ch != '\t') || matches!(ch, '\u{2028}' | '\u{2029}'))
    {
        c.hint(
            span,
            format!(
                "{what} `{}` holds a control character (U+{:04X})",
                v.escape_debug(),
                ch as u32
            ),
            "keep titles to one line of text",
        );
    }
}
