//! Project READMEs: where each plan project's README goes, what a new one
//! holds, and how complete it is against the plan's outline.
//!
//! Default path: `week-NN/README.md` when the project is the only one due
//! in week NN (the reference plan's `de-portfolio-2025/week-01 … week-09`),
//! `week-NN/<project-id>/README.md` when several share the week, and
//! `<project-id>/README.md` for a project without a week.

use super::readme::{self, Completeness, DEFAULT_OUTLINE, QUALITY_CHECKLIST};
use super::templates::{self, TemplateKind};
use super::workspace::Context;
use super::{context, create, entry_of, DocKind, DocumentEntry, ProjectDoc};
use crate::error::{CoreError, Result};
use crate::plan::model::{PlanFile, Project};
use crate::store::Store;
use chrono::{Days, NaiveDate};
use std::path::Path;

/// Folders never searched for READMEs.
const SKIP_DIRS: [&str; 4] = ["node_modules", "target", "templates", "logs"];

/// `README.md` files at the top of the workspace and one or two levels
/// down (hidden folders skipped), as workspace-relative paths.
pub fn readme_candidates(ws: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if ws.join("README.md").is_file() {
        out.push("README.md".to_string());
    }
    let subdirs = |dir: &Path| -> Vec<String> {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut v: Vec<String> = rd
            .flatten()
            .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.') && !SKIP_DIRS.contains(&n.as_str()))
            .collect();
        v.sort();
        v
    };
    for a in subdirs(ws) {
        if ws.join(&a).join("README.md").is_file() {
            out.push(format!("{a}/README.md"));
        }
        for b in subdirs(&ws.join(&a)) {
            if ws.join(&a).join(&b).join("README.md").is_file() {
                out.push(format!("{a}/{b}/README.md"));
            }
        }
    }
    out
}

pub fn find<'a>(ctx: &'a Context, id: &str) -> Option<&'a Project> {
    ctx.plan.projects.iter().find(|p| p.id.value == id)
}

/// The plan's README outline and the id of the template it came from.
pub fn outline(plan: &PlanFile) -> (Option<String>, Vec<String>) {
    match plan.documents.iter().find(|d| d.kind == "readme") {
        Some(d) => (Some(d.id.value.clone()), d.fields.clone()),
        None => (None, DEFAULT_OUTLINE.map(String::from).to_vec()),
    }
}

/// The quality criteria every project must meet (the plan's
/// `quality-criteria` checklist), empty when the plan has none.
pub fn quality(plan: &PlanFile) -> Vec<String> {
    plan.checklists
        .iter()
        .find(|c| c.id.value == QUALITY_CHECKLIST)
        .map(|c| {
            c.items
                .iter()
                .chain(c.groups.iter().flat_map(|g| g.items.iter()))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// A project's due date: the plan's (moved with a restarted plan), else
/// the last day of its week.
pub fn due(ctx: &Context, p: &Project) -> Option<NaiveDate> {
    if let Some(d) = &p.due {
        let shift = ctx.shift_days;
        return if shift >= 0 {
            d.value.0.checked_add_days(Days::new(shift.unsigned_abs()))
        } else {
            d.value.0.checked_sub_days(Days::new(shift.unsigned_abs()))
        };
    }
    let w = u64::from(p.week.as_ref()?.value);
    ctx.start
        .checked_add_days(Days::new(w.checked_mul(7)?.checked_sub(1)?))
}

/// Check a README's text against the outline and `project`'s deliverables.
pub fn check(ctx: &Context, project: Option<&Project>, text: &str) -> Completeness {
    check_in_plan(&ctx.plan, project, text)
}

fn check_in_plan(plan: &PlanFile, project: Option<&Project>, text: &str) -> Completeness {
    let (_, outline) = outline(plan);
    let deliverables = project.map(|p| p.deliverables.clone()).unwrap_or_default();
    readme::check(text, &outline, &deliverables)
}

/// The headless linter (`studyplan readme check`): check the README at
/// `path` against `plan`'s outline and the deliverables of `project` (else
/// the project its marker names). Returns the completeness and one
/// `file:line: message` per finding. A file that is not UTF-8 text or holds
/// NUL bytes is `InvalidInput`.
pub fn check_file(
    path: &Path,
    plan: &PlanFile,
    project: Option<&str>,
) -> Result<(Completeness, Vec<String>)> {
    let name = path.display().to_string();
    let f = super::files::read(path)?
        .ok_or_else(|| CoreError::NotFound(format!("{name}: no such file")))?;
    if f.text.contains('\0') {
        return Err(CoreError::InvalidInput(format!(
            "{name}: a binary file, not Markdown"
        )));
    }
    let id = project
        .map(String::from)
        .or_else(|| readme::project_marker(&f.text));
    let p = match id.as_deref() {
        Some(id) => Some(
            plan.projects
                .iter()
                .find(|p| p.id.value == id)
                .ok_or_else(|| {
                    CoreError::InvalidInput(format!("{name}: the plan has no project `{id}`"))
                })?,
        ),
        None => None,
    };
    let c = check_in_plan(plan, p, &f.text);
    let findings = readme::findings(&name, &c);
    Ok((c, findings))
}

/// Each plan project with its README's path, if one is listed.
pub fn project_docs(ctx: &Context, entries: &[DocumentEntry]) -> Vec<ProjectDoc> {
    ctx.plan
        .projects
        .iter()
        .map(|p| ProjectDoc {
            id: p.id.value.clone(),
            title: p.title.clone(),
            week: p.week.as_ref().map(|w| w.value),
            due: due(ctx, p).map(|d| d.to_string()),
            readme: entries
                .iter()
                .find(|e| {
                    e.kind == DocKind::Readme
                        && e.problem.is_none()
                        && e.project.as_deref() == Some(&p.id.value)
                })
                .map(|e| e.path.clone()),
            new_readme_path: default_path(ctx, p),
        })
        .collect()
}

fn default_path(ctx: &Context, p: &Project) -> String {
    match p.week.as_ref().map(|w| w.value) {
        Some(w) => {
            let shared = ctx
                .plan
                .projects
                .iter()
                .filter(|q| q.week.as_ref().map(|x| x.value) == Some(w))
                .count()
                > 1;
            if shared {
                format!("week-{w:02}/{}/README.md", p.id.value)
            } else {
                format!("week-{w:02}/README.md")
            }
        }
        None => format!("{}/README.md", p.id.value),
    }
}

/// Create the README of project `id` at `path` (default: see the module
/// doc) from the plan's outline, pre-filled with what the plan knows.
/// Never overwrites: `Conflict` when the file exists.
pub fn new_readme(
    store: &mut Store,
    id: &str,
    path: Option<&str>,
    today: NaiveDate,
) -> Result<DocumentEntry> {
    let ctx = context(store)?;
    let p = find(&ctx, id).ok_or_else(|| {
        let ids: Vec<&str> = ctx
            .plan
            .projects
            .iter()
            .map(|p| p.id.value.as_str())
            .collect();
        CoreError::NotFound(if ids.is_empty() {
            format!("the plan has no projects (asked for `{id}`)")
        } else {
            format!(
                "the plan has no project `{id}`; its projects are: {}",
                ids.join(", ")
            )
        })
    })?;
    let rel = match path.map(str::trim).filter(|s| !s.is_empty()) {
        Some(r) => r.to_string(),
        None => default_path(&ctx, p),
    };
    let abs = ctx.resolve(&rel)?;
    let (template, outline) = outline(&ctx.plan);
    let quality = quality(&ctx.plan);
    let text = templates::render(
        TemplateKind::Readme,
        &ctx.workspace,
        minijinja::context! {
            project => minijinja::context! {
                id => &p.id.value,
                title => &p.title,
                summary => &p.summary,
                week => p.week.as_ref().map(|w| w.value),
                items => &p.items,
                deliverables => &p.deliverables,
                success_criteria => &p.success_criteria,
            },
            due => due(&ctx, p).map(|d| d.format("%a %-d %b %Y").to_string()),
            outline,
            quality,
        },
    )?;
    let tx = store.immediate()?;
    let rel = create(
        &tx,
        &ctx,
        &abs,
        &text,
        super::index::IndexRow {
            kind: DocKind::Readme.as_str().into(),
            template,
            project: Some(id.into()),
            week: p.week.as_ref().map(|w| w.value),
            ..Default::default()
        },
    )?;
    tx.commit()?;
    entry_of(store, today, &rel)
}
