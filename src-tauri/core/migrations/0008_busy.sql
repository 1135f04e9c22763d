-- The rest of the person's calendar: ICS files imported and http(s)/webcal
-- subscriptions, read as busy time (core module `busy`). Not tied to a plan:
-- a work meeting is in the way of every plan.
CREATE TABLE calendar_sources (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('file', 'url')),
  location        TEXT NOT NULL UNIQUE,  -- absolute path, or the URL (webcal:// kept as given)
  name            TEXT NOT NULL,
  colour          TEXT NOT NULL,         -- #rrggbb, shown on the calendar
  refresh_minutes INTEGER,               -- subscriptions: how often; NULL for files
  etag            TEXT,                  -- the last response's ETag (HTTP), for If-None-Match
  last_modified   TEXT,                  -- the last response's Last-Modified, for If-Modified-Since
  refreshed_at    TEXT,                  -- UTC RFC 3339: last successful read (200 or 304)
  checked_at      TEXT,                  -- UTC RFC 3339: last attempt
  last_error      TEXT,                  -- the last attempt's failure in words, NULL when it worked
  report_json     TEXT NOT NULL DEFAULT '{}', -- the last read's counts and skipped components
  longest         INTEGER NOT NULL DEFAULT 0, -- seconds: its longest instance (bounds overlap lookups)
  created_at      TEXT NOT NULL
);

-- One row per instance inside the expansion window (recurring events are
-- expanded there only; see busy::ics).
CREATE TABLE busy_events (
  source_id  INTEGER NOT NULL REFERENCES calendar_sources(id) ON DELETE CASCADE,
  uid        TEXT NOT NULL,
  instance   INTEGER NOT NULL,           -- the instance's start, Unix seconds (RECURRENCE-ID's role)
  summary    TEXT NOT NULL,
  start_utc  INTEGER NOT NULL,           -- Unix seconds
  end_utc    INTEGER NOT NULL,           -- Unix seconds, >= start_utc
  all_day    INTEGER NOT NULL,           -- DTSTART was a DATE
  busy       INTEGER NOT NULL,           -- 1: nothing may be scheduled on it (opaque)
  line       INTEGER NOT NULL            -- the VEVENT's BEGIN line in the source
);
CREATE INDEX busy_events_time ON busy_events (start_utc, end_utc);
CREATE INDEX busy_events_source ON busy_events (source_id);
