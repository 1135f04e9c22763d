-- A team following one plan (the plan's [team] layout): who plays which
-- role, which role this database's person plays, and the progress each
-- member last published, as read from their progress calendar.
-- Keyed by plan id, not tied to the plans row: reloading a plan (which
-- replaces its row) keeps the team.
CREATE TABLE team_roster (
  plan_id  TEXT NOT NULL,
  role     TEXT NOT NULL,           -- a role id of the plan's [team]
  username TEXT NOT NULL,           -- the person's user name on the CalDAV server
  PRIMARY KEY (plan_id, role)
);

CREATE TABLE team_self (
  plan_id TEXT PRIMARY KEY,
  role    TEXT NOT NULL
);

-- One row per member and block, replaced on each read of that member.
CREATE TABLE team_progress (
  plan_id      TEXT NOT NULL,
  role         TEXT NOT NULL,
  block_id     TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('planned', 'done', 'partial', 'skipped', 'moved')),
  minutes_done INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan_id, role, block_id)
);

-- When each member's progress was last read, or why it could not be.
CREATE TABLE team_reads (
  plan_id TEXT NOT NULL,
  role    TEXT NOT NULL,
  read_at TEXT,                     -- UTC RFC 3339 of the last good read
  error   TEXT,                     -- the last read's error in words, if it failed
  PRIMARY KEY (plan_id, role)
);
