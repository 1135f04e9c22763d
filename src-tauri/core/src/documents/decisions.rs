//! ADR operations over the workspace: new (optionally superseding), status
//! changes, typed links, the table of contents. The file format and
//! numbering rules are in [`super::adr`]; this module reads the folder,
//! writes files atomically and keeps the index (status dates) in step.

use super::adr::{self, AdrFile};
use super::index::{self, IndexRow};
use super::templates::{self, TemplateKind};
use super::workspace::Context;
use super::{context, create, entry_of, files, list, DocKind, DocumentEntry};
use crate::error::{CoreError, Result};
use crate::store::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The ADR fields used when the plan has no ADR template: adr-tools' own.
pub const DEFAULT_FIELDS: [&str; 3] = ["Context", "Decision", "Consequences"];

/// The longest title accepted, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

fn adr_fields(ctx: &Context) -> (Option<String>, Vec<String>) {
    match ctx.plan.documents.iter().find(|d| d.kind == "adr") {
        Some(d) => (Some(d.id.value.clone()), d.fields.clone()),
        None => (None, DEFAULT_FIELDS.map(String::from).to_vec()),
    }
}

/// The one file that is ADR `number`.
fn find(ctx: &Context, number: u32) -> Result<(AdrFile, PathBuf)> {
    let all: Vec<AdrFile> = adr::scan(&ctx.adr_dir)?
        .into_iter()
        .filter(|a| a.number == number)
        .collect();
    match all.as_slice() {
        [] => Err(CoreError::NotFound(format!(
            "there is no ADR {number} in {}",
            ctx.adr_dir.display()
        ))),
        [one] => {
            if let Some(p) = &one.problem {
                return Err(CoreError::InvalidInput(format!(
                    "ADR {number} ({}) cannot be changed: {p}",
                    one.file_name
                )));
            }
            Ok((one.clone(), ctx.adr_dir.join(&one.file_name)))
        }
        many => Err(CoreError::Conflict(format!(
            "ADR {number} is {} files ({}); renumber one before linking to it",
            many.len(),
            many.iter()
                .map(|a| a.file_name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn check_title(title: &str) -> Result<String> {
    let t = title.trim();
    // The title becomes the file name and the `# N. Title` heading: one line
    // of text, as adr-tools writes it (a tab is text, other controls are not).
    if t.chars().any(|c| c.is_control() && c != '\t') {
        return Err(CoreError::InvalidInput(
            "an ADR title is one line of text, without control characters".into(),
        ));
    }
    if t.chars().count() > MAX_TITLE_CHARS {
        return Err(CoreError::InvalidInput(format!(
            "the title is {} characters; keep it under {MAX_TITLE_CHARS}",
            t.chars().count()
        )));
    }
    adr::slug(t)?;
    Ok(t.to_string())
}

/// Rewrite an existing ADR with `f` (given LF text; CRLF files stay CRLF).
fn rewrite(path: &Path, f: impl FnOnce(&str) -> Result<String>) -> Result<String> {
    let cur = files::read(path)?
        .ok_or_else(|| CoreError::NotFound(format!("{} disappeared", path.display())))?;
    let new = files::keep_line_endings(&cur.text, &f(&cur.text.replace("\r\n", "\n"))?);
    files::write_atomic(path, &new)?;
    Ok(new)
}

/// Link words as written in a file: one line, no Markdown link syntax.
fn check_link_words(words: &str, what: &str) -> Result<String> {
    let w = words.trim();
    if w.is_empty()
        || w.chars().count() > 60
        || w.contains(['[', ']', '(', ')'])
        || w.chars().any(char::is_control)
    {
        return Err(CoreError::InvalidInput(format!(
            "`{}` is not a {what}; use a few words such as Amends, Clarifies, Extends",
            w.chars().take(60).collect::<String>()
        )));
    }
    Ok(adr::spelled(w))
}

/// Index a rewritten ADR's new hash and, if given, its new status.
fn reindex(
    tx: &rusqlite::Transaction,
    ctx: &Context,
    path: &Path,
    text: &str,
    status: Option<&str>,
    today: NaiveDate,
) -> Result<()> {
    let rel = ctx.relative(path);
    index::put(
        tx,
        &ctx.plan_id,
        &rel,
        &IndexRow {
            kind: DocKind::Adr.as_str().into(),
            hash: files::hash(text.as_bytes()),
            ..Default::default()
        },
    )?;
    if let Some(st) = status {
        index::record_status(tx, &ctx.plan_id, &rel, st, &today.to_string())?;
    }
    Ok(())
}

/// Create ADR `next` titled `title` with `status` (default Proposed; only
/// Proposed or Accepted for a new record), superseding ADR `supersedes`
/// if given: the new file gets `Supersedes [N. ...]`, the old one
/// `Superseded by [M. ...]` and loses its status words (adr-tools' `-s`).
pub fn new_adr(
    store: &mut Store,
    title: &str,
    status: Option<&str>,
    supersedes: Option<u32>,
    today: NaiveDate,
) -> Result<DocumentEntry> {
    let ctx = context(store)?;
    let title = check_title(title)?;
    let status = match status.map(str::trim).filter(|s| !s.is_empty()) {
        None => "Proposed".to_string(),
        Some(s) if s.eq_ignore_ascii_case("proposed") => "Proposed".into(),
        Some(s) if s.eq_ignore_ascii_case("accepted") => "Accepted".into(),
        Some(s) => {
            return Err(CoreError::InvalidInput(format!(
                "a new ADR starts Proposed or Accepted, not `{s}`"
            )))
        }
    };
    let old = match supersedes {
        Some(n) => {
            let (a, p) = find(&ctx, n)?;
            adr::check_supersedable(n, a.status.as_deref())?;
            Some((a, p))
        }
        None => None,
    };
    let (template, fields) = adr_fields(&ctx);
    // Numbering and creating happen under the database's write lock, so the
    // app and the CLI (or two CLIs) never hand out one number twice.
    let tx = store.immediate()?;
    let number = adr::next_number(&ctx.adr_dir)?;
    let name = adr::file_name(number, &title)?;
    let abs = ctx.adr_dir.join(&name);
    let mut text = templates::render(
        TemplateKind::Adr,
        &ctx.workspace,
        minijinja::context! {
            number, title => &title, date => today.to_string(), status => &status, fields,
        },
    )?;
    let check = adr::parse(&name, &text);
    if check.problem.is_some() || !text.lines().any(|l| l.trim_end() == "## Status") {
        return Err(CoreError::InvalidInput(format!(
            "templates/{} must make an ADR adr-tools can read: `# {{{{ number }}}}. {{{{ title }}}}` on line 1 and a `## Status` section{}",
            TemplateKind::Adr.file_name(),
            check.problem.map(|p| format!(" ({p})")).unwrap_or_default()
        )));
    }
    if let Some((old, old_path)) = &old {
        let old_text = files::read(old_path)?.map(|f| f.text).unwrap_or_default();
        text = adr::add_link(
            &text,
            "Supersedes",
            &adr::heading_of(&old_text),
            &old.file_name,
        )?;
    }
    let rel = create(
        &tx,
        &ctx,
        &abs,
        &text,
        IndexRow {
            kind: DocKind::Adr.as_str().into(),
            template,
            ..Default::default()
        },
    )?;
    index::record_status(&tx, &ctx.plan_id, &rel, &status, &today.to_string())?;
    if let Some((_, old_path)) = old {
        let heading = adr::heading_of(&text);
        let new_old = rewrite(&old_path, |t| {
            adr::set_status(&adr::add_link(t, "Superseded by", &heading, &name)?, None)
        })?;
        reindex(&tx, &ctx, &old_path, &new_old, Some("Superseded"), today)?;
    }
    tx.commit()?;
    entry_of(store, today, &rel)
}

/// Move ADR `number` to `status` along the lifecycle (see
/// [`adr::check_transition`]); the date is kept in the index.
pub fn set_status(
    store: &mut Store,
    number: u32,
    status: &str,
    today: NaiveDate,
) -> Result<DocumentEntry> {
    let ctx = context(store)?;
    let (a, path) = find(&ctx, number)?;
    adr::check_transition(a.status.as_deref(), status.trim())?;
    let canonical = adr::STATUSES
        .iter()
        .find(|s| s.eq_ignore_ascii_case(status.trim()))
        .copied()
        .unwrap_or(status);
    let new = rewrite(&path, |t| adr::set_status(t, Some(canonical)))?;
    let tx = store.immediate()?;
    reindex(&tx, &ctx, &path, &new, Some(canonical), today)?;
    tx.commit()?;
    entry_of(store, today, &ctx.relative(&path))
}

/// Link ADR `source` to `target` with `kind` (e.g. "Amends") and write the
/// reverse link (`reverse`, or the known pair such as "Amended by") in the
/// target, as `adr link` does. A "Supersedes" link also supersedes the
/// target (its status words go). Returns both entries, source first.
pub fn link(
    store: &mut Store,
    source: u32,
    kind: &str,
    target: u32,
    reverse: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<DocumentEntry>> {
    let ctx = context(store)?;
    let kind = check_link_words(kind, "link type")?;
    if source == target {
        return Err(CoreError::InvalidInput(
            "an ADR cannot link to itself".into(),
        ));
    }
    let reverse = match reverse.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => check_link_words(r, "reverse link")?,
        None => adr::reverse_kind(&kind).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "studyplan does not know the reverse of `{kind}`; give it (e.g. --reverse \"{kind} by\")"
            ))
        })?,
    };
    let (src, src_path) = find(&ctx, source)?;
    let (dst, dst_path) = find(&ctx, target)?;
    // "A Supersedes B" and "A Superseded by B" both retire one of the two.
    let retired = match adr::canonical_kind(&kind).as_str() {
        "supersedes" => Some((target, dst.status.as_deref())),
        "superseded by" => Some((source, src.status.as_deref())),
        _ => None,
    };
    if let Some((n, st)) = retired {
        adr::check_supersedable(n, st)?;
    }
    let name = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string()
    };
    let heading = |p: &Path| -> Result<String> {
        Ok(adr::heading_of(
            &files::read(p)?.map(|f| f.text).unwrap_or_default(),
        ))
    };
    let (src_heading, dst_heading) = (heading(&src_path)?, heading(&dst_path)?);
    let tx = store.immediate()?;
    let new_src = rewrite(&src_path, |t| {
        let t = adr::add_link(t, &kind, &dst_heading, &name(&dst_path))?;
        if retired.map(|r| r.0) == Some(source) {
            adr::set_status(&t, None)
        } else {
            Ok(t)
        }
    })?;
    let new_dst = rewrite(&dst_path, |t| {
        let t = adr::add_link(t, &reverse, &src_heading, &name(&src_path))?;
        if retired.map(|r| r.0) == Some(target) {
            adr::set_status(&t, None)
        } else {
            Ok(t)
        }
    })?;
    let superseded = |n: u32| (retired.map(|r| r.0) == Some(n)).then_some("Superseded");
    reindex(&tx, &ctx, &src_path, &new_src, superseded(source), today)?;
    reindex(&tx, &ctx, &dst_path, &new_dst, superseded(target), today)?;
    tx.commit()?;
    let all = list(store, today)?.entries;
    let pick = |p: &PathBuf| all.iter().find(|e| e.path == ctx.relative(p)).cloned();
    Ok([pick(&src_path), pick(&dst_path)]
        .into_iter()
        .flatten()
        .collect())
}

/// `adr generate toc` for the active plan's ADR folder.
pub fn toc(store: &Store) -> Result<String> {
    adr::toc(&context(store)?.adr_dir)
}

#[cfg(test)]
mod tests {
    use super::check_title;

    #[test]
    fn an_adr_title_is_one_line_of_text() {
        assert_eq!(
            check_title("  Use Parquet\tfor logs ").unwrap(),
            "Use Parquet\tfor logs"
        );
        for bad in ["a\nb", "a\rb", "a\u{0}b", "a\u{1b}[31mb", "a\u{7f}"] {
            let e = check_title(bad).unwrap_err().to_string();
            assert!(e.contains("one line"), "{bad:?}: {e}");
        }
        assert!(check_title(&"x".repeat(201)).is_err());
    }
}
