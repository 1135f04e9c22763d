//! Project READMEs: created from the plan's README outline and checked
//! against it.
//!
//! The outline is the plan's `[[documents]]` template of kind `readme`
//! (reference plan: Appendix C's 13 sections); a plan without one uses
//! [`DEFAULT_OUTLINE`]. A section is *missing* when no heading matches it,
//! a *placeholder* when its body holds nothing but HTML comments, `TODO`
//! or `TBD`, and *written* otherwise. Headings match when their words are
//! the same, ignoring case and punctuation, or the same as the outline
//! entry's words before a parenthesis ("Observability (metrics/logs),
//! SLIs/SLOs" is matched by "Observability"). A deliverable is *mentioned*
//! when a written section names it or its box is ticked (`- [x] Tests`).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use ts_rs::TS;

/// The outline used when a plan has no README template.
pub const DEFAULT_OUTLINE: [&str; 6] = [
    "Title and Summary",
    "Architecture",
    "Run Instructions",
    "Tests and CI/CD",
    "Tradeoffs",
    "Future Improvements",
];

/// The id of the plan checklist whose items every project must meet
/// (reference plan: section 11, "Senior-Level Quality Criteria"); they
/// are added to a new README as a checklist.
pub const QUALITY_CHECKLIST: &str = "quality-criteria";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SectionState {
    Missing,
    Placeholder,
    Written,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SectionCheck {
    /// The outline entry.
    pub name: String,
    pub state: SectionState,
    /// 1-based line of the matching heading; `None` when missing.
    pub line: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DeliverableCheck {
    pub name: String,
    pub mentioned: bool,
}

/// How far a README is against its outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Completeness {
    pub sections: Vec<SectionCheck>,
    pub deliverables: Vec<DeliverableCheck>,
    /// Sections written, out of `total` outline sections.
    pub written: u32,
    pub total: u32,
    /// `written * 100 / total`, rounded down (100 for an empty outline).
    pub percent: u32,
}

struct Heading {
    level: HeadingLevel,
    text: String,
    line: u32,
    /// Byte offsets of the heading itself.
    start: usize,
    end: usize,
}

fn headings(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut current: Option<Heading> = None;
    for (ev, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(Heading {
                    level,
                    text: String::new(),
                    line: line_of(text, range.start),
                    start: range.start,
                    end: range.end,
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// Line numbers of byte offsets in one text, each found by binary search
/// (asking [`line_of`] for every item of a long file would be quadratic).
pub struct Lines(Vec<usize>);

impl Lines {
    pub fn new(text: &str) -> Lines {
        Lines(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }
    /// 1-based line of byte offset `at`.
    pub fn line(&self, at: usize) -> u32 {
        u32::try_from(self.0.partition_point(|&nl| nl < at) + 1).unwrap_or(u32::MAX)
    }
}

/// 1-based line of byte offset `at`.
pub fn line_of(text: &str, at: usize) -> u32 {
    let upto = text.get(..at).unwrap_or(text);
    u32::try_from(upto.bytes().filter(|b| *b == b'\n').count() + 1).unwrap_or(u32::MAX)
}

fn words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn heading_matches(heading: &str, entry: &str) -> bool {
    let h = words(heading);
    let head = entry.split('(').next().unwrap_or(entry);
    !h.is_empty() && (h == words(entry) || h == words(head))
}

/// The body text with HTML comments removed.
fn without_comments(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_placeholder(body: &str) -> bool {
    let b = without_comments(body);
    let t = b.trim().trim_matches(['_', '*']).trim();
    t.is_empty() || t.eq_ignore_ascii_case("todo") || t.eq_ignore_ascii_case("tbd")
}

/// Check `text` against `outline` and the project's `deliverables`.
pub fn check(text: &str, outline: &[String], deliverables: &[String]) -> Completeness {
    let hs = headings(text);
    let mut sections = Vec::with_capacity(outline.len());
    let mut written_bodies = String::new();
    for entry in outline {
        let found = hs
            .iter()
            .enumerate()
            .find(|(_, h)| heading_matches(&h.text, entry));
        let (state, line) = match found {
            None => (SectionState::Missing, None),
            Some((i, h)) => {
                let body_end = hs[i + 1..]
                    .iter()
                    .find(|n| n.level <= h.level)
                    .map(|n| n.start)
                    .unwrap_or(text.len());
                let body = text.get(h.end..body_end).unwrap_or("");
                if is_placeholder(body) {
                    (SectionState::Placeholder, Some(h.line))
                } else {
                    written_bodies.push_str(&without_comments(body).to_lowercase());
                    written_bodies.push('\n');
                    (SectionState::Written, Some(h.line))
                }
            }
        };
        sections.push(SectionCheck {
            name: entry.clone(),
            state,
            line,
        });
    }
    let ticked: Vec<String> = text
        .lines()
        .filter_map(|l| {
            let t = l.trim_start();
            t.strip_prefix("- [x]")
                .or_else(|| t.strip_prefix("- [X]"))
                .or_else(|| t.strip_prefix("* [x]"))
                .map(|r| r.trim().to_lowercase())
        })
        .collect();
    let deliverables = deliverables
        .iter()
        .map(|d| {
            let needle = d.to_lowercase();
            DeliverableCheck {
                name: d.clone(),
                // "README" is delivered by the file being checked.
                mentioned: needle == "readme"
                    || written_bodies.contains(&needle)
                    || ticked.iter().any(|t| t == &needle),
            }
        })
        .collect();
    let written = sections
        .iter()
        .filter(|s| s.state == SectionState::Written)
        .count() as u32;
    let total = outline.len() as u32;
    Completeness {
        sections,
        deliverables,
        written,
        total,
        percent: (written * 100).checked_div(total).unwrap_or(100),
    }
}

/// The project a README was made for, from the marker line studyplan
/// writes under its title (`<!-- studyplan:project ID -->`).
pub fn project_marker(text: &str) -> Option<String> {
    let i = text.find("<!-- studyplan:project ")?;
    let rest = &text[i + "<!-- studyplan:project ".len()..];
    let id = rest.split_whitespace().next()?;
    (!id.is_empty() && id != "-->").then(|| id.to_string())
}

/// The linter's findings, one `file:line: message` each; empty when the
/// README is complete.
pub fn findings(file: &str, c: &Completeness) -> Vec<String> {
    let mut out = Vec::new();
    for s in &c.sections {
        match s.state {
            SectionState::Written => {}
            SectionState::Placeholder => out.push(format!(
                "{file}:{}: section \"{}\" still holds the template's placeholder",
                s.line.unwrap_or(1),
                s.name
            )),
            SectionState::Missing => out.push(format!(
                "{file}:1: section \"{}\" is missing (add a `## {}` heading)",
                s.name, s.name
            )),
        }
    }
    for d in c.deliverables.iter().filter(|d| !d.mentioned) {
        out.push(format!(
            "{file}:1: deliverable \"{}\" is not mentioned in any written section or ticked",
            d.name
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline() -> Vec<String> {
        [
            "Title and Summary",
            "Observability (metrics/logs), SLIs/SLOs",
            "Tests and CI/CD",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn states_per_section() {
        let t =
            "# P\n\n## Title and Summary\n\nLogs to marts.\n\n## Observability\n\n<!-- later -->\n";
        let c = check(t, &outline(), &["Dockerfile".into(), "ERD".into()]);
        assert_eq!(c.sections[0].state, SectionState::Written);
        assert_eq!(c.sections[0].line, Some(3));
        assert_eq!(c.sections[1].state, SectionState::Placeholder);
        assert_eq!(c.sections[1].line, Some(7));
        assert_eq!(c.sections[2].state, SectionState::Missing);
        assert_eq!((c.written, c.total, c.percent), (1, 3, 33));
        assert!(c.deliverables.iter().all(|d| !d.mentioned));
    }

    #[test]
    fn deliverables_by_mention_or_tick_and_code_fences_are_not_headings() {
        let t = "## Title and Summary\n\nShips a Dockerfile.\n\n```\n## Tests and CI/CD\n```\n\n## Deliverables\n\n- [x] ERD\n- [ ] Makefile\n";
        let c = check(
            t,
            &outline(),
            &["Dockerfile".into(), "ERD".into(), "Makefile".into()],
        );
        let m: Vec<bool> = c.deliverables.iter().map(|d| d.mentioned).collect();
        assert_eq!(m, vec![true, true, false]);
        assert_eq!(
            c.sections[2].state,
            SectionState::Missing,
            "a heading inside a code fence does not count"
        );
    }

    #[test]
    fn marker_and_findings() {
        assert_eq!(
            project_marker("# T\n<!-- studyplan:project p1-log-etl -->\n").as_deref(),
            Some("p1-log-etl")
        );
        let c = check("## Title and Summary\n\nTODO\n", &outline(), &[]);
        let f = findings("README.md", &c);
        assert_eq!(
            f[0],
            "README.md:1: section \"Title and Summary\" still holds the template's placeholder"
        );
        assert_eq!(f.len(), 3);
    }
}
