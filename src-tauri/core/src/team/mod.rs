//! A team following one plan together (the team roadmap's six people).
//!
//! **Contract.**
//! - The layout comes from the active plan's `[team]` (roles, the learning
//!   tracks each follows, which role leads); a plan without one has no team
//!   and every function here says so (`NotFound`).
//! - The roster says who plays each role: their user name on the team's
//!   CalDAV server (`team_roster`). This database's person plays one role
//!   (`team_self`). Both are kept per plan id across reloads.
//! - What travels is the sync module's (`sync::team`): the lead publishes
//!   the roadmap and one calendar per learning track in the lead's home;
//!   members read them; each member's progress is their own progress
//!   calendar, which the lead reads. Who may write where is the server's
//!   rule (e.g. Radicale's rights file), never studyplan's.
//! - Team progress is what each member last published, kept here
//!   (`team_progress`, `team_reads`) so Portfolio shows it offline. Per
//!   learning track: the weeks whose topics name the track, and for each
//!   role that follows it, planned minutes of those weeks' blocks against
//!   minutes done (done blocks count in full, partial ones by their minutes).

use crate::plan::model::Team;
use crate::store::agenda::BlockStatus;
use crate::{CoreError, Result, Store};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// A learning track: id and name as the plan gives them.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TrackRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RoleView {
    pub id: String,
    pub name: String,
    pub tracks: Vec<TrackRef>,
    /// What the role does, phase by phase (the plan's words).
    pub duties: Vec<String>,
    /// Who plays it: their user name on the CalDAV server, once assigned.
    pub username: Option<String>,
    /// This role publishes the roadmap.
    pub lead: bool,
    /// This database's person plays it.
    pub me: bool,
}

/// The active plan's team.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TeamView {
    pub plan_id: String,
    pub roles: Vec<RoleView>,
}

impl TeamView {
    /// The lead's role (a plan that loaded names it among its roles).
    pub fn lead(&self) -> Result<&RoleView> {
        self.roles.iter().find(|r| r.lead).ok_or_else(|| {
            CoreError::Internal("the plan's [team] names no lead among its roles".into())
        })
    }
    pub fn me(&self) -> Option<&RoleView> {
        self.roles.iter().find(|r| r.me)
    }
}

/// One member's progress on one learning track.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct MemberProgress {
    pub role: String,
    pub role_name: String,
    pub username: Option<String>,
    /// Minutes of the track's weeks' blocks (skipped ones left out).
    pub planned_minutes: u32,
    /// Minutes the member marked done (partial blocks by their minutes).
    pub done_minutes: u32,
    pub blocks_done: u32,
    pub blocks_total: u32,
    /// UTC RFC 3339 of the last good read of the member's progress
    /// (this database's own, for the member played here: `None`).
    pub read_at: Option<String>,
    /// Why the last read failed, in words.
    pub error: Option<String>,
    /// The role played on this computer: its figures are this database's.
    pub me: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TrackProgress {
    pub track: TrackRef,
    /// First and last day of the weeks whose topics name the track
    /// (`YYYY-MM-DD`, local); `None` when no week does.
    pub from: Option<String>,
    pub to: Option<String>,
    pub members: Vec<MemberProgress>,
}

fn active_plan(store: &Store) -> Result<(String, Team)> {
    let row: Option<(String, String, String)> = store
        .conn()
        .query_row(
            "SELECT id, source_name, source_text FROM plans WHERE active = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (id, name, text) = row.ok_or_else(|| CoreError::NotFound("no plan is loaded".into()))?;
    let plan = crate::plan::parse::parse_plan(&name, &text).map_err(CoreError::PlanInvalid)?;
    let team = plan.team.ok_or_else(|| {
        CoreError::NotFound(format!(
            "plan `{id}` names no team; a team plan has a [team] section (plans/README.md)"
        ))
    })?;
    Ok((id, team))
}

/// The active plan's team with who plays each role.
/// Errors: `NotFound` when no plan is loaded or the plan has no `[team]`.
pub fn view(store: &Store) -> Result<TeamView> {
    let (plan_id, team) = active_plan(store)?;
    let me: Option<String> = store
        .conn()
        .query_row(
            "SELECT role FROM team_self WHERE plan_id = ?1",
            [&plan_id],
            |r| r.get(0),
        )
        .optional()?;
    let mut names = store
        .conn()
        .prepare("SELECT name FROM tracks WHERE plan_id = ?1 AND id = ?2")?;
    let mut users = store
        .conn()
        .prepare("SELECT username FROM team_roster WHERE plan_id = ?1 AND role = ?2")?;
    let mut roles = Vec::new();
    for r in &team.roles {
        let mut tracks = Vec::new();
        for t in &r.tracks {
            let name: String = names
                .query_row(params![plan_id, t.value], |x| x.get(0))
                .optional()?
                .unwrap_or_else(|| t.value.clone());
            tracks.push(TrackRef {
                id: t.value.clone(),
                name,
            });
        }
        roles.push(RoleView {
            id: r.id.value.clone(),
            name: r.name.value.clone(),
            tracks,
            duties: r.duties.clone(),
            username: users
                .query_row(params![plan_id, r.id.value], |x| x.get(0))
                .optional()?,
            lead: r.id.value == team.lead.value,
            me: me.as_deref() == Some(r.id.value.as_str()),
        });
    }
    Ok(TeamView { plan_id, roles })
}

fn role_of<'a>(v: &'a TeamView, role: &str) -> Result<&'a RoleView> {
    v.roles.iter().find(|r| r.id == role).ok_or_else(|| {
        let ids: Vec<&str> = v.roles.iter().map(|r| r.id.as_str()).collect();
        CoreError::InvalidInput(format!(
            "no role `{role}` in this team; its roles are {}",
            ids.join(", ")
        ))
    })
}

/// Who plays `role`: their user name on the team's CalDAV server, or
/// `None` to clear it. A user name plays one role.
/// Errors: `InvalidInput` for an unknown role or a blank or multi-line name,
/// or a name that already plays another role.
pub fn assign(store: &mut Store, role: &str, username: Option<&str>) -> Result<TeamView> {
    let v = view(store)?;
    let role = role_of(&v, role)?.id.clone();
    let tx = store.immediate()?;
    match username.map(str::trim) {
        None | Some("") => {
            tx.execute(
                "DELETE FROM team_roster WHERE plan_id = ?1 AND role = ?2",
                params![v.plan_id, role],
            )?;
        }
        Some(u) => {
            if !is_user_name(u) {
                return Err(CoreError::InvalidInput(
                    "a user name is one line of at most 256 bytes, without `/ \\ % ? #`, and not `.` or `..` (it becomes part of a calendar address)".into(),
                ));
            }
            let other: Option<String> = tx
                .query_row(
                    "SELECT role FROM team_roster WHERE plan_id = ?1 AND username = ?2 AND role != ?3",
                    params![v.plan_id, u, role],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(o) = other {
                return Err(CoreError::InvalidInput(format!(
                    "{u} already plays `{o}`; clear that first"
                )));
            }
            tx.execute(
                "INSERT INTO team_roster (plan_id, role, username) VALUES (?1, ?2, ?3)
                 ON CONFLICT (plan_id, role) DO UPDATE SET username = excluded.username",
                params![v.plan_id, role, u],
            )?;
        }
    }
    tx.execute(
        "DELETE FROM team_progress WHERE plan_id = ?1 AND role = ?2",
        params![v.plan_id, role],
    )?;
    tx.execute(
        "DELETE FROM team_reads WHERE plan_id = ?1 AND role = ?2",
        params![v.plan_id, role],
    )?;
    tx.commit()?;
    view(store)
}

/// Whether `u` can name a person's calendar home: one path segment, so no
/// `/`, `\\`, `%`, `?`, `#` or control character, not `.` or `..`, at most
/// 256 bytes.
pub fn is_user_name(u: &str) -> bool {
    !u.trim().is_empty()
        && u.len() <= 256
        && u != "."
        && u != ".."
        && !u
            .chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\' | '%' | '?' | '#'))
}

/// The role this database's person plays.
/// Errors: `InvalidInput` for an unknown role.
pub fn set_me(store: &mut Store, role: &str) -> Result<TeamView> {
    let v = view(store)?;
    let role = role_of(&v, role)?.id.clone();
    let tx = store.immediate()?;
    tx.execute(
        "INSERT INTO team_self (plan_id, role) VALUES (?1, ?2)
         ON CONFLICT (plan_id) DO UPDATE SET role = excluded.role",
        params![v.plan_id, role],
    )?;
    tx.commit()?;
    view(store)
}

/// One block's state as a member published it.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub block_id: String,
    pub status: BlockStatus,
    pub minutes_done: u32,
}

/// Keep what was read from `role`'s progress calendar, replacing the last read.
pub(crate) fn record_read(
    store: &mut Store,
    plan_id: &str,
    role: &str,
    items: Vec<Published>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let tx = store.immediate()?;
    tx.execute(
        "DELETE FROM team_progress WHERE plan_id = ?1 AND role = ?2",
        params![plan_id, role],
    )?;
    {
        let mut st = tx.prepare(
            "INSERT OR REPLACE INTO team_progress (plan_id, role, block_id, status, minutes_done) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for p in items {
            // The status's stored name is its serde name (as in `blocks.status`).
            let status = serde_json::to_value(p.status)?;
            st.execute(params![
                plan_id,
                role,
                p.block_id,
                status.as_str(),
                p.minutes_done
            ])?;
        }
    }
    tx.execute(
        "INSERT INTO team_reads (plan_id, role, read_at, error) VALUES (?1, ?2, ?3, NULL)
         ON CONFLICT (plan_id, role) DO UPDATE SET read_at = excluded.read_at, error = NULL",
        params![
            plan_id,
            role,
            now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ],
    )?;
    tx.commit()?;
    Ok(())
}

/// Keep why `role`'s progress calendar could not be read (in words); the
/// last good read stays.
pub(crate) fn record_failure(
    store: &mut Store,
    plan_id: &str,
    role: &str,
    why: &str,
) -> Result<()> {
    let tx = store.immediate()?;
    tx.execute(
        "INSERT INTO team_reads (plan_id, role, read_at, error) VALUES (?1, ?2, NULL, ?3)
         ON CONFLICT (plan_id, role) DO UPDATE SET error = excluded.error",
        params![plan_id, role, why],
    )?;
    tx.commit()?;
    Ok(())
}

/// The team's progress per learning track, from what each member last
/// published (and this database's own blocks for the role played here).
/// Errors: `NotFound` when the active plan has no team.
pub fn progress(store: &Store) -> Result<Vec<TrackProgress>> {
    let v = view(store)?;
    let mut tracks: Vec<TrackRef> = Vec::new();
    for r in &v.roles {
        for t in &r.tracks {
            if !tracks.iter().any(|x| x.id == t.id) {
                tracks.push(t.clone());
            }
        }
    }
    // The span of the weeks whose topics name the track.
    let mut span = store.conn().prepare(
        "SELECT MIN(w.start_date), MAX(w.end_date) FROM weeks w
         WHERE w.plan_id = ?1
           AND EXISTS (SELECT 1 FROM json_each(w.topics_json) j WHERE json_extract(j.value, '$[0]') = ?2)",
    )?;
    // Planned minutes of the span's blocks, and a member's published state.
    let mut member = store.conn().prepare(
        "SELECT COALESCE(SUM(b.minutes), 0),
                COALESCE(SUM(CASE tp.status WHEN 'done' THEN b.minutes
                                            WHEN 'partial' THEN MIN(tp.minutes_done, b.minutes) ELSE 0 END), 0),
                COUNT(CASE tp.status WHEN 'done' THEN 1 END),
                COUNT(b.id)
         FROM blocks b
         LEFT JOIN team_progress tp ON tp.plan_id = b.plan_id AND tp.block_id = b.id AND tp.role = ?4
         WHERE b.plan_id = ?1 AND b.date BETWEEN ?2 AND ?3
           AND b.status != 'moved' AND COALESCE(tp.status, '') NOT IN ('skipped', 'moved')",
    )?;
    let mut own = store.conn().prepare(
        "SELECT COALESCE(SUM(minutes), 0),
                COALESCE(SUM(CASE status WHEN 'done' THEN minutes
                                         WHEN 'partial' THEN MIN(COALESCE(minutes_done, 0), minutes) ELSE 0 END), 0),
                COUNT(CASE status WHEN 'done' THEN 1 END),
                COUNT(id)
         FROM blocks WHERE plan_id = ?1 AND date BETWEEN ?2 AND ?3 AND status NOT IN ('skipped', 'moved')",
    )?;
    let mut reads = store
        .conn()
        .prepare("SELECT read_at, error FROM team_reads WHERE plan_id = ?1 AND role = ?2")?;
    let mut out = Vec::new();
    for t in tracks {
        let (from, to): (Option<String>, Option<String>) =
            span.query_row(params![v.plan_id, t.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut members = Vec::new();
        for r in v
            .roles
            .iter()
            .filter(|r| r.tracks.iter().any(|x| x.id == t.id))
        {
            let (planned, done, blocks_done, total): (u32, u32, u32, u32) = match (&from, &to) {
                (Some(a), Some(b)) if r.me => own.query_row(params![v.plan_id, a, b], |x| {
                    Ok((x.get(0)?, x.get(1)?, x.get(2)?, x.get(3)?))
                })?,
                (Some(a), Some(b)) => member.query_row(params![v.plan_id, a, b, r.id], |x| {
                    Ok((x.get(0)?, x.get(1)?, x.get(2)?, x.get(3)?))
                })?,
                _ => (0, 0, 0, 0),
            };
            let (read_at, error): (Option<String>, Option<String>) = if r.me {
                (None, None)
            } else {
                reads
                    .query_row(params![v.plan_id, r.id], |x| Ok((x.get(0)?, x.get(1)?)))
                    .optional()?
                    .unwrap_or((None, None))
            };
            members.push(MemberProgress {
                role: r.id.clone(),
                role_name: r.name.clone(),
                username: r.username.clone(),
                planned_minutes: planned,
                done_minutes: done,
                blocks_done,
                blocks_total: total,
                read_at,
                error,
                me: r.me,
            });
        }
        out.push(TrackProgress {
            track: t,
            from,
            to,
            members,
        });
    }
    // In the order the plan reaches them (Phase 1 tracks, then the pods).
    out.sort_by_key(|t| (t.from.is_none(), t.from.clone()));
    Ok(out)
}
