//! Evidence for a check item: a web link, a file in the documents
//! workspace, or a git commit with its repository.
//!
//! What is accepted (anything else is `InvalidInput` naming the three forms):
//! - a URL with scheme `http` or `https` and a host (nothing else reaches
//!   the HTML page or a browser);
//! - a path that exists inside the workspace, given relative to it or
//!   absolute; kept relative, `/`-separated. A path that later disappears is
//!   flagged `missing`, never dropped;
//!   Symbolic links are refused (a link would make the workspace's evidence
//!   point elsewhere), as documents refuse them;
//! - a commit id, 7 to 40 hex digits (SHA-1) or 64 (SHA-256), in a git
//!   repository folder (default: the workspace); the commit must exist
//!   there when `git` is installed.
//!
//! Links carrying a user name or password are refused: they would be
//! published by the Markdown and HTML exports.

use crate::error::{CoreError, Result};
use serde::Serialize;
use std::path::{Component, Path, PathBuf};
use ts_rs::TS;

/// What evidence points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceKind {
    Url,
    Path,
    Commit,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Url => "url",
            EvidenceKind::Path => "path",
            EvidenceKind::Commit => "commit",
        }
    }
    pub(crate) fn parse(s: &str) -> EvidenceKind {
        match s {
            "url" => EvidenceKind::Url,
            "path" => EvidenceKind::Path,
            _ => EvidenceKind::Commit,
        }
    }
}

/// Evidence checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The URL, the workspace-relative path, or the commit id.
    pub value: String,
    /// The repository's absolute path (commits), else empty.
    pub repo: String,
}

/// Longest evidence value, in bytes.
const MAX_LEN: usize = 2048;

fn is_commit_id(s: &str) -> bool {
    ((7..=40).contains(&s.len()) || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// At most 80 characters of `s`, for messages.
pub(crate) fn shown(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Check `input` (a URL, a path or a commit id; `repo` names a commit's
/// repository) against the rules in the module doc. `workspace` is the
/// active plan's documents folder.
pub fn parse(input: &str, repo: Option<&Path>, workspace: &Path) -> Result<Evidence> {
    let s = input.trim();
    let forms = "evidence is a link (https://…), a path inside the documents workspace, or a git commit id (7–40 hex digits)";
    if s.is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "no evidence given; {forms}"
        )));
    }
    if s.len() > MAX_LEN || s.chars().any(char::is_control) {
        return Err(CoreError::InvalidInput(format!(
            "evidence must be one line of at most {MAX_LEN} bytes; {forms}"
        )));
    }
    if let Some((scheme, _)) = s.split_once(':') {
        let scheme_like = !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !(scheme.len() == 1 && cfg!(windows));
        if scheme_like && repo.is_none() && !workspace.join(s).exists() {
            return url(s);
        }
    }
    if repo.is_some() || (is_commit_id(&s.to_ascii_lowercase()) && !workspace.join(s).exists()) {
        return commit(s, repo.unwrap_or(workspace), forms);
    }
    path(s, workspace, forms)
}

fn url(s: &str) -> Result<Evidence> {
    let u = url::Url::parse(s)
        .map_err(|e| CoreError::InvalidInput(format!("`{}` is not a valid link: {e}", shown(s))))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(CoreError::InvalidInput(format!(
            "evidence links must be http or https, not `{}:`",
            u.scheme()
        )));
    }
    // `https:///x` would be read as host `x`: a host must follow `//`.
    let after = s.split_once("//").map(|(_, r)| r).unwrap_or("");
    if u.host_str().is_none_or(str::is_empty) || after.starts_with('/') {
        return Err(CoreError::InvalidInput(format!(
            "`{}` has no host",
            shown(s)
        )));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(CoreError::InvalidInput(
            "a link with a user name or password is not kept: the portfolio's exports would publish it"
                .into(),
        ));
    }
    Ok(Evidence {
        kind: EvidenceKind::Url,
        value: u.to_string(),
        repo: String::new(),
    })
}

fn commit(s: &str, repo: &Path, forms: &str) -> Result<Evidence> {
    let id = s.to_ascii_lowercase();
    if !is_commit_id(&id) {
        return Err(CoreError::InvalidInput(format!(
            "`{}` is not a commit id; {forms}",
            shown(s)
        )));
    }
    if !repo.is_absolute() {
        return Err(CoreError::InvalidInput(format!(
            "the repository path must be absolute, not `{}`",
            repo.display()
        )));
    }
    if !repo.is_dir() {
        return Err(CoreError::InvalidInput(format!(
            "no repository folder {}",
            repo.display()
        )));
    }
    if !repo.join(".git").exists() {
        return Err(CoreError::InvalidInput(format!(
            "{} is not a git repository; name the commit's repository with --repo",
            repo.display()
        )));
    }
    // Checked where git can tell; on a machine without git the id is kept as given.
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "-e", &format!("{id}^{{commit}}")])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    if let Ok(st) = out {
        if !st.success() {
            return Err(CoreError::InvalidInput(format!(
                "no commit {id} in {}",
                repo.display()
            )));
        }
    }
    Ok(Evidence {
        kind: EvidenceKind::Commit,
        value: id,
        repo: repo.to_string_lossy().into_owned(),
    })
}

fn path(s: &str, workspace: &Path, forms: &str) -> Result<Evidence> {
    let given = Path::new(s);
    let outside = || {
        CoreError::InvalidInput(format!(
            "evidence paths must be inside the documents workspace ({}); `{}` is not",
            workspace.display(),
            shown(s)
        ))
    };
    let rel: PathBuf = if given.is_absolute() {
        given
            .strip_prefix(workspace)
            .map(Path::to_path_buf)
            .map_err(|_| outside())?
    } else {
        given.to_path_buf()
    };
    // `a/../b` is `b`: resolved by name, since no part may be a link.
    let mut parts: Vec<String> = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop().ok_or_else(outside)?;
            }
            _ => return Err(outside()),
        }
    }
    if parts.is_empty() {
        return Err(CoreError::InvalidInput(format!("`{}`: {forms}", shown(s))));
    }
    let mut at = workspace.to_path_buf();
    for (i, p) in parts.iter().enumerate() {
        at.push(p);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(CoreError::InvalidInput(format!(
                    "{} is a symbolic link; evidence must be a file or folder in the documents workspace itself",
                    parts[..=i].join("/")
                )))
            }
            Ok(_) => {}
            Err(_) => {
                return Err(CoreError::InvalidInput(format!(
                    "{} does not exist in the documents workspace ({}); {forms}",
                    shown(&parts.join("/")),
                    workspace.display()
                )))
            }
        }
    }
    Ok(Evidence {
        kind: EvidenceKind::Path,
        value: parts.join("/"),
        repo: String::new(),
    })
}

/// True when stored evidence no longer points at anything on this machine
/// (a path or a commit's repository folder gone). Links are not fetched.
pub fn missing(kind: EvidenceKind, value: &str, repo: &str, workspace: &Path) -> bool {
    match kind {
        EvidenceKind::Url => false,
        EvidenceKind::Path => !workspace.join(value).exists(),
        EvidenceKind::Commit => !Path::new(repo).is_dir(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("week-01")).unwrap();
        std::fs::write(d.path().join("week-01/README.md"), "# P1\n").unwrap();
        d
    }

    #[test]
    fn links_paths_and_commits_are_told_apart() {
        let d = ws();
        let e = parse("https://github.com/me/p1/pull/3", None, d.path()).unwrap();
        assert_eq!(e.kind, EvidenceKind::Url);
        let e = parse("week-01/README.md", None, d.path()).unwrap();
        assert_eq!(
            (e.kind, e.value.as_str()),
            (EvidenceKind::Path, "week-01/README.md")
        );
        let abs = d.path().join("week-01/./README.md");
        let e = parse(abs.to_str().unwrap(), None, d.path()).unwrap();
        assert_eq!(e.value, "week-01/README.md");
        let e = parse("sub/../week-01/README.md", None, d.path()).unwrap();
        assert_eq!(e.value, "week-01/README.md");
        // A commit id (any case) in a folder that is not a repository is refused.
        let e = parse("0123ABC", None, d.path()).unwrap_err();
        assert!(e.to_string().contains("not a git repository"), "{e}");
    }

    #[test]
    fn bad_evidence_is_refused_with_what_is_accepted() {
        let d = ws();
        for bad in [
            "",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "../outside.md",
            "/etc/passwd",
            "week-01/nope.md",
            "line\nbreak",
            "https:///path",
            "https://user:secret@example.com/",
            "week-01/../../x",
        ] {
            let e = parse(bad, None, d.path()).unwrap_err();
            assert!(matches!(e, CoreError::InvalidInput(_)), "{bad:?}: {e}");
        }
        let e = parse("zzzz", Some(d.path()), d.path()).unwrap_err();
        assert!(e.to_string().contains("not a commit id"), "{e}");
        let e = parse("javascript:alert(1)", None, d.path()).unwrap_err();
        assert!(e.to_string().contains("http or https"), "{e}");
    }

    #[test]
    fn symbolic_links_are_not_evidence() {
        let d = ws();
        std::os::unix::fs::symlink("/etc", d.path().join("etc-link")).unwrap();
        std::os::unix::fs::symlink(d.path().join("week-01/README.md"), d.path().join("r.md"))
            .unwrap();
        for bad in ["etc-link/passwd", "etc-link", "r.md"] {
            let e = parse(bad, None, d.path()).unwrap_err();
            assert!(e.to_string().contains("symbolic link"), "{bad}: {e}");
        }
    }

    #[test]
    fn missing_paths_are_flagged() {
        let d = ws();
        assert!(!missing(
            EvidenceKind::Path,
            "week-01/README.md",
            "",
            d.path()
        ));
        std::fs::remove_file(d.path().join("week-01/README.md")).unwrap();
        assert!(missing(
            EvidenceKind::Path,
            "week-01/README.md",
            "",
            d.path()
        ));
    }
}
