//! Where a plan's documents live, and which paths a caller may name.
//!
//! Each plan has one workspace folder: the one the user chose (stored in
//! `document_workspaces`), else `<documents dir>/studyplan/<plan-id>` from
//! `directories` (`$HOME/Documents/...` when the system names none).
//! Paths crossing the IPC boundary are relative to the workspace, use `/`,
//! end in `.md`, and may not leave the workspace, except into the ADR folder
//! that adr-tools' rule found above it.

use crate::error::{CoreError, Result};
use crate::plan::model::PlanFile;
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use std::path::{Component, Path, PathBuf};

/// The active plan and its documents' folders.
pub struct Context {
    pub plan_id: String,
    pub plan: PlanFile,
    /// First day of the plan as loaded (shifted when restarted later).
    pub start: NaiveDate,
    /// Days the plan was moved by when restarted on other dates.
    pub shift_days: i64,
    pub workspace: PathBuf,
    pub adr_dir: PathBuf,
}

/// The default workspace for `plan_id`.
pub fn default_workspace(plan_id: &str) -> Result<PathBuf> {
    let base = directories::UserDirs::new()
        .map(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| u.home_dir().join("Documents"))
        })
        .ok_or_else(|| {
            CoreError::Io("no home folder to keep documents in; choose a folder".into())
        })?;
    Ok(base.join("studyplan").join(plan_id))
}

/// Plan `plan_id`'s workspace folder, without reading the plan file.
pub fn workspace_root(store: &Store, plan_id: &str) -> Result<PathBuf> {
    let root: Option<String> = store
        .conn()
        .query_row(
            "SELECT root FROM document_workspaces WHERE plan_id = ?1",
            [plan_id],
            |r| r.get(0),
        )
        .optional()?;
    match root {
        Some(r) => Ok(PathBuf::from(r)),
        None => default_workspace(plan_id),
    }
}

/// The active plan's context. `NotFound` when no plan is active.
pub fn context(store: &Store) -> Result<Context> {
    let row = store
        .conn()
        .query_row(
            "SELECT p.id, p.source_name, p.source_text, p.start_date, p.shift_days, w.root
             FROM plans p LEFT JOIN document_workspaces w ON w.plan_id = p.id WHERE p.active = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound("no plan is active; load a plan first".into()))?;
    let (plan_id, source_name, text, start, shift_days, root) = row;
    let plan =
        crate::plan::parse::parse_plan(&source_name, &text).map_err(CoreError::PlanInvalid)?;
    let start = crate::store::agenda::parse_date(&start)?;
    let workspace = match root {
        Some(r) => PathBuf::from(r),
        None => default_workspace(&plan_id)?,
    };
    let adr_dir = normalise(&super::adr::adr_dir(&workspace)?);
    Ok(Context {
        plan_id,
        plan,
        start,
        shift_days,
        workspace,
        adr_dir,
    })
}

/// Make `path` the active plan's workspace: it must be absolute; it is
/// created if missing and must be writable (checked by writing a file).
pub fn set_workspace(store: &mut Store, path: &Path) -> Result<PathBuf> {
    let text = path.to_string_lossy();
    if text.trim().is_empty() {
        return Err(CoreError::InvalidInput(
            "give the documents folder's path".into(),
        ));
    }
    // `~/portfolio` as people type it (the shell is not there to expand it).
    let expanded;
    let path = match text.strip_prefix("~/") {
        Some(rest) => {
            let home = directories::UserDirs::new()
                .map(|u| u.home_dir().to_path_buf())
                .ok_or_else(|| {
                    CoreError::InvalidInput("no home folder to expand `~` against".into())
                })?;
            expanded = home.join(rest);
            expanded.as_path()
        }
        None => path,
    };
    let path = &normalise(path);
    if path.exists() && !path.is_dir() {
        return Err(CoreError::InvalidInput(format!(
            "{} is a file, not a folder",
            path.display()
        )));
    }
    if !path.is_absolute() {
        return Err(CoreError::InvalidInput(format!(
            "the documents folder must be an absolute path, got `{}`",
            path.display()
        )));
    }
    std::fs::create_dir_all(path)
        .map_err(|e| CoreError::io("cannot create the folder", path, e))?;
    tempfile::Builder::new()
        .prefix(".studyplan-write-check")
        .tempfile_in(path)
        .map_err(|e| CoreError::io("cannot write in the folder", path, e))?;
    let ctx = context(store)?;
    let tx = store.immediate()?;
    // The index describes files of the old folder; the new folder's files
    // are indexed when listed. Status dates and drafts are kept (same
    // relative paths in a moved repository keep their history).
    tx.execute("DELETE FROM documents WHERE plan_id = ?1", [&ctx.plan_id])?;
    tx.execute(
        "INSERT INTO document_workspaces (plan_id, root) VALUES (?1, ?2)
         ON CONFLICT (plan_id) DO UPDATE SET root = excluded.root",
        params![ctx.plan_id, path.to_string_lossy()],
    )?;
    tx.commit()?;
    Ok(path.to_path_buf())
}

impl Context {
    /// Resolve a caller's relative path, refusing anything that would leave
    /// the workspace (or the ADR folder) or is not a Markdown file.
    pub fn resolve(&self, rel: &str) -> Result<PathBuf> {
        let bad =
            |why: &str| CoreError::InvalidInput(format!("`{rel}` is not a document path: {why}"));
        if rel.trim().is_empty() {
            return Err(bad("it is empty"));
        }
        if rel.contains('\\') {
            return Err(bad("use `/` between folders"));
        }
        if rel.chars().any(char::is_control) {
            return Err(bad("it holds a control character"));
        }
        let p = Path::new(rel);
        if p.is_absolute() {
            return Err(bad("give it relative to the documents folder"));
        }
        if p.extension().and_then(|e| e.to_str()) != Some("md") {
            return Err(bad("documents are Markdown files ending in .md"));
        }
        let mut out = self.workspace.clone();
        for c in p.components() {
            match c {
                Component::Normal(x) => out.push(x),
                Component::CurDir => {}
                Component::ParentDir => {
                    out.pop();
                }
                _ => return Err(bad("it names a root")),
            }
        }
        if out.starts_with(&self.adr_dir) {
            Ok(out)
        } else if out.starts_with(&self.workspace) {
            // Hidden folders (.git, .github...) hold tools' files, not documents.
            let hidden = out
                .strip_prefix(&self.workspace)
                .map(|r| {
                    r.components()
                        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
                })
                .unwrap_or(false);
            if hidden {
                Err(bad("it is inside a hidden folder"))
            } else {
                Ok(out)
            }
        } else {
            Err(bad("it is outside the documents folder"))
        }
    }

    /// The caller-facing path of an absolute one: relative to the
    /// workspace, `/`-separated (`../doc/adr/0001-x.md` for an ADR folder
    /// above the workspace).
    pub fn relative(&self, abs: &Path) -> String {
        if let Ok(r) = abs.strip_prefix(&self.workspace) {
            return slash(r);
        }
        let mut up = String::new();
        let mut base = self.workspace.as_path();
        while let Some(parent) = base.parent() {
            up.push_str("../");
            if let Ok(r) = abs.strip_prefix(parent) {
                return format!("{up}{}", slash(r));
            }
            base = parent;
        }
        abs.to_string_lossy().into_owned()
    }
}

fn slash(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `a/b/../c` → `a/c` without touching the file system.
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}
