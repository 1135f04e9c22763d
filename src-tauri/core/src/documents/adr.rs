//! Architecture decision records in adr-tools' file format, readable as MADR.
//!
//! The rules follow adr-tools 3.0 (Nat Pryce; Debian's `adr-tools`), so a
//! folder studyplan writes is the folder `adr list` and `adr generate toc`
//! read, and the reverse:
//! - the folder is named by a `.adr-dir` file found walking up from the
//!   workspace (its content is relative to the file), else an existing
//!   `doc/adr` on the way up, else `doc/adr` in the workspace (`_adr_dir`);
//! - an ADR is a file `NNNN-slug.md` (`adr list`: `^[0-9]+-[^/]*\.md`); the
//!   next number is the highest leading number of any file in the folder
//!   plus one, so gaps are never refilled (`adr new`);
//! - line 1 is `# N. Title`, then `Date: YYYY-MM-DD`, then `## Status` whose
//!   paragraphs are the status words and link lines `Kind [N. Title](file)`
//!   (`_adr_add_link`); a superseded ADR loses its status line and keeps
//!   only `Superseded by ...` (`adr new -s`).
//!
//! MADR files (`# Title` with YAML front matter `status:`/`date:`, or
//! MADR 2's `* Status:` / `* Date:` bullets) are read too, numbered from
//! their file name. adr-tools' historical spelling "Supercedes" /
//! "Superceded by" is read as "Supersedes" / "Superseded by"; studyplan
//! writes the correct spelling, as adr-tools 3 does.

use crate::error::{CoreError, Result};
use std::path::{Path, PathBuf};

/// The lifecycle statuses studyplan sets (MADR's and Nygard's words).
pub const STATUSES: [&str; 5] = [
    "Proposed",
    "Accepted",
    "Rejected",
    "Deprecated",
    "Superseded",
];

/// One link line of an ADR's Status section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedLink {
    /// The words before the link, as written ("Superseded by", "Amends").
    pub kind: String,
    pub target_file: String,
    pub target_title: String,
    /// From the target file's leading digits.
    pub target_number: Option<u32>,
}

/// What an ADR file says, as far as the list and the graph need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdrFile {
    pub file_name: String,
    pub number: u32,
    /// The title without its `N.` prefix.
    pub title: String,
    pub date: Option<String>,
    /// The status words, or "Superseded" when only a "Superseded by" link is left.
    pub status: Option<String>,
    pub links: Vec<ParsedLink>,
    /// Why the file could not be read as an ADR (it is still listed).
    pub problem: Option<String>,
    /// Line 1 minus `# `, as adr-tools' links and TOC quote it.
    pub heading: String,
    /// SHA-256 of the file as scanned (empty when it could not be read).
    pub hash: String,
}

/// The ADR folder for a workspace (adr-tools' `_adr_dir`, walking up from
/// `workspace`). A `.adr-dir` must hold one relative path that stays inside
/// the folder holding it: unlike adr-tools, which would follow `/etc` or
/// `../../..` from a cloned repository, studyplan refuses it with the
/// reason (`InvalidInput`), and it never silently falls back to `doc/adr`
/// when the file is there but unusable.
pub fn adr_dir(workspace: &Path) -> Result<PathBuf> {
    let mut dir = Some(workspace);
    while let Some(d) = dir {
        let marker = d.join(".adr-dir");
        if marker.is_file() {
            let s = std::fs::read_to_string(&marker)
                .map_err(|e| CoreError::io("cannot read", &marker, e))?;
            return adr_dir_from_marker(d, &marker, &s);
        }
        if d.join("doc/adr").is_dir() {
            return Ok(d.join("doc/adr"));
        }
        dir = d.parent();
    }
    Ok(workspace.join("doc/adr"))
}

fn adr_dir_from_marker(base: &Path, marker: &Path, content: &str) -> Result<PathBuf> {
    let bad = |why: &str| {
        CoreError::InvalidInput(format!(
            "{} {why}; it should hold one folder path relative to {} (e.g. `doc/architecture/decisions`)",
            marker.display(),
            base.display()
        ))
    };
    let lines: Vec<&str> = content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let rel = match lines.as_slice() {
        [] => return Err(bad("is empty")),
        [one] => *one,
        _ => return Err(bad("holds more than one line")),
    };
    let p = Path::new(rel);
    if p.is_absolute() {
        return Err(bad(&format!("names the absolute path `{rel}`")));
    }
    let mut out = base.to_path_buf();
    for c in p.components() {
        match c {
            std::path::Component::Normal(x) => out.push(x),
            std::path::Component::CurDir => {}
            _ => return Err(bad(&format!("points outside its folder (`{rel}`)"))),
        }
    }
    if out == base {
        return Err(bad("names its own folder"));
    }
    Ok(out)
}
/// The slug of a title: lower-case runs of letters and digits joined by `-`.
/// Errors when nothing is left (a title of only punctuation).
pub fn slug(title: &str) -> Result<String> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    if words.is_empty() {
        return Err(CoreError::InvalidInput(if title.trim().is_empty() {
            "the ADR needs a title".into()
        } else {
            format!(
                "the title `{}` has no letters or digits to name its file after",
                title.trim()
            )
        }));
    }
    Ok(words.join("-"))
}

/// The number an ADR file name carries (`0007-x.md` → 7), if it is one.
pub fn file_number(name: &str) -> Option<u32> {
    let digits: &str = &name[..name
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(name.len())];
    let rest = &name[digits.len()..];
    if digits.is_empty() || !rest.starts_with('-') || !rest.ends_with(".md") || rest.contains('/') {
        return None;
    }
    digits.parse().ok()
}

/// `adr new`'s next number: the highest leading number of any entry + 1.
pub fn next_number(dir: &Path) -> Result<u32> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(1),
        Err(e) => return Err(CoreError::io("cannot list", dir, e)),
    };
    let mut max = 0u32;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let digits: String = name.chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Ok(n) = digits.parse::<u32>() {
            max = max.max(n);
        }
    }
    max.checked_add(1)
        .ok_or_else(|| CoreError::InvalidInput("ADR numbers are exhausted".into()))
}

/// The longest slug in a file name, in bytes: file systems allow 255 bytes
/// a name, and a title in a script of 3-byte characters reaches that soon.
pub const MAX_SLUG_BYTES: usize = 120;

/// The file name for ADR `number` titled `title` (the slug cut at a word or
/// character boundary to [`MAX_SLUG_BYTES`]; the heading keeps the title).
pub fn file_name(number: u32, title: &str) -> Result<String> {
    let full = slug(title)?;
    let mut cut = full.as_str();
    if cut.len() > MAX_SLUG_BYTES {
        let mut end = MAX_SLUG_BYTES;
        while !cut.is_char_boundary(end) {
            end -= 1;
        }
        cut = &cut[..end];
        if let Some(i) = cut.rfind('-').filter(|i| *i > MAX_SLUG_BYTES / 2) {
            cut = &cut[..i];
        }
    }
    Ok(format!("{number:04}-{cut}.md"))
}

/// Link words as a canonical key: historical spellings folded, case ignored.
pub fn canonical_kind(kind: &str) -> String {
    kind.trim().to_lowercase().replace("supercede", "supersede")
}

/// Link types studyplan knows, with their reverse (adr-tools' examples).
const PAIRS: [(&str, &str); 5] = [
    ("Supersedes", "Superseded by"),
    ("Amends", "Amended by"),
    ("Clarifies", "Clarified by"),
    ("Extends", "Extended by"),
    ("Refines", "Refined by"),
];

/// A known link type in its usual spelling ("amends" → "Amends"); other
/// words as given.
pub fn spelled(kind: &str) -> String {
    let k = canonical_kind(kind);
    PAIRS
        .iter()
        .flat_map(|(a, b)| [a, b])
        .find(|x| x.to_lowercase() == k)
        .map(|x| x.to_string())
        .unwrap_or_else(|| kind.trim().to_string())
}

/// The reverse of a link type (`Amends` → `Amended by`), for the pairs
/// adr-tools' documentation uses; `None` for a type studyplan does not know.
pub fn reverse_kind(kind: &str) -> Option<String> {
    let k = canonical_kind(kind);
    for (a, b) in PAIRS {
        if k == a.to_lowercase() {
            return Some(b.into());
        }
        if k == b.to_lowercase() {
            return Some(a.into());
        }
    }
    (k == "relates to").then(|| "Relates to".into())
}

/// Parse one ADR file. Never fails: a file that is not an ADR comes back
/// with `problem` set, so it is listed with the reason and left untouched.
pub fn parse(file_name: &str, text: &str) -> AdrFile {
    let number_from_name = file_number(file_name).unwrap_or(0);
    let mut adr = AdrFile {
        file_name: file_name.into(),
        number: number_from_name,
        title: file_name.trim_end_matches(".md").into(),
        date: None,
        status: None,
        links: Vec::new(),
        problem: None,
        heading: heading_of(text),
        hash: String::new(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body) = split_front_matter(text);
    for (k, v) in front {
        match k.as_str() {
            "status" => adr.status = Some(capitalise(&v)),
            "date" => adr.date = Some(v),
            _ => {}
        }
    }
    let Some(heading) = body.lines().find(|l| !l.trim().is_empty()) else {
        adr.problem = Some("the file is empty".into());
        return adr;
    };
    let Some(h1) = heading.strip_prefix("# ") else {
        adr.problem = Some(format!(
            "the first line should be `# N. Title` (adr-tools) or `# Title` (MADR), found `{}`",
            truncate(heading, 60)
        ));
        return adr;
    };
    let h1 = h1.trim();
    match split_numbered_title(h1) {
        Some((n, t)) => {
            adr.title = t.into();
            if number_from_name != 0 && n != number_from_name {
                adr.problem = Some(format!(
                    "the heading says ADR {n} but the file name says {number_from_name}"
                ));
            }
            adr.number = if number_from_name != 0 {
                number_from_name
            } else {
                n
            };
        }
        None => adr.title = h1.into(),
    }
    let mut section: Option<String> = None;
    for line in body.lines() {
        if let Some(h) = line.strip_prefix('#') {
            section = line
                .starts_with("## ")
                .then(|| h.trim_start_matches('#').trim().to_lowercase());
            continue;
        }
        let t = line.trim();
        if adr.date.is_none() {
            if let Some(d) = t
                .strip_prefix("Date:")
                .or_else(|| t.strip_prefix("* Date:"))
            {
                adr.date = Some(d.trim().into());
                continue;
            }
        }
        if section.is_none() && adr.status.is_none() {
            if let Some(s) = t.strip_prefix("* Status:") {
                adr.status = Some(capitalise(s.trim()));
            }
        }
        if section.as_deref() != Some("status") || t.is_empty() {
            continue;
        }
        match parse_link(t) {
            Some(l) => adr.links.push(l),
            // The first words of the section are the status (adr-tools'
            // `_adr_status`); front matter, when present, was read first.
            None if adr.status.is_none() => adr.status = Some(t.into()),
            None => {}
        }
    }
    // A "Superseded by" link decides, whatever words are left: adr-tools'
    // `new -s` removes only the word "Accepted", so a superseded Proposed
    // record keeps "Proposed". MADR writes "superseded by [ADR-3](...)".
    let superseded_text = adr
        .status
        .as_deref()
        .is_some_and(|s| canonical_kind(s).starts_with("superseded"));
    if superseded_text
        || adr
            .links
            .iter()
            .any(|l| canonical_kind(&l.kind) == "superseded by")
    {
        adr.status = Some("Superseded".into());
    }
    adr
}

fn split_numbered_title(h1: &str) -> Option<(u32, &str)> {
    let (n, rest) = h1.split_once(". ")?;
    let n: u32 = n.trim().parse().ok()?;
    Some((n, rest.trim()))
}

fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---") else {
        return (Vec::new(), text);
    };
    let fields = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| {
            (
                k.trim().to_lowercase(),
                v.trim().trim_matches(['"', '\'']).to_string(),
            )
        })
        .collect();
    let after = &rest[end + 4..];
    (fields, after.split_once('\n').map(|x| x.1).unwrap_or(""))
}

/// `Kind [Title](file)` → a link (adr-tools' `_adr_links` pattern).
fn parse_link(line: &str) -> Option<ParsedLink> {
    let open = line.find(" [")?;
    let close = line.rfind("](")?;
    if !line.ends_with(')') || close < open {
        return None;
    }
    let target_file = line[close + 2..line.len() - 1].to_string();
    let base = target_file.rsplit('/').next().unwrap_or(&target_file);
    Some(ParsedLink {
        kind: line[..open].trim().into(),
        target_title: line[open + 2..close].into(),
        target_number: file_number(base),
        target_file,
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.into()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// The Status section's line range `[start, end)` in `lines`: from the
/// line after `## Status` to the next heading (or the end).
fn status_section(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| l.trim_end() == "## Status")? + 1;
    let end = lines[start..]
        .iter()
        .position(|l| l.starts_with('#'))
        .map(|i| start + i)
        .unwrap_or(lines.len());
    Some((start, end))
}

/// The paragraphs of the Status section (non-blank lines).
fn status_paragraphs(lines: &[&str], start: usize, end: usize) -> Vec<String> {
    lines[start..end]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Rebuild the file with the Status section holding `paras`, each followed
/// by a blank line (adr-tools' layout).
fn with_status(text: &str, paras: &[String]) -> Result<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (start, end) = status_section(&lines)
        .ok_or_else(|| CoreError::InvalidInput("the ADR has no `## Status` section".into()))?;
    let mut out: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    out.push(String::new());
    for p in paras {
        out.push(p.clone());
        out.push(String::new());
    }
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    let mut s = out.join("\n");
    if text.ends_with('\n') || end == lines.len() {
        s.push('\n');
    }
    // A section ending the file leaves one trailing blank line, not two.
    while s.ends_with("\n\n") {
        s.pop();
    }
    Ok(s)
}

/// Append a link line `kind [N. Title](file)` to the Status section.
pub fn add_link(text: &str, kind: &str, target_heading: &str, target_file: &str) -> Result<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (start, end) = status_section(&lines)
        .ok_or_else(|| CoreError::InvalidInput("the ADR has no `## Status` section".into()))?;
    let mut paras = status_paragraphs(&lines, start, end);
    let line = format!("{kind} [{target_heading}]({target_file})");
    if paras.contains(&line) {
        return Ok(text.to_string());
    }
    paras.push(line);
    with_status(text, &paras)
}

/// Replace the status words (the Status section's non-link paragraphs)
/// with `status`, or remove them when `status` is `None`; links stay.
pub fn set_status(text: &str, status: Option<&str>) -> Result<String> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((start, end)) = status_section(&lines) else {
        return set_madr_status(text, status);
    };
    let links: Vec<String> = status_paragraphs(&lines, start, end)
        .into_iter()
        .filter(|p| parse_link(p).is_some())
        .collect();
    let mut paras: Vec<String> = status.map(String::from).into_iter().collect();
    paras.extend(links);
    with_status(text, &paras)
}

/// MADR keeps the status in front matter (`status: accepted`) or, in
/// MADR 2, a `* Status: accepted` bullet: the value is replaced in place,
/// lower-case as MADR writes it.
fn set_madr_status(text: &str, status: Option<&str>) -> Result<String> {
    let value = status.unwrap_or("superseded").to_lowercase();
    let mut out = Vec::new();
    let mut done = false;
    let mut in_front = false;
    for (i, line) in text.lines().enumerate() {
        if i == 0 && line.trim_end() == "---" {
            in_front = true;
        } else if in_front && line.trim_end() == "---" {
            in_front = false;
        } else if !done && in_front && line.trim_start().starts_with("status:") {
            out.push(format!("status: {value}"));
            done = true;
            continue;
        } else if !done && line.trim_start().starts_with("* Status:") {
            out.push(format!("* Status: {value}"));
            done = true;
            continue;
        }
        out.push(line.to_string());
    }
    if !done {
        return Err(CoreError::InvalidInput(
            "the ADR has no `## Status` section, `status:` front matter or `* Status:` line to change".into(),
        ));
    }
    let mut s = out.join("\n");
    if text.ends_with('\n') {
        s.push('\n');
    }
    Ok(s)
}

/// Whether ADR in `status` may be superseded: not when it was rejected or
/// is superseded already (supersede the record that replaced it).
pub fn check_supersedable(number: u32, status: Option<&str>) -> Result<()> {
    match status.map(str::to_lowercase).as_deref() {
        Some("superseded") => Err(CoreError::Conflict(format!(
            "ADR {number} is already superseded; supersede the ADR that replaced it"
        ))),
        Some("rejected") => Err(CoreError::InvalidInput(format!(
            "ADR {number} was rejected; a rejected decision is not superseded (write a new ADR instead)"
        ))),
        _ => Ok(()),
    }
}

/// Whether `from` may become `to` (Proposed → Accepted or Rejected;
/// Accepted → Deprecated; Superseded only through a superseding ADR).
pub fn check_transition(from: Option<&str>, to: &str) -> Result<()> {
    let to_l = to.to_lowercase();
    if !STATUSES.iter().any(|s| s.to_lowercase() == to_l) {
        return Err(CoreError::InvalidInput(format!(
            "unknown status `{to}`; use one of {}",
            STATUSES.join(", ")
        )));
    }
    if to_l == "superseded" {
        return Err(CoreError::InvalidInput(
            "an ADR becomes Superseded when a new ADR supersedes it (adr new --supersedes N)"
                .into(),
        ));
    }
    let from_l = from.map(str::to_lowercase);
    let ok = match from_l.as_deref() {
        None => true,
        Some("proposed") => matches!(to_l.as_str(), "accepted" | "rejected"),
        Some("accepted") => to_l == "deprecated",
        Some(_) => false,
    };
    if ok {
        Ok(())
    } else {
        Err(CoreError::InvalidInput(format!(
            "an ADR that is {} cannot become {to} (Proposed → Accepted or Rejected; Accepted → Deprecated or Superseded)",
            from.unwrap_or("without status")
        )))
    }
}

/// The heading text adr-tools uses for links and the TOC: line 1 minus `# `.
pub fn heading_of(text: &str) -> String {
    let first = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .next()
        .unwrap_or("");
    first.get(2..).unwrap_or("").to_string()
}

/// All ADR files of `dir` in `adr list` order (file names sorted bytewise),
/// parsed. Unreadable files (not UTF-8) are listed with the reason.
pub fn scan(dir: &Path) -> Result<Vec<AdrFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        // A file where the folder should be: nothing to list; creating an
        // ADR says why it cannot.
        Err(_) if dir.is_file() => return Ok(Vec::new()),
        Err(e) => return Err(CoreError::io("cannot list", dir, e)),
    };
    // Symbolic links are listed too, so `files::read` can say why they are
    // not opened; folders named like ADRs are not documents.
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().map(|t| !t.is_dir()).unwrap_or(false))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| file_number(n).is_some())
        .collect();
    names.sort();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let path = dir.join(&name);
        out.push(match super::files::read(&path) {
            Ok(Some(f)) => AdrFile {
                hash: f.hash,
                ..parse(&name, &f.text)
            },
            Ok(None) => continue,
            Err(e) => AdrFile {
                number: file_number(&name).unwrap_or(0),
                title: name.trim_end_matches(".md").into(),
                heading: name.trim_end_matches(".md").into(),
                file_name: name,
                date: None,
                status: None,
                links: Vec::new(),
                problem: Some(e.to_string()),
                hash: String::new(),
            },
        });
    }
    Ok(out)
}

/// The table of contents in `adr generate toc`'s shape: the heading, a
/// blank line, then `* [N. Title](file)` per ADR in `adr list` order.
pub fn toc(dir: &Path) -> Result<String> {
    Ok(toc_of(&scan(dir)?))
}

/// [`toc`] of ADRs already scanned.
pub fn toc_of(adrs: &[AdrFile]) -> String {
    let mut out = String::from("# Architecture Decision Records\n\n");
    for a in adrs {
        out.push_str(&format!("* [{}]({})\n", a.heading, a.file_name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADR_TOOLS_SUPERSEDED: &str = "# 2. First decision\n\nDate: 2026-11-30\n\n## Status\n\nSuperceded by [3. Second one](0003-second-one.md)\n\nAmended by [4. Third](0004-third.md)\n\n## Context\n\nWhy.\n";

    #[test]
    fn slugs_follow_adr_tools() -> Result<()> {
        assert_eq!(slug("Use Kafka -- for CDC!")?, "use-kafka-for-cdc");
        assert_eq!(
            slug("  Delta/Iceberg: 2 formats ")?,
            "delta-iceberg-2-formats"
        );
        assert_eq!(slug("Übergang zu S3")?, "übergang-zu-s3");
        assert!(slug("   ").is_err());
        assert!(slug("?!--").is_err());
        assert_eq!(file_name(7, "Pick a lake")?, "0007-pick-a-lake.md");
        Ok(())
    }

    #[test]
    fn file_numbers() {
        assert_eq!(file_number("0007-x.md"), Some(7));
        assert_eq!(file_number("12345-x.md"), Some(12345));
        assert_eq!(file_number("README.md"), None);
        assert_eq!(file_number("0007.md"), None);
        assert_eq!(file_number("0007-x.txt"), None);
    }

    #[test]
    fn reads_historical_spelling_and_links() {
        let a = parse("0002-first-decision.md", ADR_TOOLS_SUPERSEDED);
        assert_eq!(a.number, 2);
        assert_eq!(a.title, "First decision");
        assert_eq!(a.date.as_deref(), Some("2026-11-30"));
        assert_eq!(a.status.as_deref(), Some("Superseded"));
        assert_eq!(a.links.len(), 2);
        assert_eq!(a.links[0].target_number, Some(3));
        assert_eq!(a.links[1].kind, "Amended by");
        assert_eq!(a.problem, None);
    }

    #[test]
    fn reads_madr_front_matter_and_bullets() {
        let a = parse(
            "0005-use-markdown.md",
            "---\nstatus: accepted\ndate: 2024-02-01\n---\n# Use Markdown\n\n## Context and Problem Statement\n",
        );
        assert_eq!((a.number, a.title.as_str()), (5, "Use Markdown"));
        assert_eq!(a.status.as_deref(), Some("Accepted"));
        assert_eq!(a.date.as_deref(), Some("2024-02-01"));
        let b = parse(
            "0006-x.md",
            "# X\n\n* Status: proposed\n* Date: 2020-01-01\n",
        );
        assert_eq!(b.status.as_deref(), Some("Proposed"));
        assert_eq!(b.date.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn a_file_without_heading_is_listed_with_a_reason() {
        let a = parse("0003-x.md", "Date: 2020-01-01\n\n## Status\n\nAccepted\n");
        assert!(
            a.problem.as_deref().unwrap_or("").contains("# N. Title"),
            "{a:?}"
        );
        assert_eq!(a.number, 3);
        let e = parse("0004-y.md", "");
        assert!(e.problem.is_some());
        let m = parse("0009-z.md", "# 8. Z\n");
        assert!(
            m.problem.as_deref().unwrap_or("").contains("ADR 8"),
            "{m:?}"
        );
    }

    #[test]
    fn add_link_and_set_status_keep_the_layout() -> Result<()> {
        let t = "# 1. A\n\nDate: 2025-08-19\n\n## Status\n\nAccepted\n\n## Context\n\nc\n";
        let t = add_link(t, "Superseded by", "2. B", "0002-b.md")?;
        let t = set_status(&t, None)?;
        assert_eq!(
            t,
            "# 1. A\n\nDate: 2025-08-19\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n\n## Context\n\nc\n"
        );
        let t = set_status(&t, Some("Deprecated"))?;
        assert!(
            t.contains("## Status\n\nDeprecated\n\nSuperseded by [2. B](0002-b.md)\n\n## Context")
        );
        // A Status section that ends the file.
        let u = add_link(
            "# 1. A\n\n## Status\n\nAccepted\n",
            "Amends",
            "2. B",
            "0002-b.md",
        )?;
        assert_eq!(
            u,
            "# 1. A\n\n## Status\n\nAccepted\n\nAmends [2. B](0002-b.md)\n"
        );
        Ok(())
    }

    #[test]
    fn adr_dir_markers_stay_inside_their_folder() -> Result<()> {
        let base = Path::new("/repo");
        let m = Path::new("/repo/.adr-dir");
        assert_eq!(
            adr_dir_from_marker(base, m, "docs/decisions\r\n")?,
            Path::new("/repo/docs/decisions")
        );
        for bad in ["/etc", "../x", "a/../../b", "", "  \n", "a\nb", "."] {
            assert!(adr_dir_from_marker(base, m, bad).is_err(), "{bad:?}");
        }
        Ok(())
    }

    #[test]
    fn long_titles_make_short_file_names() -> Result<()> {
        let n = file_name(11, &"日".repeat(200))?;
        assert!(n.len() <= MAX_SLUG_BYTES + 8, "{}", n.len());
        let w = file_name(1, &"word ".repeat(60))?;
        assert!(
            w.ends_with("-word.md") && w.len() <= MAX_SLUG_BYTES + 8,
            "{w}"
        );
        Ok(())
    }

    #[test]
    fn superseded_wins_over_left_over_words_and_madr_text() {
        let a = parse(
            "0001-a.md",
            "# 1. A\n\n## Status\n\nProposed\n\nSuperseded by [4. D](0004-d.md)\n",
        );
        assert_eq!(a.status.as_deref(), Some("Superseded"));
        let m = parse(
            "0002-b.md",
            "# B\n\n* Status: superseded by [ADR-0003](0003-c.md)\n",
        );
        assert_eq!(m.status.as_deref(), Some("Superseded"));
    }

    #[test]
    fn madr_status_is_changed_in_place() -> Result<()> {
        let t = "---\nstatus: proposed\ndate: 2024-01-01\n---\n# Use X\n";
        assert_eq!(
            set_status(t, Some("Accepted"))?,
            "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use X\n"
        );
        let b = "# Y\n\n* Status: proposed\n";
        assert_eq!(
            set_status(b, Some("Rejected"))?,
            "# Y\n\n* Status: rejected\n"
        );
        assert!(set_status("# Z\n", Some("Accepted")).is_err());
        Ok(())
    }

    #[test]
    fn links_are_written_once() -> Result<()> {
        let t = add_link(
            "# 1. A\n\n## Status\n\nAccepted\n",
            "Amends",
            "2. B",
            "0002-b.md",
        )?;
        assert_eq!(add_link(&t, "Amends", "2. B", "0002-b.md")?, t);
        assert_eq!(spelled("amended BY"), "Amended by");
        assert_eq!(spelled("Relates to"), "Relates to");
        Ok(())
    }

    #[test]
    fn lifecycle() {
        assert!(check_transition(Some("Proposed"), "Accepted").is_ok());
        assert!(check_transition(Some("Proposed"), "Rejected").is_ok());
        assert!(check_transition(Some("Accepted"), "Deprecated").is_ok());
        assert!(check_transition(Some("Accepted"), "Proposed").is_err());
        assert!(check_transition(Some("Accepted"), "Superseded").is_err());
        assert!(check_transition(Some("Deprecated"), "Accepted").is_err());
        assert!(check_transition(None, "Maybe").is_err());
    }

    #[test]
    fn reverse_links() {
        assert_eq!(reverse_kind("Amends").as_deref(), Some("Amended by"));
        assert_eq!(reverse_kind("superceded by").as_deref(), Some("Supersedes"));
        assert_eq!(reverse_kind("Blocks"), None);
    }
}
