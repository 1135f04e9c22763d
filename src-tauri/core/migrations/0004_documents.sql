-- Documents: the user's Markdown files stay on disk; these tables are only an index.
-- Where each plan's documents live (absolute path); absent = the default folder.
CREATE TABLE document_workspaces (
  plan_id TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
  root    TEXT NOT NULL
);

-- One row per file the app has read or written.
CREATE TABLE documents (
  plan_id  TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  path     TEXT NOT NULL,          -- relative to the workspace, '/'-separated
  kind     TEXT NOT NULL,          -- adr | readme | daily_log | other
  template TEXT,                   -- the plan's [[documents]] id it was made from
  project  TEXT,                   -- linked plan project id
  week     INTEGER,                -- linked plan week
  date     TEXT,                   -- linked day (daily logs), YYYY-MM-DD
  hash     TEXT NOT NULL,          -- SHA-256 of the bytes last read or written
  PRIMARY KEY (plan_id, path)
);

-- ADR status changes with their dates (adr-tools keeps none).
CREATE TABLE adr_status_changes (
  id         INTEGER PRIMARY KEY,
  plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  path       TEXT NOT NULL,
  status     TEXT NOT NULL,
  changed_on TEXT NOT NULL         -- local date, YYYY-MM-DD
);
CREATE INDEX adr_status_changes_by_path ON adr_status_changes (plan_id, path, id);

-- Recovery copies of text typed in the editor and not saved yet.
CREATE TABLE document_drafts (
  plan_id   TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  path      TEXT NOT NULL,
  text      TEXT NOT NULL,
  base_hash TEXT NOT NULL,         -- the file's hash the text started from
  saved_at  TEXT NOT NULL,         -- RFC 3339 UTC
  PRIMARY KEY (plan_id, path)
);
