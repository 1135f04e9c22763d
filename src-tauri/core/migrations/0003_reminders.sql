-- The reminder ledger (each reminder fires at most once) and snoozes.
CREATE TABLE reminder_ledger (
  key        TEXT PRIMARY KEY,      -- subject|kind, e.g. senior-de-2025:2025-08-19:1|start
  subject    TEXT NOT NULL,         -- block id, or plan:milestone:seq
  kind       TEXT NOT NULL,         -- pre, start, end, milestone_eve, milestone_day, snooze
  due_utc    INTEGER NOT NULL,
  claimed_at INTEGER NOT NULL,      -- when an engine took it (unix seconds)
  sent_at    INTEGER,               -- when the notification server accepted it
  outcome    TEXT NOT NULL CHECK (outcome IN ('sending', 'sent', 'summarized', 'quiet', 'muted', 'failed')),
  attempts   INTEGER NOT NULL DEFAULT 1,
  detail     TEXT
);
CREATE INDEX reminder_ledger_by_due ON reminder_ledger (due_utc);

CREATE TABLE reminder_snoozes (
  id      INTEGER PRIMARY KEY,
  key     TEXT NOT NULL,            -- the reminder that was snoozed
  subject TEXT NOT NULL,
  title   TEXT NOT NULL,
  body    TEXT NOT NULL,
  due_utc INTEGER NOT NULL
);
