//! User settings: typed, validated here, stored as key/value rows.

use super::Store;
use crate::error::{CoreError, Result};
use chrono::NaiveTime;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the Settings place edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    /// Minutes before a block starts that its reminder fires (0–120).
    pub reminder_lead_minutes: i32,
    /// Quiet hours, `HH:MM` each, both or neither.
    pub quiet_hours_start: Option<String>,
    pub quiet_hours_end: Option<String>,
    pub close_to_tray: bool,
    /// Tracks whose blocks send no reminders.
    #[serde(default)]
    pub muted_tracks: Vec<String>,
    /// Reminders are paused until this instant (RFC 3339), e.g. "pause for 1 h".
    #[serde(default)]
    pub reminders_paused_until: Option<String>,
    /// Start studyplan when the user logs in.
    #[serde(default)]
    pub start_at_login: bool,
    /// Why the saved settings could not be read, in words (the defaults are
    /// in use); None normally. Never taken from a front end; saving replaces
    /// them, and the unreadable text is kept as `settings.unreadable`.
    #[serde(default)]
    pub stored_problem: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            reminder_lead_minutes: 5,
            quiet_hours_start: None,
            quiet_hours_end: None,
            close_to_tray: true,
            muted_tracks: Vec::new(),
            reminders_paused_until: None,
            start_at_login: false,
            stored_problem: None,
        }
    }
}

pub const MAX_LEAD_MINUTES: i32 = 120;

impl Settings {
    /// Check every field; the message names the field the way the UI labels it.
    pub fn validate(&self) -> Result<()> {
        if !(0..=MAX_LEAD_MINUTES).contains(&self.reminder_lead_minutes) {
            return Err(CoreError::InvalidInput(format!(
                "Reminder lead time must be between 0 and {MAX_LEAD_MINUTES} minutes (got {}).",
                self.reminder_lead_minutes
            )));
        }
        let parse = |label: &str, v: &Option<String>| -> Result<Option<NaiveTime>> {
            v.as_deref()
                .filter(|s| !s.is_empty())
                .map(|s| {
                    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| {
                        CoreError::InvalidInput(format!(
                            "{label} must be a time like 22:00 (got “{s}”)."
                        ))
                    })
                })
                .transpose()
        };
        if let Some(p) = self
            .reminders_paused_until
            .as_deref()
            .filter(|p| !p.is_empty())
        {
            chrono::DateTime::parse_from_rfc3339(p).map_err(|_| {
                CoreError::InvalidInput(format!("“{p}” is not a time to pause reminders until."))
            })?;
        }
        let a = parse("Quiet hours start", &self.quiet_hours_start)?;
        let b = parse("Quiet hours end", &self.quiet_hours_end)?;
        match (a, b) {
            (Some(a), Some(b)) if a == b => Err(CoreError::InvalidInput(
                "Quiet hours must start and end at different times.".into(),
            )),
            (Some(_), None) | (None, Some(_)) => Err(CoreError::InvalidInput(
                "Quiet hours need both a start and an end time.".into(),
            )),
            _ => Ok(()),
        }
    }
}

impl Settings {
    /// Read settings sent by a front end as JSON, with a message in words
    /// when a field has the wrong type (e.g. "2.5" minutes).
    pub fn from_json(v: serde_json::Value) -> Result<Settings> {
        serde_json::from_value(v)
            .map(|s: Settings| Settings {
                // Core's to say, not a front end's.
                stored_problem: None,
                ..s
            })
            .map_err(|e| {
                let field = e.to_string();
                let msg = if field.contains("reminder_lead_minutes") || field.contains("i32") {
                    "Reminder lead time must be a whole number of minutes.".to_string()
                } else {
                    format!("These settings could not be read: {field}.")
                };
                CoreError::InvalidInput(msg)
            })
    }
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = 'settings'",
                [],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| {
                if e == rusqlite::Error::QueryReturnedNoRows {
                    Ok(None)
                } else {
                    Err(e)
                }
            })?;
        match stored {
            Some(json) => Ok(serde_json::from_str(&json).unwrap_or_else(|e| Settings {
                stored_problem: Some(format!(
                    "Your saved settings could not be read ({e}). The defaults are in use until you save; the unreadable copy is kept."
                )),
                ..Settings::default()
            })),
            None => Ok(Settings::default()),
        }
    }

    /// Pause reminders for `d` from `now` (the tray's "pause for 1 hour").
    pub fn pause_reminders(
        &mut self,
        d: chrono::Duration,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Settings> {
        let mut s = self.settings()?;
        s.reminders_paused_until =
            Some((now + d).to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        self.update_settings(&s)
    }

    /// Validate and save; returns what is now stored.
    pub fn update_settings(&mut self, s: &Settings) -> Result<Settings> {
        s.validate()?;
        if self.settings()?.stored_problem.is_some() {
            // Nothing is lost: the text that could not be read stays aside.
            self.conn.execute(
                "INSERT INTO settings (key, value) SELECT 'settings.unreadable', value FROM settings WHERE key = 'settings'
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [],
            )?;
        }
        let mut clean = s.clone();
        clean.stored_problem = None;
        for v in [&mut clean.quiet_hours_start, &mut clean.quiet_hours_end] {
            if v.as_deref() == Some("") {
                *v = None;
            }
        }
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES ('settings', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![serde_json::to_string(&clean)?],
        )?;
        self.settings()
    }
}
