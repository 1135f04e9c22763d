//! Files the user owns: read with a content hash, written atomically.
//!
//! A write goes to a temporary file in the destination's own folder (so the
//! final rename never crosses a file system), is flushed with `fsync`, then
//! renamed over the target, and the folder is synced so the rename itself
//! survives a power cut. A reader therefore sees the old file or the new
//! one, never half of each. The hash (SHA-256 of the bytes, lower-case hex)
//! is what "changed outside the app" is decided on.

use crate::error::{CoreError, Result};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    out
}

/// A document as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFile {
    pub text: String,
    pub hash: String,
}

/// The largest document read, in bytes (16 MiB: far above any note, far
/// below what would stall the app).
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Read `path` as UTF-8. `Ok(None)` when it does not exist. Refused with
/// `InvalidInput` and left untouched: a symbolic link (a cloned repository
/// must not make the app read or overwrite a file elsewhere), anything that
/// is not a regular file (folder, pipe, device), a file over [`MAX_BYTES`],
/// and text that is not UTF-8 (the byte offset is named).
pub fn read(path: &Path) -> Result<Option<ReadFile>> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(CoreError::io("cannot read", path, e)),
    };
    check_regular(path, &meta)?;
    if meta.len() > MAX_BYTES {
        return Err(CoreError::InvalidInput(format!(
            "{} is {} MB; studyplan opens documents up to {} MB",
            path.display(),
            meta.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| CoreError::io("cannot read", path, e))?;
    let hash = hash(&bytes);
    let text = String::from_utf8(bytes).map_err(|e| {
        CoreError::InvalidInput(format!(
            "{} is not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 to open it here (studyplan leaves it as it is)",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(Some(ReadFile { text, hash }))
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    let ft = meta.file_type();
    if ft.is_symlink() {
        return Err(CoreError::InvalidInput(format!(
            "{} is a symbolic link; studyplan reads and writes only plain files in the documents folder",
            path.display()
        )));
    }
    if !ft.is_file() {
        return Err(CoreError::InvalidInput(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    Ok(())
}

/// Write `text` to `path` atomically (temp file in the same folder, fsync,
/// rename, fsync of the folder), creating missing parent folders. An
/// existing file keeps its permissions; a new one gets `0666` less the
/// umask, as an editor would make it. Never writes through a symbolic link.
/// Returns the hash of what was written.
pub fn write_atomic(path: &Path, text: &str) -> Result<String> {
    let existing = match std::fs::symlink_metadata(path) {
        Ok(m) => {
            check_regular(path, &m)?;
            Some(m.permissions())
        }
        Err(_) => None,
    };
    let tmp = temp_with(path, text, existing)?;
    tmp.persist(path)
        .map_err(|e| CoreError::io("cannot replace", path, e.error))?;
    sync_parent(path);
    Ok(hash(text.as_bytes()))
}

/// Create `path` with `text` only if nothing is there yet, not even a
/// dangling link: `Conflict` when something is. The check and the rename
/// are one step (`renameat2(RENAME_NOREPLACE)` or a hard link), so two
/// writers racing for one name cannot both succeed.
pub fn create_new(path: &Path, text: &str) -> Result<String> {
    let exists = || {
        CoreError::Conflict(format!(
            "{} already exists; studyplan does not overwrite it",
            path.display()
        ))
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let tmp = temp_with(path, text, None)?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists()
        } else {
            CoreError::io("cannot create", path, e.error)
        }
    })?;
    sync_parent(path);
    Ok(hash(text.as_bytes()))
}

/// A synced temporary file holding `text` beside `path`.
fn temp_with(
    path: &Path,
    text: &str,
    permissions: Option<std::fs::Permissions>,
) -> Result<tempfile::NamedTempFile> {
    let dir = parent(path);
    if let Ok(m) = std::fs::metadata(dir) {
        if !m.is_dir() {
            return Err(CoreError::InvalidInput(format!(
                "{} is a file, not a folder",
                dir.display()
            )));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io("cannot create the folder", dir, e))?;
    let mut b = tempfile::Builder::new();
    b.prefix(".studyplan-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Subject to the umask, like any new file.
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = b
        .tempfile_in(dir)
        .map_err(|e| CoreError::io("cannot write in", dir, e))?;
    if let Some(p) = permissions {
        std::fs::set_permissions(tmp.path(), p)
            .map_err(|e| CoreError::io("cannot set permissions on", tmp.path(), e))?;
    }
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| CoreError::io("cannot write", tmp.path(), e))?;
    Ok(tmp)
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The rename is durable only once the folder's entry is on disk.
fn sync_parent(path: &Path) {
    if let Ok(d) = std::fs::File::open(parent(path)) {
        let _ = d.sync_all();
    }
}

/// `new` with the line endings of `old`: a file that used CRLF keeps CRLF
/// when edited through the app (the editor works in LF), so a save is not a
/// whole-file diff in git.
pub fn keep_line_endings(old: &str, new: &str) -> String {
    if old.contains("\r\n") && !new.contains("\r\n") {
        new.replace('\n', "\r\n")
    } else {
        new.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(
            hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| CoreError::Io(e.to_string()))?;
        let p = dir.path().join("a/b/doc.md");
        write_atomic(&p, "one")?;
        let h = write_atomic(&p, "two")?;
        let back = read(&p)?.ok_or_else(|| CoreError::Internal("missing".into()))?;
        assert_eq!(back.text, "two");
        assert_eq!(back.hash, h);
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap_or(dir.path()))
            .map_err(|e| CoreError::Io(e.to_string()))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "only the document remains: {names:?}");
        Ok(())
    }

    #[test]
    fn non_utf8_is_refused_not_rewritten() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| CoreError::Io(e.to_string()))?;
        let p = dir.path().join("bad.md");
        std::fs::write(&p, b"ok\xff\xfe").map_err(|e| CoreError::Io(e.to_string()))?;
        let err = read(&p).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            err.contains("not UTF-8") && err.contains("offset 2"),
            "{err}"
        );
        assert_eq!(std::fs::read(&p).ok(), Some(b"ok\xff\xfe".to_vec()));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_links_refused() -> Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let io = |e: std::io::Error| CoreError::Io(e.to_string());
        let dir = tempfile::tempdir().map_err(io)?;
        let p = dir.path().join("doc.md");
        write_atomic(&p, "a")?;
        let fresh = std::fs::metadata(&p).map_err(io)?.permissions().mode() & 0o777;
        assert_eq!(
            fresh & 0o600,
            0o600,
            "readable and writable by the owner: {fresh:o}"
        );
        assert_ne!(fresh, 0o600, "not the temp file's private mode");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o664)).map_err(io)?;
        write_atomic(&p, "b")?;
        assert_eq!(
            std::fs::metadata(&p).map_err(io)?.permissions().mode() & 0o777,
            0o664
        );
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&p, &link).map_err(io)?;
        assert!(read(&link).is_err());
        assert!(write_atomic(&link, "x").is_err());
        assert!(create_new(&dir.path().join("dangling.md"), "x").is_ok());
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("d2.md"))
            .map_err(io)?;
        assert!(
            create_new(&dir.path().join("d2.md"), "x").is_err(),
            "a dangling link is kept"
        );
        assert!(std::fs::symlink_metadata(dir.path().join("d2.md"))
            .map_err(io)?
            .file_type()
            .is_symlink());
        Ok(())
    }

    #[test]
    fn racing_creators_one_wins() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| CoreError::Io(e.to_string()))?;
        let p = dir.path().join("0001-x.md");
        let wins = std::thread::scope(|s| {
            let hs: Vec<_> = (0..8)
                .map(|i| {
                    s.spawn({
                        let p = p.clone();
                        move || create_new(&p, &format!("{i}")).is_ok()
                    })
                })
                .collect();
            hs.into_iter()
                .filter_map(|h| h.join().ok())
                .filter(|w| *w)
                .count()
        });
        assert_eq!(wins, 1);
        Ok(())
    }

    #[test]
    fn crlf_is_kept() {
        assert_eq!(keep_line_endings("a\r\nb\r\n", "a\nc\n"), "a\r\nc\r\n");
        assert_eq!(keep_line_endings("a\nb\n", "a\nc\n"), "a\nc\n");
    }

    #[test]
    fn create_new_never_overwrites() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| CoreError::Io(e.to_string()))?;
        let p = dir.path().join("x.md");
        create_new(&p, "first")?;
        assert!(create_new(&p, "second").is_err());
        assert_eq!(read(&p)?.map(|r| r.text), Some("first".into()));
        Ok(())
    }
}
