-- The mistakes log and its revisits (reference plan: "maintain a mistakes log",
-- "revisit mistakes after 48 hours and 1 week").
CREATE TABLE mistakes (
  id         INTEGER PRIMARY KEY,
  plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  day        TEXT NOT NULL,          -- local date the mistake was made, YYYY-MM-DD
  track      TEXT NOT NULL,          -- plan track id
  topic      TEXT NOT NULL,
  what       TEXT NOT NULL,          -- what went wrong
  fix        TEXT,                   -- the fix or insight
  link       TEXT,                   -- http(s) URL
  created_at TEXT NOT NULL           -- RFC 3339 UTC
);
CREATE INDEX mistakes_by_plan ON mistakes (plan_id, day);

-- Each revisit is placed once (day, wall-clock start, instant) and closed once.
CREATE TABLE mistake_revisits (
  id         INTEGER PRIMARY KEY,
  mistake_id INTEGER NOT NULL REFERENCES mistakes(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,       -- 1 = +48 h, 2 = +1 week, 3.. = after "again"
  day        TEXT NOT NULL,          -- local date, YYYY-MM-DD
  start      TEXT NOT NULL,          -- local wall-clock time, HH:MM
  start_utc  INTEGER NOT NULL,       -- the same instant, Unix seconds
  block_id   TEXT,                   -- the block of the same track it sits in, if any
  outcome    TEXT,                   -- NULL (open), 'solid' or 'again'
  closed_on  TEXT,                   -- local date it was closed
  UNIQUE (mistake_id, seq)
);
CREATE INDEX mistake_revisits_by_time ON mistake_revisits (start_utc);
