-- Plans, their weeks and tracks, the blocks they expand into, and the audit log.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE plans (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  author      TEXT,
  summary     TEXT,
  source_name TEXT NOT NULL,          -- file name or `shipped:<id>`
  source_hash TEXT NOT NULL,
  source_text TEXT NOT NULL,          -- kept so reloads can diff and the app can re-read it
  start_date  TEXT NOT NULL,          -- first day, YYYY-MM-DD
  end_date    TEXT NOT NULL,          -- last day, inclusive
  timezone    TEXT NOT NULL,
  variant     TEXT,
  rest_weekday INTEGER,               -- weekly rest half-day: weekday (0 = Monday),
  rest_half    TEXT,                  -- 'am' or 'pm',
  rest_split   TEXT,                  -- and the HH:MM that divides the day's halves
  shift_days  INTEGER NOT NULL DEFAULT 0,
  loaded_at   TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tracks (
  plan_id      TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  name         TEXT NOT NULL,
  lead_minutes INTEGER,
  catch_up     INTEGER NOT NULL DEFAULT 0,  -- re-planning may borrow this track's blocks
  PRIMARY KEY (plan_id, id)
);

CREATE TABLE weeks (
  plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL,
  title       TEXT NOT NULL,
  topics_json TEXT NOT NULL,          -- [[track, topics], ...] in track order
  PRIMARY KEY (plan_id, number)
);

CREATE TABLE blocks (
  id           TEXT PRIMARY KEY,      -- plan:date:slot, or plan:date:x<n> for one-off blocks
  plan_id      TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  date         TEXT NOT NULL,         -- local civil date
  slot         INTEGER,               -- position in the day template; NULL for one-off blocks
  start_local  TEXT NOT NULL,         -- HH:MM wall clock in `tz`
  end_local    TEXT NOT NULL,
  tz           TEXT NOT NULL,
  start_utc    INTEGER NOT NULL,      -- unix seconds
  end_utc      INTEGER NOT NULL,
  minutes      INTEGER NOT NULL CHECK (minutes > 0),
  track        TEXT NOT NULL,
  title        TEXT NOT NULL,
  note         TEXT,
  week         INTEGER,
  break_after  INTEGER NOT NULL DEFAULT 0,
  origin       TEXT NOT NULL DEFAULT 'plan' CHECK (origin IN ('plan', 'oneoff')),
  status       TEXT NOT NULL DEFAULT 'planned'
               CHECK (status IN ('planned', 'done', 'partial', 'skipped', 'moved')),
  minutes_done INTEGER,
  pinned       INTEGER NOT NULL DEFAULT 0,  -- moved by the person: reloads keep its time
  user_note    TEXT,
  problems     INTEGER,
  queries      INTEGER
);
CREATE INDEX blocks_by_date ON blocks (date, start_local);
CREATE INDEX blocks_by_start ON blocks (start_utc);
CREATE INDEX blocks_by_plan ON blocks (plan_id, date);

-- Every change to a block, kept even when the block is later removed.
CREATE TABLE block_events (
  id       INTEGER PRIMARY KEY,
  block_id TEXT NOT NULL,
  plan_id  TEXT NOT NULL,
  at       TEXT NOT NULL,
  kind     TEXT NOT NULL,
  detail   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX block_events_by_block ON block_events (block_id);

CREATE TABLE milestones (
  plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  title      TEXT NOT NULL,
  kind       TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT NOT NULL,
  note       TEXT,
  PRIMARY KEY (plan_id, seq)
);
