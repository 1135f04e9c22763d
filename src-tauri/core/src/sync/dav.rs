//! The CalDAV operations sync needs, behind a small trait ([`Dav`]), and
//! their implementation with libdav ([`LibDav`]): discovery of the calendar
//! home (RFC 6764 context path, RFC 5397 current-user-principal, RFC 4791
//! §6.2.1 calendar-home-set), MKCALENDAR, listing with ETags, multiget,
//! conditional PUT (If-None-Match: * to create, If-Match to update) and
//! conditional DELETE.
//!
//! Errors are core's, in words: a 401 or 403 is `Forbidden` "the server refused
//! …" (never retried), a 412 is `Conflict` (the item changed on the server
//! since it was listed: the next sync reads it again).

use crate::error::{CoreError, Result};

/// An item on the server: its href (an opaque path) and ETag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub href: String,
    pub etag: String,
}

/// What kind of items a calendar collection holds (RFC 4791 §5.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    Events,
    Todos,
}

/// What changed in a collection since a sync token (RFC 6578).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    pub token: String,
    pub changed: Vec<Remote>,
    /// Hrefs deleted since the token.
    pub deleted: Vec<String>,
}

pub trait Dav {
    /// The calendar home set's href.
    fn home(&mut self) -> Result<String>;
    /// Calendar collections under `home`: (href, display name).
    fn calendars(&mut self, home: &str) -> Result<Vec<(String, Option<String>)>>;
    /// MKCALENDAR `href` holding `holds`, named `name`.
    fn make_calendar(&mut self, href: &str, name: &str, holds: Holds) -> Result<()>;
    /// Every item in `collection` with its ETag.
    fn list(&mut self, collection: &str) -> Result<Vec<Remote>>;
    /// RFC 6578 sync-collection: the changes since `token` (every item,
    /// with no token). `Ok(None)`: the server refused the token (expired,
    /// invalid) or does not support sync tokens; list in full instead.
    fn changes(&mut self, collection: &str, token: Option<&str>) -> Result<Option<Delta>>;
    /// The data of `hrefs` in `collection` (calendar-multiget).
    fn get(&mut self, collection: &str, hrefs: &[String]) -> Result<Vec<(Remote, String)>>;
    /// PUT a new item (If-None-Match: *); its ETag when the server says it.
    fn create(&mut self, href: &str, data: &str) -> Result<Option<String>>;
    /// PUT over the version with `etag` (If-Match).
    fn update(&mut self, href: &str, data: &str, etag: &str) -> Result<Option<String>>;
    /// DELETE the version with `etag` (If-Match).
    fn delete(&mut self, href: &str, etag: &str) -> Result<()>;
}

mod libdav_impl {
    use super::{Dav, Holds, Remote};
    use crate::error::{CoreError, Result};
    use http::Uri;
    use hyper_tls::HttpsConnector;
    use hyper_util::client::legacy::{connect::HttpConnector, Client};
    use hyper_util::rt::TokioExecutor;
    use libdav::caldav::{
        CalendarComponent, CreateCalendar, FindCalendarHomeSet, FindCalendars, GetCalendarResources,
    };
    use libdav::dav::{
        Delete, ListResources, PutResource, SyncCollection, WebDavClient, WebDavError,
    };
    use libdav::CalDavClient;
    use tower_http::auth::AddAuthorization;

    type Http = AddAuthorization<Client<HttpsConnector<HttpConnector>, String>>;

    /// A CalDAV account reached with libdav, on a runtime of its own
    /// (callers are synchronous, and may run inside the app's runtime on
    /// another thread).
    pub struct LibDav {
        rt: tokio::runtime::Runtime,
        client: CalDavClient<Http>,
        host: String,
    }

    const ICS: &str = "text/calendar; charset=utf-8";

    impl LibDav {
        /// Connect to `url` as `user` with `password`. Nothing is sent yet.
        pub fn new(url: &str, user: &str, password: &str) -> Result<LibDav> {
            let uri: Uri = url
                .parse()
                .map_err(|e| CoreError::InvalidInput(format!("“{url}” is not a URL: {e}")))?;
            let host = uri.host().unwrap_or("the server").to_string();
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| {
                    CoreError::Internal(format!("cannot start the network runtime: {e}"))
                })?;
            let client = {
                let _guard = rt.enter();
                let https = HttpsConnector::new();
                let http = Client::builder(TokioExecutor::new()).build(https);
                let http = AddAuthorization::basic(http, user, password);
                CalDavClient::new(WebDavClient::new(uri, http))
            };
            Ok(LibDav { rt, client, host })
        }

        fn err<E: std::error::Error>(&self, what: &str, e: WebDavError<E>) -> CoreError {
            match e {
                WebDavError::BadStatusCode(s) if s.as_u16() == 401 || s.as_u16() == 403 => {
                    CoreError::Forbidden(format!(
                        "{} refused to let you {what} ({} {}): check the user name and password, or ask who runs the server for access there",
                        self.host,
                        s.as_u16(),
                        s.canonical_reason().unwrap_or("")
                    ))
                }
                WebDavError::BadStatusCode(s) if s.as_u16() == 404 => CoreError::NotFound(format!(
                    "{} has nothing there (404) when asked to {what}",
                    self.host
                )),
                WebDavError::PreconditionFailed(_) => CoreError::Conflict(format!(
                    "the item changed on {} while syncing ({what}); sync again",
                    self.host
                )),
                WebDavError::BadStatusCode(s) if s.as_u16() == 412 => CoreError::Conflict(format!(
                    "the item changed on {} while syncing ({what}); sync again",
                    self.host
                )),
                other => CoreError::Io(format!("{}: cannot {what}: {other}", self.host)),
            }
        }
    }

    impl Dav for LibDav {
        fn home(&mut self) -> Result<String> {
            let principal = self
                .rt
                .block_on(self.client.find_current_user_principal())
                .map_err(|e| {
                    CoreError::Io(format!("{}: cannot find your account: {e}", self.host))
                })?;
            let principal = principal
                .map(|p| p.path().to_string())
                .unwrap_or_else(|| self.client.base_url().path().to_string());
            let found = self
                .rt
                .block_on(self.client.request(FindCalendarHomeSet::new(&principal)))
                .map_err(|e| self.err("find your calendars", e))?;
            found
                .home_sets
                .first()
                .map(|u| u.path().to_string())
                .ok_or_else(|| {
                    CoreError::NotFound(format!(
                        "{} has no calendar home for this account (RFC 4791 calendar-home-set)",
                        self.host
                    ))
                })
        }

        fn calendars(&mut self, home: &str) -> Result<Vec<(String, Option<String>)>> {
            let found = self
                .rt
                .block_on(self.client.request(FindCalendars::new(home)))
                .map_err(|e| self.err("list your calendars", e))?;
            Ok(found
                .calendars
                .into_iter()
                .map(|c| {
                    let name = c
                        .properties
                        .iter()
                        .find(|(n, _)| n.name() == "displayname")
                        .and_then(|(_, v)| v.clone());
                    (c.href, name)
                })
                .collect())
        }

        fn make_calendar(&mut self, href: &str, name: &str, holds: Holds) -> Result<()> {
            let components = match holds {
                Holds::Events => [CalendarComponent::VEvent],
                Holds::Todos => [CalendarComponent::VTodo],
            };
            self.rt
                .block_on(
                    self.client.request(
                        CreateCalendar::new(href)
                            .with_display_name(name)
                            .with_components(&components),
                    ),
                )
                .map_err(|e| self.err("create a calendar", e))?;
            Ok(())
        }

        fn list(&mut self, collection: &str) -> Result<Vec<Remote>> {
            let found = self
                .rt
                .block_on(self.client.request(ListResources::new(collection)))
                .map_err(|e| self.err("list a calendar", e))?;
            Ok(found
                .resources
                .into_iter()
                .filter(|r| !r.href.ends_with('/'))
                .filter_map(|r| {
                    Some(Remote {
                        etag: r.etag?,
                        href: r.href,
                    })
                })
                .collect())
        }

        fn changes(
            &mut self,
            collection: &str,
            token: Option<&str>,
        ) -> Result<Option<super::Delta>> {
            let request = match token {
                Some(t) => SyncCollection::new(collection).with_sync_token(t),
                None => SyncCollection::new(collection),
            };
            match self.rt.block_on(self.client.request(request)) {
                Ok(r) => Ok(Some(super::Delta {
                    token: r.new_sync_token,
                    changed: r
                        .changed
                        .into_iter()
                        .filter(|x| !x.href.ends_with('/'))
                        .filter_map(|x| {
                            Some(Remote {
                                etag: x.etag?,
                                href: x.href,
                            })
                        })
                        .collect(),
                    deleted: r.deleted,
                })),
                // An expired or unknown token (RFC 6578 §3.2: 403/409 with
                // DAV:valid-sync-token), or no sync-collection support.
                Err(WebDavError::PreconditionFailed(_)) => Ok(None),
                Err(WebDavError::BadStatusCode(s))
                    if matches!(s.as_u16(), 400 | 403 | 409 | 412 | 501) =>
                {
                    Ok(None)
                }
                Err(e) => Err(self.err("read what changed", e)),
            }
        }

        fn get(&mut self, collection: &str, hrefs: &[String]) -> Result<Vec<(Remote, String)>> {
            if hrefs.is_empty() {
                return Ok(Vec::new());
            }
            let found = self
                .rt
                .block_on(
                    self.client
                        .request(GetCalendarResources::new(collection).with_hrefs(hrefs)),
                )
                .map_err(|e| self.err("read items", e))?;
            Ok(found
                .resources
                .into_iter()
                .filter_map(|r| {
                    let c = r.content.ok()?;
                    Some((
                        Remote {
                            href: r.href,
                            etag: c.etag,
                        },
                        c.data,
                    ))
                })
                .collect())
        }

        fn create(&mut self, href: &str, data: &str) -> Result<Option<String>> {
            let r = self
                .rt
                .block_on(
                    self.client
                        .request(PutResource::new(href).create(data, ICS)),
                )
                .map_err(|e| self.err("add an item", e))?;
            Ok(r.etag)
        }

        fn update(&mut self, href: &str, data: &str, etag: &str) -> Result<Option<String>> {
            let r = self
                .rt
                .block_on(
                    self.client
                        .request(PutResource::new(href).update(data, ICS, etag)),
                )
                .map_err(|e| self.err("change an item", e))?;
            Ok(r.etag)
        }

        fn delete(&mut self, href: &str, etag: &str) -> Result<()> {
            self.rt
                .block_on(self.client.request(Delete::new(href).with_etag(etag)))
                .map_err(|e| self.err("remove an item", e))?;
            Ok(())
        }
    }
}

pub use libdav_impl::LibDav;

/// Refuse anything but an http(s) address without credentials in it.
pub fn check_account_url(raw: &str) -> Result<String> {
    let u = url::Url::parse(raw.trim()).map_err(|e| {
        CoreError::InvalidInput(format!("“{}” is not a URL: {e}", crate::ipc::quote(raw)))
    })?;
    // The password travels with every request: in the clear only to this
    // computer (a server on 127.0.0.1 or localhost).
    let local = match u.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    if !(u.scheme() == "https" || (u.scheme() == "http" && local)) {
        return Err(CoreError::InvalidInput(
            "a CalDAV account's address starts with https:// (http:// only for a server on this computer, whose traffic never leaves it)"
                .into(),
        ));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(CoreError::InvalidInput(
            "give the user name separately; the password goes to the system keyring".into(),
        ));
    }
    let mut u = u;
    u.set_fragment(None);
    Ok(u.to_string())
}

#[cfg(test)]
mod tests {
    use super::check_account_url;

    #[test]
    fn a_password_goes_in_the_clear_only_to_this_computer() {
        for ok in [
            "https://dav.example.org/",
            "http://127.0.0.1:5232/",
            "http://localhost:5232/",
            "http://[::1]:5232/",
        ] {
            assert!(check_account_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com/",
            "http://192.168.1.5:5232/",
            "ftp://dav.example.org/",
            "https://ada:pw@dav.example.org/",
        ] {
            assert!(check_account_url(bad).is_err(), "{bad}");
        }
        assert_eq!(
            check_account_url("https://x.example/dav/#frag").unwrap(),
            "https://x.example/dav/",
            "a fragment is never sent"
        );
    }
}
