//! Sync through a CalDAV server the person already has (Radicale,
//! Nextcloud, Fastmail...): never a server of our own, never a synced
//! SQLite file.
//!
//! Contract:
//! - **One account** (`sync_accounts`): URL and user name in the database;
//!   the password in the OS keyring ([`secret`]).
//! - **Two collections per plan**, found by href or made with MKCALENDAR
//!   under the calendar home: `…-blocks` (VEVENTs, one per block that
//!   holds time) and `…-progress` (VTODOs, one per block), see [`items`].
//! - **State per item** (`sync_items`): href, ETag and the fingerprint of
//!   what both sides last agreed on. An item is written only when what it
//!   means changed (a server that rewrites items causes no write), with
//!   If-None-Match / If-Match; a second sync with no change writes nothing.
//! - **Blocks are the plan's**: this device publishes them; an edit made on
//!   the server is put back, a block gone from the plan is deleted there.
//! - **Progress goes both ways.** Changed here only: written. Changed on
//!   the server only (another device, a phone's task app): applied here.
//!   Changed on both: the later LAST-MODIFIED wins (this device on a tie),
//!   and the conflict is recorded (`sync_conflicts`) and reported.
//! - **Deletes.** An item deleted on the server stays deleted until it
//!   changes here again. A database joining a collection that already
//!   holds items (a second computer) adopts what is there and does not add
//!   back what is missing. An empty or new database deletes nothing on the
//!   server: only items this database wrote (its state) are ever deleted.
//! - **Failures** are kept as the account's `last_error` in words; a 401 or
//!   403 is reported once per sync, not retried.
//! - Tables: `sync_accounts`, `sync_collections`, `sync_items`,
//!   `sync_conflicts` (migration 0009).

pub mod dav;
pub mod items;
pub mod secret;
pub mod team;

use crate::error::{CoreError, Result};
use crate::store::agenda::{BlockStatus, BlockView};
use crate::store::blocks::BlockChange;
use crate::store::Store;
use chrono::{DateTime, SecondsFormat, Utc};
use dav::{Dav, Holds, Remote};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Stored on the account as JSON: fields added later read as their default.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS, PartialEq)]
#[serde(default)]
#[ts(export)]
pub struct SyncReport {
    /// Items written to the server: created, changed, deleted.
    pub created: u32,
    pub updated: u32,
    pub deleted: u32,
    /// Progress changes from the server applied here.
    pub applied: u32,
    /// Items already in step.
    pub unchanged: u32,
    /// Items the server rewrote without changing what they mean.
    pub rewritten: u32,
    /// Both sides changed: what was kept.
    pub conflicts: Vec<String>,
    /// True when nothing was written anywhere (`--dry-run`).
    pub dry_run: bool,
    /// Collections listed in full because there was no sync token or the
    /// server refused it (expired, invalid); otherwise only changes are asked.
    pub full_listings: u32,
    /// The team part, when the plan has a team and a role is played here.
    pub team: Option<team::TeamReport>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct AccountView {
    #[ts(type = "number")]
    pub id: i64,
    pub url: String,
    pub username: String,
    /// UTC RFC 3339 of the last sync that finished.
    pub last_sync: Option<String>,
    pub last_error: Option<String>,
    pub report: SyncReport,
}

fn stamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The keyring entry of this database's account: each database keeps its
/// own, so setting or removing the account in one (a test copy, another
/// plan's database) never changes another's.
fn key(store: &Store, url: &str, user: &str) -> String {
    let db = store
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "memory".into());
    format!("{user} at {url} for {db}")
}

/// Set the account (replacing any other): check the address, keep the
/// password in the keyring.
pub fn set_account(
    store: &mut Store,
    secrets: &dyn secret::Secrets,
    url: &str,
    username: &str,
    password: &str,
) -> Result<AccountView> {
    let url = dav::check_account_url(url)?;
    let user = username.trim();
    if user.is_empty() || user.chars().any(char::is_control) {
        return Err(CoreError::InvalidInput(
            "give the account's user name".into(),
        ));
    }
    if password.is_empty() {
        return Err(CoreError::InvalidInput(
            "give the account's password".into(),
        ));
    }
    secrets.set(&key(store, &url, user), password)?;
    let tx = store.immediate()?;
    tx.execute(
        "DELETE FROM sync_accounts WHERE NOT (url = ?1 AND username = ?2)",
        params![url, user],
    )?;
    tx.execute(
        "INSERT INTO sync_accounts (url, username) VALUES (?1, ?2) ON CONFLICT (url, username) DO NOTHING",
        params![url, user],
    )?;
    tx.commit()?;
    account(store)?.ok_or_else(|| CoreError::Internal("the account was not saved".into()))
}

/// Forget the account, its sync state and its password. The account goes
/// even when the keyring cannot be reached; then the returned warning says
/// the password may still be in the keyring.
pub fn remove_account(store: &mut Store, secrets: &dyn secret::Secrets) -> Result<Option<String>> {
    let Some(a) = account(store)? else {
        return Ok(None);
    };
    let warning = secrets.delete(&key(store, &a.url, &a.username)).err().map(|e| {
        format!("the account is forgotten, but its password could not be removed from the system keyring ({e}); remove “studyplan” entries there by hand")
    });
    let tx = store.immediate()?;
    tx.execute("DELETE FROM sync_accounts", [])?;
    tx.commit()?;
    Ok(warning)
}

pub fn account(store: &Store) -> Result<Option<AccountView>> {
    Ok(store
        .conn()
        .query_row(
            "SELECT id, url, username, last_sync, last_error, report_json FROM sync_accounts ORDER BY id LIMIT 1",
            [],
            |r| {
                let report: String = r.get(5)?;
                Ok(AccountView {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    username: r.get(2)?,
                    last_sync: r.get(3)?,
                    last_error: r.get(4)?,
                    report: serde_json::from_str(&report).unwrap_or_default(),
                })
            },
        )
        .optional()?)
}

/// The account and its password, or a clear error.
pub fn credentials(store: &Store, secrets: &dyn secret::Secrets) -> Result<(AccountView, String)> {
    let a = account(store)?.ok_or_else(|| {
        CoreError::NotFound(
            "no sync account yet; add one with `studyplan sync account URL --user NAME`".into(),
        )
    })?;
    let p = secrets
        .get(&key(store, &a.url, &a.username))?
        .ok_or_else(|| {
            CoreError::NotFound(format!(
                "the password for {} is not in the system keyring; set the account again",
                a.username
            ))
        })?;
    Ok((a, p))
}

/// Sync the active plan with the account, through `dav`. The outcome is
/// kept on the account (report, or the error in words) and returned.
pub fn run(
    store: &mut Store,
    dav: &mut dyn Dav,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<SyncReport> {
    let a = account(store)?.ok_or_else(|| CoreError::NotFound("no sync account yet".into()))?;
    let result = run_inner(store, dav, &a, dry_run, now);
    if !dry_run {
        let tx = store.immediate()?;
        match &result {
            Ok(r) => tx.execute(
                "UPDATE sync_accounts SET last_sync = ?2, last_error = NULL, report_json = ?3 WHERE id = ?1",
                params![a.id, stamp(now), serde_json::to_string(r)?],
            )?,
            Err(e) => tx.execute(
                "UPDATE sync_accounts SET last_error = ?2 WHERE id = ?1",
                params![a.id, e.to_string()],
            )?,
        };
        tx.commit()?;
    }
    result
}

struct Ctx<'a> {
    store: &'a mut Store,
    dav: &'a mut dyn Dav,
    account: i64,
    dry_run: bool,
    now: DateTime<Utc>,
    report: SyncReport,
    /// Sync tokens to keep once the collection's writes are done.
    pending_tokens: Vec<(String, Option<String>)>,
    /// Collections a dry run found missing (they would be made): empty.
    missing: Vec<String>,
}

fn run_inner(
    store: &mut Store,
    dav: &mut dyn Dav,
    a: &AccountView,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<SyncReport> {
    let (plan, title): (String, String) = store
        .conn()
        .query_row("SELECT id, title FROM plans WHERE active = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .ok_or_else(|| {
            CoreError::NotFound("load a plan first: sync publishes the active plan".into())
        })?;
    let mut cx = Ctx::new(store, dav, a, dry_run, now);
    let blocks_href = collection(&mut cx, &plan, &title, Holds::Events)?;
    let progress_href = collection(&mut cx, &plan, &title, Holds::Todos)?;
    // A member takes the lead's moves first, so this sync also carries
    // them to the member's own calendars.
    let followed = team::follow_lead(&mut cx)?;
    let blocks = cx.store.plan_blocks(&plan)?;
    publish_blocks(&mut cx, &blocks_href, &blocks)?;
    sync_progress(&mut cx, &progress_href, &blocks)?;
    cx.report.team = team::lead_part(&mut cx, &blocks, followed)?;
    cx.finish()?;
    Ok(cx.report)
}

impl Ctx<'_> {
    /// A context for this account's sync.
    fn new<'a>(
        store: &'a mut Store,
        dav: &'a mut dyn Dav,
        a: &AccountView,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Ctx<'a> {
        Ctx {
            store,
            dav,
            account: a.id,
            dry_run,
            now,
            report: SyncReport {
                dry_run,
                ..SyncReport::default()
            },
            pending_tokens: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// Keep the collections' new sync tokens.
    fn finish(&mut self) -> Result<()> {
        let cx = self;
        if !cx.dry_run {
            // The tokens from before this sync's own writes: those come back as
            // changes next time and are recognised (same ETag, or same meaning).
            let tx = cx.store.immediate()?;
            for (coll, token) in &cx.pending_tokens {
                tx.execute(
                "UPDATE sync_collections SET sync_token = ?3 WHERE account_id = ?1 AND href = ?2",
                params![cx.account, coll, token],
            )?;
            }
            tx.commit()?;
        }
        Ok(())
    }
}

/// The collection of `plan` for `holds`: known, found by href, or made.
fn collection(cx: &mut Ctx, plan: &str, title: &str, holds: Holds) -> Result<String> {
    let kind = match holds {
        Holds::Events => "blocks",
        Holds::Todos => "progress",
    };
    let known: Option<String> = cx
        .store
        .conn()
        .query_row(
            "SELECT href FROM sync_collections WHERE account_id = ?1 AND plan_id = ?2 AND kind = ?3",
            params![cx.account, plan, kind],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(h) = known {
        return Ok(h);
    }
    let home = {
        let stored: Option<String> = cx.store.conn().query_row(
            "SELECT home FROM sync_accounts WHERE id = ?1",
            [cx.account],
            |r| r.get(0),
        )?;
        match stored {
            Some(h) => h,
            None => cx.dav.home()?,
        }
    };
    let home = if home.ends_with('/') {
        home
    } else {
        format!("{home}/")
    };
    let href = plan_collection(&home, plan, kind);
    let name = match holds {
        Holds::Events => format!("{title} — blocks"),
        Holds::Todos => format!("{title} — progress"),
    };
    ensure(cx, &home, &href, &name, holds)?;
    if !cx.dry_run {
        let tx = cx.store.immediate()?;
        tx.execute(
            "UPDATE sync_accounts SET home = ?2 WHERE id = ?1",
            params![cx.account, home],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO sync_collections (account_id, plan_id, kind, href) VALUES (?1, ?2, ?3, ?4)",
            params![cx.account, plan, kind, href],
        )?;
        tx.commit()?;
    }
    Ok(href)
}

/// The href of a plan's collection of `kind` in `home` (a slash-ended
/// href): `studyplan-<plan>-<kind>/`, the plan id's characters outside
/// `[A-Za-z0-9-]` as `-`.
fn plan_collection(home: &str, plan: &str, kind: &str) -> String {
    let slug: String = plan
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{home}studyplan-{slug}-{kind}/")
}

/// Make the calendar `href` in `home` unless it is there (a dry run only
/// notes it as missing).
fn ensure(cx: &mut Ctx, home: &str, href: &str, name: &str, holds: Holds) -> Result<()> {
    let exists = cx
        .dav
        .calendars(home)?
        .iter()
        .any(|(h, _)| h.trim_end_matches('/') == href.trim_end_matches('/'));
    if !exists && cx.dry_run {
        cx.missing.push(href.to_string());
    }
    if !exists && !cx.dry_run {
        cx.dav.make_calendar(href, name, holds)?;
    }
    Ok(())
}

#[derive(Debug, Clone)]
struct State {
    href: String,
    etag: Option<String>,
    fingerprint: String,
}

fn states(cx: &Ctx, coll: &str) -> Result<HashMap<String, State>> {
    let mut st = cx.store.conn().prepare(
        "SELECT uid, href, etag, fingerprint FROM sync_items WHERE account_id = ?1 AND collection = ?2",
    )?;
    let rows = st.query_map(params![cx.account, coll], |r| {
        Ok((
            r.get::<_, String>(0)?,
            State {
                href: r.get(1)?,
                etag: r.get(2)?,
                fingerprint: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn remember(cx: &mut Ctx, coll: &str, uid: &str, s: Option<&State>) -> Result<()> {
    if cx.dry_run {
        return Ok(());
    }
    let tx = cx.store.immediate()?;
    match s {
        Some(s) => tx.execute(
            "INSERT OR REPLACE INTO sync_items (account_id, collection, uid, href, etag, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![cx.account, coll, uid, s.href, s.etag, s.fingerprint],
        )?,
        None => tx.execute(
            "DELETE FROM sync_items WHERE account_id = ?1 AND collection = ?2 AND uid = ?3",
            params![cx.account, coll, uid],
        )?,
    };
    tx.commit()?;
    Ok(())
}

fn dtstamp(now: DateTime<Utc>) -> String {
    now.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Write `data` for `uid`: create, or update over `etag`. Returns the new
/// state (ETag None when the server did not say; filled by a listing).
fn put(
    cx: &mut Ctx,
    coll: &str,
    uid: &str,
    href: Option<&str>,
    etag: Option<&str>,
    data: &str,
    fp: &str,
) -> Result<State> {
    let href = href
        .map(str::to_string)
        .unwrap_or_else(|| format!("{coll}{}", items::file_name(uid)));
    if cx.dry_run {
        return Ok(State {
            href,
            etag: etag.map(str::to_string),
            fingerprint: fp.to_string(),
        });
    }
    let new_etag = match etag {
        Some(e) => cx.dav.update(&href, data, e)?,
        None => cx.dav.create(&href, data)?,
    };
    Ok(State {
        href,
        etag: new_etag,
        fingerprint: fp.to_string(),
    })
}

/// ETags the server did not return on PUT, from one listing.
fn fill_etags(cx: &mut Ctx, coll: &str) -> Result<()> {
    if cx.dry_run {
        return Ok(());
    }
    let missing: bool = cx.store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM sync_items WHERE account_id = ?1 AND collection = ?2 AND etag IS NULL AND href != '')",
        params![cx.account, coll],
        |r| r.get(0),
    )?;
    if !missing {
        return Ok(());
    }
    let listed: HashMap<String, String> = cx
        .dav
        .list(coll)?
        .into_iter()
        .map(|r| (r.href, r.etag))
        .collect();
    let tx = cx.store.immediate()?;
    for (href, etag) in listed {
        tx.execute(
            "UPDATE sync_items SET etag = ?4 WHERE account_id = ?1 AND collection = ?2 AND href = ?3 AND etag IS NULL",
            params![cx.account, coll, href, etag],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// What one collection's pass starts from: this database's state, the
/// server's listing, the items to read, and whether this database is
/// joining a collection others already keep.
struct Round {
    state: HashMap<String, State>,
    remote: HashMap<String, String>,
    fetched: HashMap<String, (Remote, String)>,
    adopting: bool,
}

fn round(cx: &mut Ctx, coll: &str, uids: impl Iterator<Item = String>) -> Result<Round> {
    let state = states(cx, coll)?;
    let remote = listing(cx, coll, &state)?;
    let fetched = prefetch(cx, coll, &remote, &state, uids)?;
    let adopting = state.is_empty() && !remote.is_empty();
    Ok(Round {
        state,
        remote,
        fetched,
        adopting,
    })
}

/// Blocks that hold time, published; the rest deleted on the server.
fn publish_blocks(cx: &mut Ctx, coll: &str, blocks: &[BlockView]) -> Result<()> {
    let Round {
        mut state,
        remote,
        mut fetched,
        adopting,
    } = round(cx, coll, blocks.iter().map(|b| items::event_uid(&b.id)))?;
    for b in blocks.iter().filter(|b| b.status != BlockStatus::Moved) {
        let uid = items::event_uid(&b.id);
        let fp = items::event_fingerprint(b);
        let now = cx.now;
        let data = || items::event(b, &dtstamp(now));
        let next = match state.remove(&uid) {
            None => {
                let href = format!("{coll}{}", items::file_name(&uid));
                match remote.get(&href) {
                    // Another device published it first: the same block.
                    Some(e) => Some(reconcile_event(
                        cx,
                        coll,
                        &href,
                        e,
                        &fp,
                        b,
                        fetched.remove(&href),
                        false,
                    )?),
                    // Joining a collection other devices keep: what is
                    // missing there was deleted, and stays deleted.
                    None if adopting => Some(State {
                        href,
                        etag: None,
                        fingerprint: fp,
                    }),
                    None => {
                        cx.report.created += 1;
                        Some(put(cx, coll, &uid, Some(&href), None, &data(), &fp)?)
                    }
                }
            }
            Some(s) => match (s.etag.as_deref(), remote.get(&s.href)) {
                // Deleted on the server: stays deleted unless the block changed.
                (_, None) if fp == s.fingerprint => Some(State { etag: None, ..s }),
                (_, None) => {
                    cx.report.created += 1;
                    Some(put(cx, coll, &uid, Some(&s.href), None, &data(), &fp)?)
                }
                (Some(known), Some(now_etag)) if known == now_etag => {
                    if fp == s.fingerprint {
                        cx.report.unchanged += 1;
                        Some(s)
                    } else {
                        cx.report.updated += 1;
                        Some(put(
                            cx,
                            coll,
                            &uid,
                            Some(&s.href),
                            Some(known),
                            &data(),
                            &fp,
                        )?)
                    }
                }
                (_, Some(e)) => {
                    let got = fetched.remove(&s.href);
                    let changed_here = fp != s.fingerprint;
                    Some(reconcile_event(
                        cx,
                        coll,
                        &s.href.clone(),
                        e,
                        &fp,
                        b,
                        got,
                        changed_here,
                    )?)
                }
            },
        };
        remember(cx, coll, &uid, next.as_ref())?;
    }
    // Blocks gone from the plan (or moved away): delete what this database wrote.
    for (uid, s) in state {
        if let (Some(e), true) = (s.etag.as_deref(), remote.contains_key(&s.href)) {
            cx.report.deleted += 1;
            if !cx.dry_run {
                let etag = remote.get(&s.href).map(String::as_str).unwrap_or(e);
                match cx.dav.delete(&s.href, etag) {
                    Ok(()) | Err(CoreError::NotFound(_)) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        remember(cx, coll, &uid, None)?;
    }
    fill_etags(cx, coll)
}

/// What is on the server in `coll` (href → ETag): the items this database
/// knows, updated with the changes since the collection's sync token; or,
/// with no token or one the server refuses, a full listing. The new token
/// is kept once the sync has written what it had to.
fn listing(
    cx: &mut Ctx,
    coll: &str,
    state: &HashMap<String, State>,
) -> Result<HashMap<String, String>> {
    if cx.missing.iter().any(|m| m == coll) {
        return Ok(HashMap::new());
    }
    let token: Option<String> = cx
        .store
        .conn()
        .query_row(
            "SELECT sync_token FROM sync_collections WHERE account_id = ?1 AND href = ?2",
            params![cx.account, coll],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let delta = match token.as_deref() {
        Some(t) => cx.dav.changes(coll, Some(t))?,
        None => None,
    };
    let (map, new_token) = match delta {
        Some(d) => {
            let mut map: HashMap<String, String> = state
                .values()
                .filter_map(|s| Some((s.href.clone(), s.etag.clone()?)))
                .collect();
            for h in d.deleted {
                map.remove(&h);
            }
            for r in d.changed {
                map.insert(r.href, r.etag);
            }
            (map, Some(d.token))
        }
        None => {
            cx.report.full_listings += 1;
            match cx.dav.changes(coll, None)? {
                Some(d) => (
                    d.changed.into_iter().map(|r| (r.href, r.etag)).collect(),
                    Some(d.token),
                ),
                None => (
                    cx.dav
                        .list(coll)?
                        .into_iter()
                        .map(|r| (r.href, r.etag))
                        .collect(),
                    None,
                ),
            }
        }
    };
    cx.pending_tokens.push((coll.to_string(), new_token));
    Ok(map)
}

/// The items of `uids` whose server version this database has not seen
/// (no state, or another ETag), read in one calendar-multiget.
fn prefetch(
    cx: &mut Ctx,
    coll: &str,
    remote: &HashMap<String, String>,
    state: &HashMap<String, State>,
    uids: impl Iterator<Item = String>,
) -> Result<HashMap<String, (Remote, String)>> {
    let wanted: Vec<String> = uids
        .filter_map(|uid| {
            let href = state
                .get(&uid)
                .map(|s| s.href.clone())
                .unwrap_or_else(|| format!("{coll}{}", items::file_name(&uid)));
            let e = remote.get(&href)?;
            let seen = state.get(&uid).and_then(|s| s.etag.as_ref()) == Some(e);
            (!seen).then_some(href)
        })
        .collect();
    let mut out = HashMap::new();
    for chunk in wanted.chunks(200) {
        for (r, data) in cx.dav.get(coll, chunk)? {
            out.insert(r.href.clone(), (r, data));
        }
    }
    Ok(out)
}

/// The server's version differs from the one known: put back the plan's
/// block unless it already means the same (a server rewrite).
#[allow(clippy::too_many_arguments)]
fn reconcile_event(
    cx: &mut Ctx,
    coll: &str,
    href: &str,
    etag: &str,
    fp: &str,
    b: &BlockView,
    fetched: Option<(Remote, String)>,
    changed_here: bool,
) -> Result<State> {
    let same = fetched
        .as_ref()
        .and_then(|(_, d)| items::fingerprint(d))
        .is_some_and(|f| f == fp);
    if same {
        cx.report.rewritten += 1;
        return Ok(State {
            href: href.to_string(),
            etag: fetched.map(|(r, _)| r.etag).or(Some(etag.to_string())),
            fingerprint: fp.to_string(),
        });
    }
    // Changed on the server only (another device moved the block, or a
    // device joins): its times are taken here; nothing is written back, so
    // two devices never take turns overwriting each other.
    if let (false, Some((r, data))) = (changed_here, &fetched) {
        cx.report.applied += 1;
        let local = match items::read_event_times(data) {
            Some((start, end)) if (start, end) != block_times(b) => {
                match move_here(cx, b, start, end) {
                    Ok(v) => v,
                    Err(e) => {
                        cx.report.conflicts.push(format!(
                            "“{}” ({}): moved on another device, but not here: {e}",
                            b.title, b.date
                        ));
                        b.clone()
                    }
                }
            }
            _ => b.clone(),
        };
        return Ok(State {
            href: href.to_string(),
            etag: Some(r.etag.clone()),
            fingerprint: items::event_fingerprint(&local),
        });
    }
    // Changed on both sides: this device's block is written.
    if fetched.is_some() {
        cx.report.conflicts.push(format!(
            "“{}” ({}): changed here and on another device; kept this device's version",
            b.title, b.date
        ));
    }
    cx.report.updated += 1;
    let data = items::event(b, &dtstamp(cx.now));
    let uid = items::event_uid(&b.id);
    put(cx, coll, &uid, Some(href), Some(etag), &data, fp)
}

fn block_times(b: &BlockView) -> (i64, i64) {
    let t = |s: &str| DateTime::parse_from_rfc3339(s).map_or(0, |d| d.timestamp());
    (t(&b.start_utc), t(&b.end_utc))
}

/// Move block `b` here to `[start, end)` (Unix seconds), by the usual rule.
fn move_here(cx: &mut Ctx, b: &BlockView, start: i64, end: i64) -> Result<BlockView> {
    if cx.dry_run {
        return Ok(b.clone());
    }
    let tz = crate::schedule::tz::plan_zone(cx.store)?;
    let local = DateTime::from_timestamp(start, 0)
        .ok_or_else(|| CoreError::InvalidInput("the moved block's time is out of range".into()))?
        .with_timezone(&tz);
    let minutes = u32::try_from((end - start) / 60)
        .ok()
        .filter(|m| (1..=1440).contains(m));
    cx.store
        .move_block(&b.id, local.date_naive(), local.time(), minutes, cx.now)
}

/// When block `id` last changed here, Unix seconds.
fn local_modified(cx: &Ctx, id: &str) -> Result<Option<i64>> {
    let at: Option<String> = cx.store.conn().query_row(
        "SELECT MAX(at) FROM block_events WHERE block_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok(at
        .and_then(|a| DateTime::parse_from_rfc3339(&a).ok())
        .map(|d| d.timestamp()))
}

fn untouched(b: &BlockView) -> bool {
    b.status == BlockStatus::Planned
        && b.user_note.is_none()
        && b.problems.is_none()
        && b.queries.is_none()
}

/// Apply progress read from the server to block `b` here.
fn apply(cx: &mut Ctx, b: &BlockView, p: &items::Progress) -> Result<()> {
    if cx.dry_run {
        return Ok(());
    }
    let change = match p.status {
        BlockStatus::Done => Some(BlockChange::Done),
        BlockStatus::Partial => p.minutes_done.map(BlockChange::Partial),
        BlockStatus::Skipped => Some(BlockChange::Skipped),
        BlockStatus::Planned => Some(BlockChange::Planned),
        // Moving is this device's plan's business, not a task app's.
        BlockStatus::Moved => None,
    };
    if let Some(c) = change.filter(|_| p.status != b.status || p.minutes_done != b.minutes_done) {
        cx.store.set_block_status(&b.id, c, cx.now)?;
    }
    if p.note != b.user_note || p.problems != b.problems || p.queries != b.queries {
        cx.store.annotate_block(
            &b.id,
            Some(p.note.as_deref().unwrap_or("")),
            p.problems.map(i64::from),
            p.queries.map(i64::from),
            cx.now,
        )?;
    }
    Ok(())
}

fn progress_words(p: &items::Progress) -> String {
    match p.status {
        BlockStatus::Partial => format!("partial, {} min", p.minutes_done.unwrap_or(0)),
        s => format!("{s:?}").to_lowercase(),
    }
}

/// The VTODO for `b`, with LAST-MODIFIED from its event log.
fn todo_now(cx: &Ctx, b: &BlockView) -> Result<String> {
    let lm = local_modified(cx, &b.id)?
        .and_then(|t| DateTime::from_timestamp(t, 0))
        .map(dtstamp);
    Ok(items::todo(b, &dtstamp(cx.now), lm.as_deref()))
}

/// Progress both ways (see the module's contract).
fn sync_progress(cx: &mut Ctx, coll: &str, blocks: &[BlockView]) -> Result<()> {
    let Round {
        mut state,
        remote,
        mut fetched,
        adopting,
    } = round(cx, coll, blocks.iter().map(|b| items::todo_uid(&b.id)))?;
    for b in blocks {
        let uid = items::todo_uid(&b.id);
        let fp = items::todo_fingerprint(b);
        let s = state.remove(&uid);
        let href = s
            .as_ref()
            .map(|s| s.href.clone())
            .unwrap_or_else(|| format!("{coll}{}", items::file_name(&uid)));
        let local_changed = s.as_ref().is_none_or(|s| s.fingerprint != fp);
        let next = match (remote.get(&href), &s) {
            // Not on the server.
            (None, Some(s)) if s.etag.is_some() && !local_changed => Some(State {
                etag: None,
                ..s.clone()
            }),
            (None, Some(s)) if s.etag.is_none() && !local_changed => Some(s.clone()),
            (None, None) if adopting && untouched(b) => Some(State {
                href: href.clone(),
                etag: None,
                fingerprint: fp,
            }),
            (None, _) => {
                cx.report.created += 1;
                Some(put(
                    cx,
                    coll,
                    &uid,
                    Some(&href),
                    None,
                    &todo_now(cx, b)?,
                    &fp,
                )?)
            }
            // In step with what we knew.
            (Some(e), Some(s)) if Some(e) == s.etag.as_ref() => {
                if local_changed {
                    cx.report.updated += 1;
                    Some(put(
                        cx,
                        coll,
                        &uid,
                        Some(&href),
                        Some(e),
                        &todo_now(cx, b)?,
                        &fp,
                    )?)
                } else {
                    cx.report.unchanged += 1;
                    Some(s.clone())
                }
            }
            // Changed on the server (or never seen by this database).
            (Some(e), _) => {
                let Some((r, data)) = fetched.remove(&href) else {
                    continue;
                };
                let remote_fp = items::fingerprint(&data).unwrap_or_default();
                let theirs = items::read_progress(&data, b.minutes);
                if remote_fp == fp {
                    cx.report.rewritten += 1;
                    Some(State {
                        href: href.clone(),
                        etag: Some(r.etag),
                        fingerprint: fp,
                    })
                } else if let Some(p) = theirs {
                    let take_theirs = if s.is_none() {
                        // No shared history: an untouched block takes the server's.
                        untouched(b)
                    } else if !local_changed {
                        true
                    } else {
                        // Both changed: the later change wins, this device on a tie.
                        let mine = local_modified(cx, &b.id)?.unwrap_or(i64::MIN);
                        let kept_theirs = p.modified.is_some_and(|t| t > mine);
                        let (kept, lost) = if kept_theirs {
                            ("server", format!("{:?} here", b.status).to_lowercase())
                        } else {
                            ("this device", progress_words(&p) + " on the server")
                        };
                        let detail = format!(
                            "“{}” ({}): kept {kept}'s version; {lost} was set aside",
                            b.title, b.date
                        );
                        cx.report.conflicts.push(detail.clone());
                        if !cx.dry_run {
                            let tx = cx.store.immediate()?;
                            tx.execute(
                                "INSERT INTO sync_conflicts (account_id, at, uid, kept, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                                params![cx.account, stamp(cx.now), uid, kept, detail],
                            )?;
                            tx.commit()?;
                        }
                        kept_theirs
                    };
                    if take_theirs {
                        cx.report.applied += 1;
                        apply(cx, b, &p)?;
                        let now_local = if cx.dry_run {
                            b.clone()
                        } else {
                            cx.store.block(&b.id)?
                        };
                        Some(State {
                            href: href.clone(),
                            etag: Some(r.etag),
                            fingerprint: items::todo_fingerprint(&now_local),
                        })
                    } else {
                        cx.report.updated += 1;
                        Some(put(
                            cx,
                            coll,
                            &uid,
                            Some(&href),
                            Some(&r.etag),
                            &todo_now(cx, b)?,
                            &fp,
                        )?)
                    }
                } else {
                    // Not a VTODO we can read: put ours back.
                    cx.report.updated += 1;
                    Some(put(
                        cx,
                        coll,
                        &uid,
                        Some(&href),
                        Some(e),
                        &todo_now(cx, b)?,
                        &fp,
                    )?)
                }
            }
        };
        remember(cx, coll, &uid, next.as_ref())?;
    }
    for (uid, s) in state {
        if let (Some(_), Some(e)) = (s.etag.as_deref(), remote.get(&s.href)) {
            cx.report.deleted += 1;
            if !cx.dry_run {
                cx.dav.delete(&s.href, e)?;
            }
        }
        remember(cx, coll, &uid, None)?;
    }
    fill_etags(cx, coll)
}

/// Sync with the real server: the account's password from the keyring,
/// libdav, on a thread of its own (callers may be inside an async runtime).
pub fn run_with_keyring(
    store: &mut Store,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<SyncReport> {
    with_keyring(store, |store, dav| run(store, dav, dry_run, now))
}

/// Publish the team's roadmap and track calendars to the lead's home now,
/// whoever asks: the server decides who may write there, and a refusal is
/// `Forbidden` in words. Errors: `NotFound` without an account, a plan with
/// a team, or a role played here.
pub fn publish_team(
    store: &mut Store,
    dav: &mut dyn Dav,
    now: DateTime<Utc>,
) -> Result<SyncReport> {
    let v = crate::team::view(store)?;
    let a = account(store)?.ok_or_else(|| CoreError::NotFound("no sync account yet".into()))?;
    let blocks = store.plan_blocks(&v.plan_id)?;
    let mut cx = Ctx::new(store, dav, &a, false, now);
    team::publish_all(&mut cx, &v, &blocks)?;
    cx.finish()?;
    Ok(cx.report)
}

/// [`publish_team`] with the account's password from the keyring.
pub fn publish_team_with_keyring(store: &mut Store, now: DateTime<Utc>) -> Result<SyncReport> {
    with_keyring(store, |store, dav| publish_team(store, dav, now))
}

/// Run `f` with libdav on the account, the password from the keyring, on a
/// thread of its own.
fn with_keyring<T: Send>(
    store: &mut Store,
    f: impl FnOnce(&mut Store, &mut dyn Dav) -> Result<T> + Send,
) -> Result<T> {
    let (a, password) = match credentials(store, &secret::Keyring) {
        Ok(c) => c,
        Err(e) => {
            // Kept on the account, so the app can show why sync stopped.
            if let Some(a) = account(store)? {
                let tx = store.immediate()?;
                tx.execute(
                    "UPDATE sync_accounts SET last_error = ?2 WHERE id = ?1",
                    params![a.id, e.to_string()],
                )?;
                tx.commit()?;
            }
            return Err(e);
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| {
            let mut dav = dav::LibDav::new(&a.url, &a.username, &password)?;
            f(store, &mut dav)
        })
        .join()
        .unwrap_or_else(|_| Err(CoreError::Internal("sync stopped unexpectedly".into())))
    })
}
