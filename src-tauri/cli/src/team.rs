//! `studyplan team`: the active plan's team (studyplan_core::team) and its
//! calendars on the CalDAV server (studyplan_core::sync::team).

use crate::open;
use crate::output::print_json;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use studyplan_core::team::{self, TeamView};
use studyplan_core::{sync, CoreError};

#[derive(Subcommand)]
pub enum TeamCmd {
    /// The roles, who plays each, and which one is yours (the default).
    Show,
    /// Say who plays ROLE: their user name on the team's CalDAV server
    /// (leave USER out to clear it).
    Assign { role: String, user: Option<String> },
    /// Say which role you play in this plan's team.
    Me { role: String },
    /// Publish the roadmap and the track calendars to the lead's calendars
    /// now (a sync does this for the lead; the server decides who may).
    Publish,
    /// The team's progress per learning track, as each member last
    /// published it (`sync` reads it again, for the lead).
    Progress,
}

fn print_team(v: &TeamView) {
    println!("team of {}:", v.plan_id);
    for r in &v.roles {
        let tracks: Vec<&str> = r.tracks.iter().map(|t| t.name.as_str()).collect();
        println!(
            "  {:<16} {:<15} {}{}{}",
            r.id,
            r.username.as_deref().unwrap_or("(not assigned)"),
            tracks.join(" → "),
            if r.lead { "  [lead]" } else { "" },
            if r.me { "  [you]" } else { "" },
        );
    }
    if v.me().is_none() {
        println!("you play no role yet: `studyplan team me ROLE`");
    }
}

pub fn team(db: &Option<PathBuf>, json: bool, cmd: Option<TeamCmd>) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    let show = |v: TeamView| {
        if json {
            print_json(&v);
        } else {
            print_team(&v);
        }
    };
    match cmd.unwrap_or(TeamCmd::Show) {
        TeamCmd::Show => show(team::view(&store)?),
        TeamCmd::Assign { role, user } => show(team::assign(&mut store, &role, user.as_deref())?),
        TeamCmd::Me { role } => show(team::set_me(&mut store, &role)?),
        TeamCmd::Publish => {
            let r = sync::publish_team_with_keyring(&mut store, chrono::Utc::now())?;
            if json {
                print_json(&r);
            } else {
                println!(
                    "team calendars published: {} new, {} changed, {} deleted, {} in step",
                    r.created, r.updated, r.deleted, r.unchanged
                );
            }
        }
        TeamCmd::Progress => {
            let p = team::progress(&store)?;
            if json {
                print_json(&p);
            } else {
                for t in &p {
                    let span = match (&t.from, &t.to) {
                        (Some(a), Some(b)) => format!("{a} – {b}"),
                        _ => "no week names it".into(),
                    };
                    println!("{} ({span})", t.track.name);
                    for m in &t.members {
                        let who = match (&m.username, m.me) {
                            (Some(u), _) => u.as_str(),
                            (None, true) => "you",
                            (None, false) => "not assigned",
                        };
                        let state = match (&m.error, &m.read_at) {
                            _ if m.me => "  (this computer)".into(),
                            (Some(e), _) => format!("  ! {e}"),
                            (None, Some(at)) => format!("  (read {at})"),
                            (None, None) if m.username.is_some() => "  (not read yet: sync)".into(),
                            _ => String::new(),
                        };
                        println!(
                            "  {:<16} {:<12} {:>5} of {:>5} min, {:>3} of {:>3} blocks done{state}",
                            m.role_name,
                            who,
                            m.done_minutes,
                            m.planned_minutes,
                            m.blocks_done,
                            m.blocks_total
                        );
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
