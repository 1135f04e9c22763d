//! A team's calendars on one CalDAV server (the layout is `crate::team`'s).
//!
//! **Where things live.** Every member's home is this account's home with
//! the user name in its last path segment replaced (Radicale `/alice/`,
//! Nextcloud `…/calendars/alice/`). In the lead's home:
//! - `studyplan-<plan>-roadmap/`: every block of the plan, as VEVENTs with
//!   the personal sync's UIDs (`<block id>@studyplan`);
//! - `studyplan-<plan>-track-<track>/`: one all-day VEVENT per week whose
//!   topics name the learning track, the topics in DESCRIPTION.
//!
//! Each member's progress is their personal progress calendar
//! (`studyplan-<plan>-progress/` in their own home), which the lead reads.
//!
//! **Who does what on a sync.** The lead publishes the roadmap and the
//! tracks (written only when changed, as the personal sync does) and reads
//! every assigned member's progress. A member reads the roadmap and takes
//! the lead's changes to a block's time (a block the lead moved moves here;
//! a member's own moves stay until the lead moves that block again), and
//! never writes the lead's calendars. `publish` may be asked for by anyone:
//! the server decides (e.g. Radicale's rights file), and a refusal comes
//! back once, in words (`Forbidden`), never retried on its own.

use super::{items, round, Ctx, Round, State};
use crate::error::{CoreError, Result};
use crate::store::agenda::BlockView;
use crate::team::{self, Published, TeamView};
use rusqlite::params;
use std::collections::HashMap;

/// What the team part of a sync did.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, ts_rs::TS, PartialEq)]
#[serde(default)]
#[ts(export)]
pub struct TeamReport {
    /// The role played here.
    pub role: String,
    /// The roadmap and track calendars were published (the lead).
    pub published: bool,
    /// Members whose progress was read (the lead).
    pub members_read: u32,
    /// Blocks moved here because the lead moved them (a member).
    pub followed: u32,
    /// What could not be done, in words (a member's calendar the server
    /// would not let the lead read, a roadmap not published yet).
    pub problems: Vec<String>,
}

/// The home of `user`, from this account's `home` and user name `me`.
pub(super) fn home_of(home: &str, me: &str, user: &str) -> Result<String> {
    if !team::is_user_name(user) {
        return Err(CoreError::InvalidInput(format!(
            "“{}” cannot be a user name in a calendar address",
            crate::ipc::quote(user)
        )));
    }
    let trimmed = home.trim_end_matches('/');
    let (base, last) = trimmed.rsplit_once('/').unwrap_or(("", trimmed));
    if last != me {
        return Err(CoreError::InvalidInput(format!(
            "cannot tell where {user}'s calendars are: your calendar home {home} does not end in your user name {me}, which studyplan would swap for theirs"
        )));
    }
    Ok(format!("{base}/{user}/"))
}

fn my_home(cx: &mut Ctx) -> Result<String> {
    let stored: Option<String> = cx.store.conn().query_row(
        "SELECT home FROM sync_accounts WHERE id = ?1",
        [cx.account],
        |r| r.get(0),
    )?;
    let h = match stored {
        Some(h) => h,
        None => cx.dav.home()?,
    };
    Ok(if h.ends_with('/') { h } else { format!("{h}/") })
}

fn me_user(cx: &Ctx) -> Result<String> {
    Ok(cx.store.conn().query_row(
        "SELECT username FROM sync_accounts WHERE id = ?1",
        [cx.account],
        |r| r.get(0),
    )?)
}

/// The lead's home: the roster's user for the lead role, or this account
/// when the lead is played here and not assigned to anyone else.
fn lead_home(cx: &mut Ctx, v: &TeamView) -> Result<String> {
    let lead = v.lead()?;
    let me = me_user(cx)?;
    if let (Some(u), true) = (&lead.username, lead.me) {
        if *u != me {
            return Err(CoreError::InvalidInput(format!(
                "you play {} (the lead) here, but the team's roster names {u} for it and your account is {me}: studyplan team assign {} {me}",
                lead.name, lead.id
            )));
        }
    }
    let user = match (&lead.username, lead.me) {
        (Some(u), _) => u.clone(),
        (None, true) => me.clone(),
        (None, false) => {
            return Err(CoreError::InvalidInput(format!(
                "who plays the lead ({}) is not set: `studyplan team assign {} USER`, or in Portfolio → Team",
                lead.name, lead.id
            )))
        }
    };
    let home = my_home(cx)?;
    home_of(&home, &me, &user)
}

/// The team part of a sync before the personal one: a member takes the
/// lead's moves from the roadmap. `None` when the plan has no team.
/// What goes wrong here is a problem in the report, not a failed sync: the
/// person's own calendars still sync.
pub(super) fn follow_lead(cx: &mut Ctx) -> Result<Option<TeamReport>> {
    let Ok(v) = team::view(cx.store) else {
        return Ok(None);
    };
    let Some(me) = v.me().cloned() else {
        return Ok(Some(TeamReport {
            problems: vec![
                "this plan has a team: say which role you play (studyplan team me ROLE, or Portfolio → Team)".into(),
            ],
            ..TeamReport::default()
        }));
    };
    let mut report = TeamReport {
        role: me.id.clone(),
        ..TeamReport::default()
    };
    if !me.lead {
        let blocks = cx.store.plan_blocks(&v.plan_id)?;
        if let Err(e) = follow(cx, &v, &blocks, &mut report) {
            report.problems.push(e.to_string());
        }
    }
    Ok(Some(report))
}

/// The team part of a sync after the personal one: the lead publishes the
/// team's calendars and reads the members' progress.
pub(super) fn lead_part(
    cx: &mut Ctx,
    blocks: &[BlockView],
    report: Option<TeamReport>,
) -> Result<Option<TeamReport>> {
    let Some(mut report) = report else {
        return Ok(None);
    };
    let Ok(v) = team::view(cx.store) else {
        return Ok(Some(report));
    };
    if v.me().is_some_and(|m| m.lead) {
        match publish_all(cx, &v, blocks) {
            Ok(()) => report.published = true,
            Err(e) => report.problems.push(e.to_string()),
        }
        if let Err(e) = read_members(cx, &v, blocks, &mut report) {
            report.problems.push(e.to_string());
        }
    }
    Ok(Some(report))
}

/// Publish the roadmap and the track calendars to the lead's home.
/// Errors: `Forbidden` (in words) when the server refuses the writes.
pub(super) fn publish_all(cx: &mut Ctx, v: &TeamView, blocks: &[BlockView]) -> Result<()> {
    let home = lead_home(cx, v)?;
    let title: String =
        cx.store
            .conn()
            .query_row("SELECT title FROM plans WHERE id = ?1", [&v.plan_id], |r| {
                r.get(0)
            })?;
    let lead_name = v.lead()?.name.clone();
    let refused = |e: CoreError| {
        match e {
        CoreError::Forbidden(why) => CoreError::Forbidden(format!(
            "the team's calendars in {home} were not written: {why}. Only the team's lead ({lead_name}) publishes the roadmap; who may write there is set on the server"
        )),
        other => other,
    }
    };
    let roadmap = super::plan_collection(&home, &v.plan_id, "roadmap");
    super::ensure(
        cx,
        &home,
        &roadmap,
        &format!("{title} — team roadmap"),
        super::Holds::Events,
    )
    .map_err(refused)?;
    super::publish_blocks(cx, &roadmap, blocks).map_err(refused)?;
    for (track, weeks) in track_weeks(cx, v)? {
        let href = super::plan_collection(&home, &v.plan_id, &format!("track-{}", track.id));
        super::ensure(
            cx,
            &home,
            &href,
            &format!("{title} — {}", track.name),
            super::Holds::Events,
        )
        .map_err(refused)?;
        publish_items(cx, &href, weeks).map_err(refused)?;
    }
    Ok(())
}

/// One item to publish: UID, iCalendar text, fingerprint.
type Item = (String, String, String);

/// Each learning track of the team with its week ranges as all-day events.
fn track_weeks(cx: &Ctx, v: &TeamView) -> Result<Vec<(team::TrackRef, Vec<Item>)>> {
    let mut tracks: Vec<team::TrackRef> = Vec::new();
    for r in &v.roles {
        for t in &r.tracks {
            if !tracks.iter().any(|x| x.id == t.id) {
                tracks.push(t.clone());
            }
        }
    }
    let mut st = cx.store.conn().prepare(
        "SELECT w.number, w.start_date, w.end_date, w.title, json_extract(j.value, '$[1]')
         FROM weeks w, json_each(w.topics_json) j
         WHERE w.plan_id = ?1 AND json_extract(j.value, '$[0]') = ?2 ORDER BY w.number",
    )?;
    let stamp = super::dtstamp(cx.now);
    let mut out = Vec::new();
    for t in tracks {
        let rows = st.query_map(params![v.plan_id, t.id], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut list = Vec::new();
        for row in rows {
            let (n, from, to, title, topics) = row?;
            let topics: Vec<String> = match topics {
                Some(j) => serde_json::from_str::<serde_json::Value>(&j)
                    .ok()
                    .map(|x| match x {
                        serde_json::Value::Array(a) => a
                            .into_iter()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect(),
                        serde_json::Value::String(s) => vec![s],
                        _ => Vec::new(),
                    })
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            let uid = format!("{}-{}-week-{n}@studyplan", v.plan_id, t.id);
            let data = items::track_week(
                &uid,
                &from,
                &to,
                &format!("{} — week {n} ({title})", t.name),
                &topics.join("\n"),
                &stamp,
            )?;
            let fp = items::fingerprint(&data).unwrap_or_default();
            list.push((uid, data, fp));
        }
        out.push((t, list));
    }
    Ok(out)
}

/// Write `wanted` to `coll`: each item only when this database's last
/// write differs, and what this database wrote that is no longer wanted
/// deleted. The lead owns these calendars: a server copy that changed is
/// written over.
fn publish_items(cx: &mut Ctx, coll: &str, wanted: Vec<Item>) -> Result<()> {
    let Round {
        mut state, remote, ..
    } = round(cx, coll, std::iter::empty())?;
    for (uid, data, fp) in wanted {
        let s = state.remove(&uid);
        let href = s
            .as_ref()
            .map(|s| s.href.clone())
            .unwrap_or_else(|| format!("{coll}{}", items::file_name(&uid)));
        let next = match (remote.get(&href), s) {
            (Some(e), Some(s)) if s.etag.as_ref() == Some(e) && s.fingerprint == fp => {
                cx.report.unchanged += 1;
                s
            }
            (Some(e), _) => {
                cx.report.updated += 1;
                let e = e.clone();
                super::put(cx, coll, &uid, Some(&href), Some(&e), &data, &fp)?
            }
            (None, _) => {
                cx.report.created += 1;
                super::put(cx, coll, &uid, Some(&href), None, &data, &fp)?
            }
        };
        super::remember(cx, coll, &uid, Some(&next))?;
    }
    for (uid, s) in state {
        if let Some(e) = remote.get(&s.href) {
            cx.report.deleted += 1;
            if !cx.dry_run {
                match cx.dav.delete(&s.href, e) {
                    Ok(()) | Err(CoreError::NotFound(_)) => {}
                    Err(err) => return Err(err),
                }
            }
        }
        super::remember(cx, coll, &uid, None)?;
    }
    super::fill_etags(cx, coll)
}

/// Read each assigned member's progress calendar (the lead).
fn read_members(
    cx: &mut Ctx,
    v: &TeamView,
    blocks: &[BlockView],
    report: &mut TeamReport,
) -> Result<()> {
    let home = my_home(cx)?;
    let me = me_user(cx)?;
    let minutes: HashMap<&str, u32> = blocks.iter().map(|b| (b.id.as_str(), b.minutes)).collect();
    for r in v.roles.iter().filter(|r| !r.me) {
        let Some(user) = &r.username else { continue };
        let read = home_of(&home, &me, user).and_then(|h| {
            let coll = super::plan_collection(&h, &v.plan_id, "progress");
            read_progress(cx, &coll, &minutes)
        });
        match read {
            Ok(items) => {
                report.members_read += 1;
                if !cx.dry_run {
                    team::record_read(cx.store, &v.plan_id, &r.id, items, cx.now)?;
                }
            }
            Err(e) => {
                let why = match &e {
                    CoreError::NotFound(_) => format!(
                        "{} ({user}) has not published any progress yet (they sync with this plan loaded and their role set)",
                        r.name
                    ),
                    other => format!("{} ({user}): {other}", r.name),
                };
                if !cx.dry_run {
                    team::record_failure(cx.store, &v.plan_id, &r.id, &why)?;
                }
                report.problems.push(why);
            }
        }
    }
    Ok(())
}

fn read_progress(cx: &mut Ctx, coll: &str, minutes: &HashMap<&str, u32>) -> Result<Vec<Published>> {
    let listed = cx.dav.list(coll)?;
    let hrefs: Vec<String> = listed.into_iter().map(|r| r.href).collect();
    let mut out = Vec::new();
    for chunk in hrefs.chunks(200) {
        for (_, data) in cx.dav.get(coll, chunk)? {
            let Some(uid) = items::uid_of(&data) else {
                continue;
            };
            let Some(block) = items::block_of(&uid) else {
                continue;
            };
            let Some(&m) = minutes.get(block) else {
                continue;
            };
            if let Some(p) = items::read_progress(&data, m) {
                out.push(Published {
                    block_id: block.to_string(),
                    status: p.status,
                    minutes_done: p.minutes_done.unwrap_or(0).min(m),
                });
            }
        }
    }
    Ok(out)
}

/// Read the lead's roadmap and take the lead's changes to block times
/// (a member). Writes nothing to the server.
fn follow(cx: &mut Ctx, v: &TeamView, blocks: &[BlockView], report: &mut TeamReport) -> Result<()> {
    let home = lead_home(cx, v)?;
    let coll = super::plan_collection(&home, &v.plan_id, "roadmap");
    let lead = v.lead()?;
    let context = |e: CoreError| {
        match e {
        CoreError::Forbidden(why) => CoreError::Forbidden(format!(
            "the roadmap of {} ({}) at {coll} could not be read: {why}; is {} the lead's user name on the server, and may you read their team calendars?",
            lead.name,
            lead.username.as_deref().unwrap_or("?"),
            lead.username.as_deref().unwrap_or("?"),
        )),
        other => other,
    }
    };
    let uids = blocks.iter().map(|b| items::event_uid(&b.id));
    let Round {
        mut state,
        remote,
        mut fetched,
        ..
    } = match round(cx, &coll, uids) {
        Ok(r) => r,
        Err(CoreError::NotFound(_)) => {
            report.problems.push(format!(
                "the roadmap is not on the server yet: {} publishes it when they sync",
                v.lead()?.name
            ));
            return Ok(());
        }
        Err(e) => return Err(context(e)),
    };
    for b in blocks {
        let uid = items::event_uid(&b.id);
        let href = format!("{coll}{}", items::file_name(&uid));
        let Some((r, data)) = fetched.remove(&href) else {
            continue;
        };
        let known = state.remove(&uid);
        // The first read of the roadmap takes the lead's times as they are.
        if let Some((start, end)) = items::read_event_times(&data) {
            if (start, end) != super::block_times(b)
                && known
                    .as_ref()
                    .is_none_or(|k| k.fingerprint != items::fingerprint(&data).unwrap_or_default())
            {
                match super::move_here(cx, b, start, end) {
                    Ok(_) => report.followed += 1,
                    Err(e) => report.problems.push(format!(
                        "“{}” ({}): the lead moved it, but not here: {e}",
                        b.title, b.date
                    )),
                }
            }
        }
        let next = State {
            href: href.clone(),
            etag: remote.get(&href).cloned().or(Some(r.etag)),
            fingerprint: items::fingerprint(&data).unwrap_or_default(),
        };
        super::remember(cx, &coll, &uid, Some(&next))?;
    }
    Ok(())
}
