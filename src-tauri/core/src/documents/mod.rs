//! Documents: ADRs, project READMEs and the daily study log, kept as plain
//! Markdown files in a folder the user owns (often their portfolio repo).
//!
//! Contract:
//! - The files are the truth. SQLite holds only an index (path, kind,
//!   template, linked project/week/date, the SHA-256 last seen), ADR status
//!   dates and recovery drafts ([`index`]); deleting the database loses no
//!   word of any document.
//! - Every write is atomic ([`files::write_atomic`]) and conditional: a save
//!   names the hash its text started from, and when the file changed on disk
//!   since, nothing is written and both versions come back
//!   ([`SaveOutcome::conflict`]). Nothing the app cannot parse is rewritten;
//!   it is listed with the reason ([`DocumentEntry::problem`]).
//! - ADRs follow adr-tools' format and rules ([`adr`]); READMEs are checked
//!   against the plan's outline ([`readme`]); daily logs are filled from the
//!   day's blocks ([`daily_log`]); all three come from templates a workspace
//!   can override ([`templates`]). Previews are sanitized HTML ([`render`]).
//! - Paths crossing the IPC boundary are relative to the workspace and
//!   checked ([`workspace::Context::resolve`]).
//!
//! Libraries: pulldown-cmark (CommonMark + GFM, MIT) and ammonia
//! (html5ever-based sanitizer, MIT/Apache) for the preview, minijinja
//! (Jinja2 templates with line/column errors, Apache-2.0) for templates,
//! sha2 (RustCrypto) for content hashes, tempfile for same-folder
//! temporary files.

pub mod adr;
pub mod daily_log;
pub mod decisions;
pub mod files;
pub mod index;
pub mod plan_templates;
pub mod projects;
pub mod readme;
pub mod render;
pub mod templates;
pub mod workspace;

use crate::error::{CoreError, Result};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use index::IndexRow;
use readme::Completeness;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;
use workspace::Context;

pub use workspace::{context, set_workspace};

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocKind {
    Adr,
    Readme,
    DailyLog,
    Other,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Adr => "adr",
            DocKind::Readme => "readme",
            DocKind::DailyLog => "daily_log",
            DocKind::Other => "other",
        }
    }

    fn parse(s: &str) -> DocKind {
        match s {
            "adr" => DocKind::Adr,
            "readme" => DocKind::Readme,
            "daily_log" => DocKind::DailyLog,
            _ => DocKind::Other,
        }
    }
}

/// A link line of an ADR's Status section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AdrLink {
    /// The link's words as written ("Supersedes", "Superseded by", "Amends").
    pub kind: String,
    pub target_number: Option<u32>,
    /// The target's path, relative to the workspace.
    pub target_path: String,
    /// The target's heading as linked (`N. Title`).
    pub target_title: String,
}

/// An ADR status with the local date (YYYY-MM-DD) it was first seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StatusChange {
    pub status: String,
    pub date: String,
}

/// One file in the documents list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocumentEntry {
    /// Relative to the workspace, `/`-separated.
    pub path: String,
    pub kind: DocKind,
    pub title: String,
    /// ADR number.
    pub number: Option<u32>,
    /// ADR status ("Accepted", "Superseded"...).
    pub status: Option<String>,
    /// ADR date, or a daily log's day (YYYY-MM-DD).
    pub date: Option<String>,
    /// Linked plan project id (READMEs).
    pub project: Option<String>,
    pub week: Option<u32>,
    pub links: Vec<AdrLink>,
    pub status_history: Vec<StatusChange>,
    /// Another ADR file carries the same number (e.g. two branches each
    /// added 0007); both are listed, neither is renumbered.
    pub duplicate: bool,
    /// Why the file could not be read or parsed; it is left untouched.
    pub problem: Option<String>,
    /// The file changed on disk since the app last read or wrote it.
    pub changed_outside: bool,
    /// READMEs: completeness against the plan's outline.
    pub completeness: Option<Completeness>,
}

/// A plan project and its README, if one exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProjectDoc {
    pub id: String,
    pub title: String,
    pub week: Option<u32>,
    /// Due date (YYYY-MM-DD), from the plan (shifted with a restarted plan).
    pub due: Option<String>,
    pub readme: Option<String>,
    /// Where "New README" writes when no path is given (relative to the
    /// workspace; see `projects` for the rule).
    pub new_readme_path: String,
}

/// Everything the Documents place lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocumentList {
    /// Absolute path of the workspace folder.
    pub workspace: String,
    /// Absolute path of the ADR folder (adr-tools' rule).
    pub adr_dir: String,
    pub entries: Vec<DocumentEntry>,
    pub projects: Vec<ProjectDoc>,
    /// The ADR table of contents, `adr generate toc`'s Markdown.
    pub toc: String,
}

/// Unsaved editor text kept for recovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Draft {
    pub text: String,
    /// RFC 3339 UTC.
    pub saved_at: String,
}

/// A document opened for editing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocumentContent {
    pub path: String,
    pub abs_path: String,
    pub kind: DocKind,
    pub text: String,
    /// SHA-256 of the file as read; pass it back as `base` when saving.
    pub hash: String,
    /// Text typed in the app and never saved (e.g. before a crash), when it
    /// differs from the file.
    pub recovery: Option<Draft>,
}

/// The preview of an editor's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocumentPreview {
    /// Sanitized HTML.
    pub html: String,
    /// READMEs only.
    pub completeness: Option<Completeness>,
}

/// The file's version on disk when a save found it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SaveConflict {
    /// Empty when the file was deleted.
    pub disk_text: String,
    /// Empty when the file was deleted.
    pub disk_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SaveOutcome {
    pub saved: bool,
    /// The file's hash now (the new one when saved).
    pub hash: String,
    pub conflict: Option<SaveConflict>,
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Which kind a path is, when the index does not say.
fn kind_of_path(rel: &str) -> DocKind {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if name.eq_ignore_ascii_case("README.md") {
        DocKind::Readme
    } else if rel.starts_with("logs/") && daily_log::date_of_file(name).is_some() {
        DocKind::DailyLog
    } else if adr::file_number(name).is_some() && rel.contains("adr/") {
        DocKind::Adr
    } else {
        DocKind::Other
    }
}

/// List the active plan's documents: ADRs from the ADR folder, project
/// READMEs (`*/README.md` up to two levels down, plus indexed ones), daily
/// logs from `logs/`, and any other indexed file. Files changed outside the
/// app are re-read and flagged; indexed files that vanished are listed with
/// a problem, not dropped. `today` (local) dates newly seen ADR statuses.
pub fn list(store: &mut Store, today: NaiveDate) -> Result<DocumentList> {
    let ctx = context(store)?;
    let known: HashMap<String, IndexRow> = index::all(store.conn(), &ctx.plan_id)?
        .into_iter()
        .collect();
    let mut entries = Vec::new();
    let tx = store.immediate()?;

    // ADRs.
    let adrs = adr::scan(&ctx.adr_dir)?;
    let toc = adr::toc_of(&adrs);
    let mut per_number: HashMap<u32, u32> = HashMap::new();
    for a in &adrs {
        *per_number.entry(a.number).or_default() += 1;
    }
    let mut seen: Vec<String> = Vec::new();
    for a in adrs {
        let abs = ctx.adr_dir.join(&a.file_name);
        let rel = ctx.relative(&abs);
        let (hash, problem) = (a.hash.clone(), a.problem.clone());
        let prev = known.get(&rel);
        let changed_outside = prev.is_some_and(|p| p.hash != hash);
        index::put(
            &tx,
            &ctx.plan_id,
            &rel,
            &IndexRow {
                kind: "adr".into(),
                hash,
                ..Default::default()
            },
        )?;
        if let Some(st) = &a.status {
            let first = index::status_history(&tx, &ctx.plan_id, &rel)?.is_empty();
            let on = match (&a.date, first) {
                (Some(d), true) => d.clone(),
                _ => today.to_string(),
            };
            index::record_status(&tx, &ctx.plan_id, &rel, st, &on)?;
        }
        let links = a
            .links
            .iter()
            .map(|l| AdrLink {
                kind: l.kind.clone(),
                target_number: l.target_number,
                target_path: ctx.relative(&ctx.adr_dir.join(&l.target_file)),
                target_title: l.target_title.clone(),
            })
            .collect();
        entries.push(DocumentEntry {
            status_history: index::status_history(&tx, &ctx.plan_id, &rel)?,
            path: rel.clone(),
            kind: DocKind::Adr,
            title: a.title,
            number: Some(a.number),
            status: a.status,
            date: a.date,
            project: None,
            week: None,
            links,
            duplicate: per_number.get(&a.number).copied().unwrap_or(0) > 1,
            problem,
            changed_outside,
            completeness: None,
        });
        seen.push(rel);
    }

    // READMEs, daily logs and other indexed files.
    let mut paths: Vec<String> = projects::readme_candidates(&ctx.workspace)
        .into_iter()
        .chain(daily_log::log_files(&ctx.workspace))
        .collect();
    paths.extend(known.keys().filter(|k| !seen.contains(k)).cloned());
    paths.sort();
    paths.dedup();
    let mut logs = Vec::new();
    for rel in paths.into_iter().filter(|p| !seen.contains(p)) {
        let prev = known.get(&rel);
        let kind = prev
            .map(|p| DocKind::parse(&p.kind))
            .unwrap_or_else(|| kind_of_path(&rel));
        let resolved = ctx.resolve(&rel);
        let mut e = DocumentEntry {
            path: rel.clone(),
            kind,
            title: rel.clone(),
            number: None,
            status: None,
            date: prev.and_then(|p| p.date.clone()),
            project: prev.and_then(|p| p.project.clone()),
            week: prev.and_then(|p| p.week),
            links: Vec::new(),
            status_history: Vec::new(),
            duplicate: false,
            problem: None,
            changed_outside: false,
            completeness: None,
        };
        let read = match &resolved {
            Ok(abs) => files::read(abs),
            // An indexed path the current folders no longer hold (the ADR
            // folder moved): no longer one of this workspace's documents.
            Err(_) => {
                index::forget(&tx, &ctx.plan_id, &rel)?;
                continue;
            }
        };
        match read {
            Ok(Some(f)) => {
                e.changed_outside = prev.is_some_and(|p| p.hash != f.hash);
                e.title = title_of(&f.text).unwrap_or_else(|| rel.clone());
                match kind {
                    DocKind::Readme => {
                        if e.project.is_none() {
                            e.project = readme::project_marker(&f.text);
                        }
                        let project = e.project.as_deref().and_then(|id| projects::find(&ctx, id));
                        if project.is_none()
                            && prev.is_none()
                            && readme::project_marker(&f.text).is_none()
                        {
                            // A README.md that studyplan did not make and no project claims
                            // (a tool's or a library's) is not a project README.
                            continue;
                        }
                        e.week = e
                            .week
                            .or_else(|| project.and_then(|p| p.week.as_ref().map(|w| w.value)));
                        e.completeness = Some(projects::check(&ctx, project, &f.text));
                    }
                    DocKind::DailyLog => {
                        e.date = e.date.or_else(|| {
                            daily_log::date_of_file(rel.rsplit('/').next().unwrap_or(""))
                                .map(|d| d.to_string())
                        });
                    }
                    _ => {}
                }
                index::put(
                    &tx,
                    &ctx.plan_id,
                    &rel,
                    &IndexRow {
                        kind: kind.as_str().into(),
                        project: e.project.clone(),
                        week: e.week,
                        date: e.date.clone(),
                        hash: f.hash,
                        ..Default::default()
                    },
                )?;
            }
            Ok(None) => {
                // Said once, then forgotten: the index follows the folder.
                e.problem = Some("the file is gone: moved or deleted outside studyplan".into());
                index::forget(&tx, &ctx.plan_id, &rel)?;
            }
            Err(err) => e.problem = Some(err.to_string()),
        }
        if kind == DocKind::DailyLog {
            logs.push(e);
        } else {
            entries.push(e);
        }
    }
    logs.sort_by(|a, b| b.date.cmp(&a.date).then(b.path.cmp(&a.path)));
    entries.extend(logs);
    tx.commit()?;

    let projects = projects::project_docs(&ctx, &entries);
    Ok(DocumentList {
        workspace: ctx.workspace.to_string_lossy().into_owned(),
        adr_dir: ctx.adr_dir.to_string_lossy().into_owned(),
        toc,
        entries,
        projects,
    })
}

/// The first `# ` heading of a Markdown text, front matter skipped.
fn title_of(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Remember `hash` as the last seen content of `rel` (kind from the index,
/// else from the path); returns the kind.
fn remember(tx: &rusqlite::Transaction, ctx: &Context, rel: &str, hash: &str) -> Result<DocKind> {
    let kind = index::get(tx, &ctx.plan_id, rel)?
        .map(|p| DocKind::parse(&p.kind))
        .unwrap_or_else(|| kind_of_path(rel));
    index::put(
        tx,
        &ctx.plan_id,
        rel,
        &IndexRow {
            kind: kind.as_str().into(),
            hash: hash.into(),
            ..Default::default()
        },
    )?;
    Ok(kind)
}

/// The listed entry of `rel`, after a change the caller just made.
fn entry_of(store: &mut Store, today: NaiveDate, rel: &str) -> Result<DocumentEntry> {
    list(store, today)?
        .entries
        .into_iter()
        .find(|e| e.path == rel)
        .ok_or_else(|| CoreError::Internal(format!("{rel} was written but is not listed")))
}

/// Open a document for editing; its hash is remembered as last seen.
pub fn open(store: &mut Store, rel: &str) -> Result<DocumentContent> {
    let ctx = context(store)?;
    open_in(store, &ctx, rel)
}

fn open_in(store: &mut Store, ctx: &Context, rel: &str) -> Result<DocumentContent> {
    let abs = ctx.resolve(rel)?;
    let f = files::read(&abs)?
        .ok_or_else(|| CoreError::NotFound(format!("{} does not exist", abs.display())))?;
    let tx = store.immediate()?;
    let kind = remember(&tx, ctx, rel, &f.hash)?;
    let recovery = match index::draft(&tx, &ctx.plan_id, rel)? {
        Some((text, _, _)) if text == f.text => {
            index::drop_draft(&tx, &ctx.plan_id, rel)?;
            None
        }
        Some((text, _, saved_at)) => Some(Draft { text, saved_at }),
        None => None,
    };
    tx.commit()?;
    Ok(DocumentContent {
        path: rel.into(),
        abs_path: abs.to_string_lossy().into_owned(),
        kind,
        text: f.text,
        hash: f.hash,
        recovery,
    })
}

/// Render `text` for the preview; for a README (`rel` given) also check it
/// against the plan's outline. Works without an active plan (no check).
pub fn preview(store: &Store, rel: Option<&str>, text: &str) -> Result<DocumentPreview> {
    let html = render::render_html(text);
    let completeness = match rel {
        Some(rel) if kind_of_path(rel) == DocKind::Readme => match context(store) {
            Ok(ctx) => {
                let id = index::get(store.conn(), &ctx.plan_id, rel)?
                    .and_then(|r| r.project)
                    .or_else(|| readme::project_marker(text));
                let project = id.as_deref().and_then(|id| projects::find(&ctx, id));
                Some(projects::check(&ctx, project, text))
            }
            Err(_) => None,
        },
        _ => None,
    };
    Ok(DocumentPreview { html, completeness })
}

/// Save `text` to `rel` if the file is still at `base` (its hash when the
/// editor read it; "" for a file that should not exist yet). Otherwise
/// nothing is written and the disk version comes back in `conflict`.
pub fn save(
    store: &mut Store,
    rel: &str,
    text: &str,
    base: &str,
    today: NaiveDate,
) -> Result<SaveOutcome> {
    let ctx = context(store)?;
    let abs = ctx.resolve(rel)?;
    let disk = files::read(&abs)?;
    let disk_hash = disk.as_ref().map(|d| d.hash.clone()).unwrap_or_default();
    if disk_hash != base {
        return Ok(SaveOutcome {
            saved: false,
            hash: disk_hash.clone(),
            conflict: Some(SaveConflict {
                disk_text: disk.map(|d| d.text).unwrap_or_default(),
                disk_hash,
            }),
        });
    }
    let text = &match &disk {
        Some(d) => files::keep_line_endings(&d.text, text),
        None => text.to_string(),
    };
    let hash = files::write_atomic(&abs, text)?;
    let tx = store.immediate()?;
    let kind = remember(&tx, &ctx, rel, &hash)?;
    if kind == DocKind::Adr {
        if let Some(st) =
            adr::parse(abs.file_name().and_then(|n| n.to_str()).unwrap_or(""), text).status
        {
            index::record_status(&tx, &ctx.plan_id, rel, &st, &today.to_string())?;
        }
    }
    index::drop_draft(&tx, &ctx.plan_id, rel)?;
    tx.commit()?;
    Ok(SaveOutcome {
        saved: true,
        hash,
        conflict: None,
    })
}

/// Keep `text` as the recovery copy of `rel` (called as the person types).
pub fn save_draft(
    store: &mut Store,
    rel: &str,
    text: &str,
    base: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let ctx = context(store)?;
    ctx.resolve(rel)?;
    let tx = store.immediate()?;
    index::put_draft(&tx, &ctx.plan_id, rel, text, base, &rfc3339(now))?;
    tx.commit()?;
    Ok(())
}

/// Forget the recovery copy of `rel`.
pub fn discard_draft(store: &mut Store, rel: &str) -> Result<()> {
    let ctx = context(store)?;
    ctx.resolve(rel)?;
    let tx = store.immediate()?;
    index::drop_draft(&tx, &ctx.plan_id, rel)?;
    tx.commit()?;
    Ok(())
}

/// The active plan's workspace folder.
pub fn workspace_path(store: &Store) -> Result<std::path::PathBuf> {
    Ok(context(store)?.workspace)
}

/// Write a new document at `abs` (never over an existing file) and index
/// it, inside the caller's transaction.
fn create(
    tx: &rusqlite::Transaction,
    ctx: &Context,
    abs: &Path,
    text: &str,
    row: IndexRow,
) -> Result<String> {
    let hash = files::create_new(abs, text)?;
    let rel = ctx.relative(abs);
    index::put(tx, &ctx.plan_id, &rel, &IndexRow { hash, ..row })?;
    Ok(rel)
}
