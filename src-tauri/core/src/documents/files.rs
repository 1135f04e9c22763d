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

/// Read `path` as UTF-8. `Ok(None)` when it does not exist; a file that is
/// not UTF-8 is an `InvalidInput` error naming the byte offset, and is left
/// untouched (the app never rewrites what it cannot read).
pub fn read(path: &Path) -> Result<Option<ReadFile>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(CoreError::io("cannot read", path, e)),
    };
    let hash = hash(&bytes);
    let text = String::from_utf8(bytes).map_err(|e| {
        CoreError::InvalidInput(format!(
            "{} is not UTF-8 text (invalid byte at offset {}); studyplan leaves it as it is",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(Some(ReadFile { text, hash }))
}

/// Write `text` to `path` atomically (temp file in the same folder, fsync,
/// rename, fsync of the folder), creating missing parent folders. Returns
/// the hash of what was written.
pub fn write_atomic(path: &Path, text: &str) -> Result<String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io("cannot create the folder", dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".studyplan-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| CoreError::io("cannot write in", dir, e))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| CoreError::io("cannot write", tmp.path(), e))?;
    tmp.persist(path)
        .map_err(|e| CoreError::io("cannot replace", path, e.error))?;
    // The rename is durable only once the folder's entry is on disk.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(hash(text.as_bytes()))
}

/// Create `path` with `text` only if it does not exist yet (no overwrite,
/// ever): `Conflict` when it does.
pub fn create_new(path: &Path, text: &str) -> Result<String> {
    if path.exists() {
        return Err(CoreError::Conflict(format!(
            "{} already exists; studyplan does not overwrite it",
            path.display()
        )));
    }
    write_atomic(path, text)
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
