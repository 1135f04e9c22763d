//! Fetching a subscribed calendar over HTTP(S), with the validators of the
//! last response (RFC 9110 §13.1: `If-None-Match`, `If-Modified-Since`),
//! so an unchanged feed costs a 304 and no parsing.
//!
//! Behind [`Fetch`] so tests of the rules can answer without a server; the
//! real one is [`Http`] (reqwest, TLS from the system's OpenSSL).

use crate::error::{CoreError, Result};
use std::time::Duration;

/// Largest body read (bytes): a feed bigger than this is refused in words.
pub const MAX_BODY_BYTES: usize = 64 << 20;
/// Whole request, connect included.
pub const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug)]
pub enum Got {
    /// 304: the copy we have is current.
    NotModified,
    Body {
        body: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

pub trait Fetch {
    /// GET `url`; `etag` and `last_modified` are the last response's.
    /// Errors: `Io` in words (unreachable, refused access, HTTP status, too large).
    fn get(&self, url: &str, etag: Option<&str>, last_modified: Option<&str>) -> Result<Got>;
}

/// `webcal://` and `webcals://` are https (the scheme only tells the
/// desktop to subscribe); http and https stay as they are.
pub fn http_url(location: &str) -> String {
    for (scheme, with) in [("webcals://", "https://"), ("webcal://", "https://")] {
        if let Some(rest) = location.strip_prefix(scheme) {
            return format!("{with}{rest}");
        }
    }
    location.to_string()
}

/// The real fetcher.
pub struct Http;

impl Fetch for Http {
    fn get(&self, url: &str, etag: Option<&str>, last_modified: Option<&str>) -> Result<Got> {
        // A runtime of its own on a thread of its own: callers may already
        // be inside the app's async runtime.
        let (url, etag, modified) = (
            url.to_string(),
            etag.map(str::to_string),
            last_modified.map(str::to_string),
        );
        std::thread::scope(|s| {
            s.spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| {
                        CoreError::Internal(format!("cannot start the network runtime: {e}"))
                    })?;
                rt.block_on(get(&url, etag.as_deref(), modified.as_deref()))
            })
            .join()
            .unwrap_or_else(|_| {
                Err(CoreError::Internal(
                    "the download failed unexpectedly".into(),
                ))
            })
        })
    }
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| url.to_string())
}

async fn get(url: &str, etag: Option<&str>, modified: Option<&str>) -> Result<Got> {
    let host = host_of(url);
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .user_agent(concat!("studyplan/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| CoreError::Internal(format!("cannot set up HTTP: {e}")))?;
    let mut req = client.get(url).header("Accept", "text/calendar, */*;q=0.5");
    if let Some(e) = etag {
        req = req.header("If-None-Match", e);
    }
    if let Some(m) = modified {
        req = req.header("If-Modified-Since", m);
    }
    let mut resp = req.send().await.map_err(|e| {
        let why = if e.is_timeout() {
            format!("no answer within {} s", TIMEOUT.as_secs())
        } else if e.is_connect() {
            "cannot connect".to_string()
        } else {
            e.to_string()
        };
        CoreError::Io(format!("cannot fetch the calendar from {host}: {why}"))
    })?;
    let status = resp.status();
    if status == reqwest::StatusCode::NOT_MODIFIED {
        return Ok(Got::NotModified);
    }
    if !status.is_success() {
        let what = match status.as_u16() {
            401 | 403 => "refused access",
            404 | 410 => "has no calendar at that address",
            _ => "could not send the calendar",
        };
        return Err(CoreError::Io(format!(
            "{host} {what} ({} {})",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )));
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (etag, last_modified) = (header("etag"), header("last-modified"));
    let mut body = Vec::new();
    while let Some(chunk) = resp
        .chunk()
        .await
        .map_err(|e| CoreError::Io(format!("the download from {host} broke off: {e}")))?
    {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(CoreError::Io(format!(
                "the calendar at {host} is over {} MB; studyplan reads at most that",
                MAX_BODY_BYTES >> 20
            )));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Got::Body {
        body,
        etag,
        last_modified,
    })
}
