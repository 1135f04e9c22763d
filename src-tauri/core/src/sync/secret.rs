//! The account's password, kept in the OS keyring (the Secret Service on
//! Linux: GNOME Keyring, KWallet) through the keyring crate; never in the
//! database, never in a log or an error message.

use crate::error::{CoreError, Result};

/// Where passwords are kept; a fake in unit tests.
pub trait Secrets {
    fn get(&self, account: &str) -> Result<Option<String>>;
    fn set(&self, account: &str, password: &str) -> Result<()>;
    fn delete(&self, account: &str) -> Result<()>;
}

/// The keyring service name entries are stored under.
pub const SERVICE: &str = "studyplan CalDAV";

pub struct Keyring;

fn words(e: keyring::Error) -> CoreError {
    CoreError::Io(match e {
        keyring::Error::PlatformFailure(e) | keyring::Error::NoStorageAccess(e) => format!(
            "the system keyring is not available (is a Secret Service such as GNOME Keyring running and unlocked?): {e}"
        ),
        other => format!("the system keyring: {other}"),
    })
}

impl Secrets for Keyring {
    fn get(&self, account: &str) -> Result<Option<String>> {
        let entry = keyring::Entry::new(SERVICE, account).map_err(words)?;
        match entry.get_password() {
            Ok(p) => Ok(Some(p)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(words(e)),
        }
    }
    fn set(&self, account: &str, password: &str) -> Result<()> {
        keyring::Entry::new(SERVICE, account)
            .and_then(|e| e.set_password(password))
            .map_err(words)
    }
    fn delete(&self, account: &str) -> Result<()> {
        match keyring::Entry::new(SERVICE, account).and_then(|e| e.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(words(e)),
        }
    }
}
