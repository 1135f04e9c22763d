//! `studyplan sync`: the active plan's blocks and progress through the
//! person's CalDAV account (studyplan_core::sync).

use crate::open;
use crate::output::print_json;
use clap::Subcommand;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use studyplan_core::sync::{self, secret::Keyring, SyncReport};
use studyplan_core::CoreError;

#[derive(Subcommand)]
pub enum SyncCmd {
    /// Set the CalDAV account: its address and user; the password is read
    /// from standard input (one line) and kept in the system keyring.
    Account {
        /// The server's address, e.g. https://dav.example.org/ (discovery finds your calendars).
        url: Option<String>,
        #[arg(long)]
        user: Option<String>,
        /// Forget the account, its sync state and its password.
        #[arg(long)]
        remove: bool,
    },
    /// The account and how the last sync went.
    Status,
}

fn print_report(r: &SyncReport) {
    let verb = if r.dry_run { "would write" } else { "wrote" };
    println!(
        "{verb}: {} new, {} changed, {} deleted; {} progress changes from the server applied; {} in step{}",
        r.created,
        r.updated,
        r.deleted,
        r.applied,
        r.unchanged,
        if r.rewritten > 0 { format!(" ({} rewritten by the server, left as they are)", r.rewritten) } else { String::new() }
    );
    for c in &r.conflicts {
        println!("  conflict: {c}");
    }
    if let Some(t) = &r.team {
        let n = |k: u32, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        if t.published {
            println!(
                "team: roadmap and track calendars {}; progress of {} read",
                if r.dry_run {
                    "would be published"
                } else {
                    "published"
                },
                n(t.members_read, "member", "members")
            );
        } else if !t.role.is_empty() {
            println!(
                "team: {} as the lead moved them in the roadmap",
                n(t.followed, "block moved", "blocks moved")
            );
        }
        for p in &t.problems {
            println!("  team: {p}");
        }
    }
}

pub fn sync(
    db: &Option<PathBuf>,
    json: bool,
    dry_run: bool,
    cmd: Option<SyncCmd>,
) -> Result<ExitCode, CoreError> {
    let mut store = open(db)?;
    match cmd {
        Some(SyncCmd::Account { remove: true, .. }) => {
            let had = sync::account(&store)?.is_some();
            let warning = sync::remove_account(&mut store, &Keyring)?;
            if let Some(w) = &warning {
                eprintln!("studyplan: {w}");
            }
            if !json {
                println!(
                    "{}",
                    if had {
                        "sync account removed"
                    } else {
                        "no sync account was set"
                    }
                );
            }
        }
        Some(SyncCmd::Account {
            url: Some(url),
            user: Some(user),
            ..
        }) => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .map_err(|e| {
                    CoreError::Io(format!("cannot read the password from standard input: {e}"))
                })?;
            let a = sync::set_account(
                &mut store,
                &Keyring,
                &url,
                &user,
                password.trim_end_matches(['\r', '\n']),
            )?;
            if json {
                print_json(&a);
            } else {
                println!(
                    "sync account: {} at {} (password in the system keyring)",
                    a.username, a.url
                );
            }
        }
        Some(SyncCmd::Account { .. }) => {
            return Err(CoreError::InvalidInput(
                "give the address and --user (the password comes on standard input), or --remove"
                    .into(),
            ))
        }
        Some(SyncCmd::Status) => {
            let a = sync::account(&store)?;
            if json {
                print_json(&a);
            } else {
                match a {
                    None => println!(
                        "no sync account; add one with `studyplan sync account URL --user NAME`"
                    ),
                    Some(a) => {
                        println!("{} at {}", a.username, a.url);
                        match (&a.last_error, &a.last_sync) {
                            (Some(e), _) => println!("  the last sync failed: {e}"),
                            (None, Some(at)) => {
                                println!("  last sync {at}");
                                print_report(&a.report);
                            }
                            (None, None) => println!("  not synced yet"),
                        }
                    }
                }
            }
        }
        None => {
            let r = sync::run_with_keyring(&mut store, dry_run, chrono::Utc::now())?;
            if json {
                print_json(&r);
            } else {
                print_report(&r);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
