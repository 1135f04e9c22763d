//! The plan file's data model: what a `plans/*.toml` file may say, exactly.
//!
//! Every struct denies unknown keys so a typo is an error with a position,
//! not a silently ignored setting. Fields whose value a validator must point
//! at are wrapped in [`toml::Spanned`] so diagnostics carry `line:col`.
//! The JSON Schema shipped in `plans/plan.schema.json` is generated from
//! these types (see `schema.rs`), so editors and the app agree on the format.

use super::span::{Date, Spanned};
use chrono::NaiveTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the plan format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole plan file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// Plan format version; this build reads `1`.
    pub format: Spanned<u32>,
    /// Stable identifier, lower-case letters, digits and `-` (e.g. `senior-de-2025`).
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub author: Option<Spanned<String>>,
    #[serde(default)]
    pub summary: Option<String>,
    /// IANA time zone such as `Europe/Berlin`; absent means the system zone at load time.
    #[serde(default)]
    pub timezone: Option<Spanned<String>>,
    pub period: Period,
    pub tracks: Vec<Track>,
    #[serde(default)]
    pub day_templates: Vec<DayTemplate>,
    /// Which day template applies on which weekday.
    #[serde(default)]
    pub schedule: Schedule,
    /// Per-date exceptions, by date (absolute plans) or by week + weekday.
    #[serde(default)]
    pub overrides: Vec<Override>,
    #[serde(default)]
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub weeks: Vec<Week>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub checklists: Vec<Checklist>,
    /// Document templates (ADR, project README, daily log).
    #[serde(default)]
    pub documents: Vec<DocumentTemplate>,
    /// Exam or curriculum domains with their weights in percent.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// The certifications the plan prepares for, with their exam windows.
    #[serde(default)]
    pub certifications: Vec<Certification>,
    /// Alternative paces of the same plan (e.g. 12-week, 20-week, self-paced).
    #[serde(default)]
    pub variants: Vec<Variant>,
    /// Free prose sections of the source (objectives, principles, risks, reading list...).
    #[serde(default)]
    pub sections: Vec<Section>,
    /// A team's layout, for a plan a team follows together (the team
    /// roadmap's "6.1 Team Roles and Responsibilities Matrix").
    #[serde(default)]
    pub team: Option<Team>,
}

/// Who is in a team and which learning tracks each role follows.
///
/// The lead's CalDAV home holds the team's shared collections: the roadmap
/// (every block) and one calendar per learning track; members read them
/// and publish their own progress (see `studyplan_core::team`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// The id of the role that publishes the roadmap.
    pub lead: Spanned<String>,
    pub roles: Vec<Role>,
}

/// One seat in the team (e.g. "Novice 1"): a person plays it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    /// The learning tracks the role follows, in the order the plan reaches
    /// them (the roadmap: a Phase 1 track, then a Phase 2 pod). Track ids.
    pub tracks: Vec<Spanned<String>>,
    /// What the role does, phase by phase, in the source's words.
    #[serde(default)]
    pub duties: Vec<String>,
}

/// When the plan runs: fixed dates, or a number of weeks from a start the user picks.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day (absolute plans).
    #[serde(default)]
    pub start: Option<Spanned<Date>>,
    /// Last day, inclusive (absolute plans).
    #[serde(default)]
    pub end: Option<Spanned<Date>>,
    /// Length in weeks (relative plans; the start is given at load time).
    #[serde(default)]
    pub weeks: Option<Spanned<u32>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    /// Minutes before a block starts that the reminder fires (default 5;
    /// at most 120, the furthest ahead the reminder engine looks).
    #[serde(default)]
    pub lead_minutes: Option<Spanned<u32>>,
    /// Re-planning may borrow this track's blocks for missed work
    /// (the reference plan's "Fundamentals/Basics or catch-up").
    #[serde(default)]
    pub catch_up: bool,
}

/// An ordered list of blocks that fills one day.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayTemplate {
    pub id: Spanned<String>,
    pub name: String,
    /// When the first block starts, `HH:MM` (default 08:00).
    #[serde(default)]
    pub day_start: Option<Spanned<HhMm>>,
    /// Break between consecutive blocks, in minutes.
    #[serde(default)]
    pub break_minutes: u32,
    /// Optional AM/PM split: after this many blocks, resume at `pm_start`.
    #[serde(default)]
    pub split: Option<Split>,
    pub blocks: Vec<BlockTemplate>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub after_block: u32,
    pub pm_start: Spanned<HhMm>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockTemplate {
    pub track: Spanned<String>,
    pub title: Spanned<String>,
    pub minutes: Spanned<u32>,
    /// Fixed start `HH:MM`; otherwise the block follows the previous one plus the break.
    #[serde(default)]
    pub start: Option<Spanned<HhMm>>,
    /// What the seed says about the block ("2–4 problems; 15 min review").
    #[serde(default)]
    pub note: Option<String>,
}

/// Weekday → day template id. A weekday left out is a day off.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub mon: Option<Spanned<String>>,
    #[serde(default)]
    pub tue: Option<Spanned<String>>,
    #[serde(default)]
    pub wed: Option<Spanned<String>>,
    #[serde(default)]
    pub thu: Option<Spanned<String>>,
    #[serde(default)]
    pub fri: Option<Spanned<String>>,
    #[serde(default)]
    pub sat: Option<Spanned<String>>,
    #[serde(default)]
    pub sun: Option<Spanned<String>>,
    /// An optional rest half-day each week (e.g. `{ weekday = "sun", half = "pm" }`).
    #[serde(default)]
    pub rest_half_day: Option<RestHalfDay>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RestHalfDay {
    pub weekday: Spanned<String>,
    /// `am` or `pm`.
    pub half: Spanned<String>,
}

/// A per-date exception: another template, a day off, or a note.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// A calendar date (absolute plans).
    #[serde(default)]
    pub date: Option<Spanned<Date>>,
    /// Or week number + weekday (relative plans).
    #[serde(default)]
    pub week: Option<Spanned<u32>>,
    #[serde(default)]
    pub weekday: Option<Spanned<String>>,
    /// Template id to use that day; `"off"` means no blocks.
    pub template: Spanned<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A group of weeks with one theme (e.g. the team roadmap's four phases).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// First and last week of the phase, inclusive.
    pub weeks: Spanned<[u32; 2]>,
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

/// One week (or a unit of several weeks) of the plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Week {
    /// Week number, 1-based.
    pub number: Spanned<u32>,
    /// Last week number when this entry spans several weeks (e.g. "Week 1-2").
    #[serde(default)]
    pub through: Option<Spanned<u32>>,
    /// Only in this variant (see `variants`); absent means all variants.
    #[serde(default)]
    pub variant: Option<Spanned<String>>,
    pub title: Spanned<String>,
    /// Explicit first/last date (absolute plans whose weeks are not 7 days from the start).
    #[serde(default)]
    pub start: Option<Spanned<Date>>,
    #[serde(default)]
    pub end: Option<Spanned<Date>>,
    #[serde(default)]
    pub goal: Option<String>,
    /// Topics per track id.
    #[serde(default)]
    pub topics: BTreeMap<String, Spanned<Topics>>,
    #[serde(default)]
    pub labs: Vec<String>,
    /// Ids of projects worked on this week.
    #[serde(default)]
    pub projects: Vec<Spanned<String>>,
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// Expected effort, free text (e.g. "15-18 hrs").
    #[serde(default)]
    pub hours: Option<String>,
}

/// Topics for a track: one line or a list.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Topics {
    One(String),
    Many(Vec<String>),
}

impl Topics {
    pub fn joined(&self) -> String {
        match self {
            Topics::One(s) => s.clone(),
            Topics::Many(v) => v.join("; "),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub title: Spanned<String>,
    /// `milestone`, `delivery` or `exam`.
    #[serde(default = "default_milestone_kind")]
    pub kind: Spanned<String>,
    /// A date (absolute plans)…
    #[serde(default)]
    pub date: Option<Spanned<Date>>,
    /// …or the end of a window that starts at `date`.
    #[serde(default)]
    pub end: Option<Spanned<Date>>,
    /// …or week + weekday (relative plans); `through_week` ends a window.
    #[serde(default)]
    pub week: Option<Spanned<u32>>,
    #[serde(default)]
    pub weekday: Option<Spanned<String>>,
    #[serde(default)]
    pub through_week: Option<Spanned<u32>>,
    #[serde(default)]
    pub note: Option<String>,
}

fn default_milestone_kind() -> Spanned<String> {
    Spanned::unplaced("milestone".to_string())
}

/// A weekly target such as "25–35 DSA problems".
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: Spanned<String>,
    pub label: String,
    /// Track the goal belongs to, if any.
    #[serde(default)]
    pub track: Option<Spanned<String>>,
    /// What is counted: `problems`, `queries`, `designs`, `minutes`, ...
    pub metric: String,
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
    /// `week` (default) or `plan`.
    #[serde(default)]
    pub per: Option<String>,
    /// For `practice-exams`: the certification counted (default: all).
    #[serde(default)]
    pub certification: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// Week the project is due (relative to the plan).
    #[serde(default)]
    pub week: Option<Spanned<u32>>,
    /// Due date (absolute plans).
    #[serde(default)]
    pub due: Option<Spanned<Date>>,
    /// Grouping such as a tier ("Tier 1: Foundation & Medium Complexity").
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub complexity: Option<u8>,
    /// Estimated effort, free text ("4-6 hours").
    #[serde(default)]
    pub hours: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
    #[serde(default)]
    pub deliverables: Vec<String>,
    #[serde(default)]
    pub concepts: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub scenarios: Vec<String>,
    #[serde(default)]
    pub success_criteria: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub id: Spanned<String>,
    pub title: String,
    /// `once` (default), `weekly` (a fresh copy every week) or `project`
    /// (a copy per project: the criteria every project must meet).
    #[serde(default)]
    pub scope: Option<Spanned<String>>,
    /// Sub-groups (e.g. "Technical Prerequisites") with their items.
    #[serde(default)]
    pub groups: Vec<ChecklistGroup>,
    #[serde(default)]
    pub items: Vec<String>,
    /// Items studyplan fills from data instead of a hand tick.
    #[serde(default)]
    pub measured: Vec<MeasuredItem>,
}

/// A checklist item filled from data: done when every measure is met.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasuredItem {
    /// The start of the item's text, enough to name one item
    /// (e.g. `"Python DSA"` for "Python DSA: 25–35 problems, ...").
    pub item: Spanned<String>,
    /// What is measured: `goal:<goal-id>` (the goal's count for the week,
    /// met at its `min`), `mistakes:revisited` (every revisit that fell in
    /// the week closed) or `projects:delivered` (the week's projects delivered).
    pub from: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistGroup {
    pub title: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentTemplate {
    pub id: Spanned<String>,
    pub title: String,
    /// `adr`, `readme`, `daily-log` or `other`.
    pub kind: String,
    /// The headings / fields the user fills in, in order.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: Spanned<String>,
    pub name: String,
    /// Share of the exam in percent.
    pub weight: Spanned<u32>,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// A certification: its exam window, the track that studies for it, its
/// readiness rules and its domains.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// Short id people type (`dbx-dea`).
    pub id: Spanned<String>,
    pub title: String,
    /// The title of the `kind = "exam"` milestone that is its window.
    pub exam: Spanned<String>,
    /// The track whose blocks study for it (remediation renames only these).
    pub track: Spanned<String>,
    /// Full-length practice exams required before the window (default 2:
    /// the reference plan's "two timed practice exams per certification").
    #[serde(default)]
    pub practice_exams: Option<u32>,
    /// Score, in percent, that counts as ready (default 70).
    #[serde(default)]
    pub pass_percent: Option<Spanned<u32>>,
    /// Its domains with their weights; absent: the plan's `[[domains]]`.
    #[serde(default)]
    pub domains: Vec<Domain>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub id: Spanned<String>,
    pub title: String,
    /// Length in weeks; absent for a self-paced variant.
    #[serde(default)]
    pub weeks: Option<u32>,
    #[serde(default)]
    pub hours_per_week: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

/// A wall-clock time written `HH:MM` in plan files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct HhMm(pub NaiveTime);

impl<'de> Deserialize<'de> for HhMm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        NaiveTime::parse_from_str(&s, "%H:%M")
            .map(HhMm)
            .map_err(|_| {
                serde::de::Error::custom(format!("invalid time `{s}`, expected HH:MM (24-hour)"))
            })
    }
}

impl Serialize for HhMm {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.format("%H:%M").to_string())
    }
}

impl JsonSchema for HhMm {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HhMm".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": "24-hour wall-clock time, HH:MM"
        })
    }
}
