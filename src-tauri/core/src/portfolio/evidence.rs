//! Evidence for a check item: a web link, a file in the documents
//! workspace, or a git commit with its repository.
//!
//! What is accepted (anything else is `InvalidInput` naming the three forms):
//! - a URL with scheme `http` or `https` and a host (nothing else reaches
//!   the HTML page or a browser);
//! - a path that exists inside the workspace, given relative to it or
//!   absolute; kept relative, `/`-separated. A path that later disappears is
//!   flagged `missing`, never dropped;
//! - a commit id, 7 to 64 lower-case hex digits, in a repository folder
//!   (default: the workspace). When `git` is installed and the folder is a
//!   repository, the commit must exist in it.

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
    (7..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Check `input` (a URL, a path or a commit id; `repo` names a commit's
/// repository) against the rules in the module doc. `workspace` is the
/// active plan's documents folder.
pub fn parse(input: &str, repo: Option<&Path>, workspace: &Path) -> Result<Evidence> {
    let s = input.trim();
    let forms = "evidence is a link (https://…), a path inside the documents workspace, or a git commit id (7–64 hex digits)";
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
    if repo.is_some() || (is_commit_id(s) && !workspace.join(s).exists()) {
        return commit(s, repo.unwrap_or(workspace), forms);
    }
    path(s, workspace, forms)
}

fn url(s: &str) -> Result<Evidence> {
    let u = url::Url::parse(s)
        .map_err(|e| CoreError::InvalidInput(format!("`{s}` is not a valid link: {e}")))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(CoreError::InvalidInput(format!(
            "evidence links must be http or https, not `{}:`",
            u.scheme()
        )));
    }
    if u.host_str().is_none_or(str::is_empty) {
        return Err(CoreError::InvalidInput(format!("`{s}` has no host")));
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
            "`{s}` is not a commit id; {forms}"
        )));
    }
    if !repo.is_absolute() {
        return Err(CoreError::InvalidInput(format!(
            "the repository path must be absolute, not `{}`",
            repo.display()
        )));
    }
    if !repo.is_dir() {
        return Err(CoreError::NotFound(format!(
            "no repository folder {}",
            repo.display()
        )));
    }
    // Checked where git can tell; a folder that is not (yet) a repository,
    // or a machine without git, keeps the id as given.
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "-e", &format!("{id}^{{commit}}")])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let in_repo = repo.join(".git").exists();
    if let Ok(st) = out {
        if in_repo && !st.success() {
            return Err(CoreError::NotFound(format!(
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
    let rel: PathBuf = if given.is_absolute() {
        given
            .strip_prefix(workspace)
            .map(Path::to_path_buf)
            .map_err(|_| {
                CoreError::InvalidInput(format!(
                    "evidence paths must be inside the documents workspace ({}); {} is not",
                    workspace.display(),
                    given.display()
                ))
            })?
    } else {
        given.to_path_buf()
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => {
                return Err(CoreError::InvalidInput(format!(
                    "evidence paths must stay inside the documents workspace ({}); `{s}` leaves it",
                    workspace.display()
                )))
            }
        }
    }
    if parts.is_empty() {
        return Err(CoreError::InvalidInput(format!("`{s}`: {forms}")));
    }
    let rel = parts.join("/");
    if !workspace.join(&rel).exists() {
        return Err(CoreError::NotFound(format!(
            "{} does not exist in the documents workspace ({}); {forms}",
            rel,
            workspace.display()
        )));
    }
    Ok(Evidence {
        kind: EvidenceKind::Path,
        value: rel,
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
        // Not a git repository: the id is kept as given.
        let e = parse("0123abc", None, d.path()).unwrap();
        assert_eq!(
            (e.kind, e.repo.as_str()),
            (EvidenceKind::Commit, d.path().to_str().unwrap())
        );
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
        ] {
            let e = parse(bad, None, d.path()).unwrap_err();
            assert!(
                matches!(e, CoreError::InvalidInput(_) | CoreError::NotFound(_)),
                "{bad:?}: {e}"
            );
        }
        let e = parse("zzzz", Some(d.path()), d.path()).unwrap_err();
        assert!(e.to_string().contains("not a commit id"), "{e}");
        let e = parse("javascript:alert(1)", None, d.path()).unwrap_err();
        assert!(e.to_string().contains("http or https"), "{e}");
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
