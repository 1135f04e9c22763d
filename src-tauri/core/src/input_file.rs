//! Reading a file a person names (a plan, a calendar): a regular file only,
//! since a pipe or a device could block or never end, and never more than a
//! limit counted while reading (a file's reported size can lie).

use crate::error::{CoreError, Result};
use std::io::Read;
use std::path::Path;

/// The bytes of `path`, at most `max` of them.
///
/// Errors: `Io` (cannot open or read), `InvalidInput` (not a regular file,
/// or over `max` bytes; `what` names the kind of file in the message).
pub fn read_bounded(path: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io("cannot read", path, e))?;
    if !meta.is_file() {
        return Err(CoreError::InvalidInput(format!(
            "{} is not a regular file; give the path of a {what}",
            path.display()
        )));
    }
    let file = std::fs::File::open(path).map_err(|e| CoreError::io("cannot read", path, e))?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CoreError::io("cannot read", path, e))?;
    if bytes.len() as u64 > max {
        return Err(CoreError::InvalidInput(format!(
            "{} is over {} MB; a {what} is at most that",
            path.display(),
            max >> 20
        )));
    }
    Ok(bytes)
}
