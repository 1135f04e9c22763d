-- Portfolio: the plan's projects and check items under stable ids, their
-- ticks and evidence. Rows whose plan item went away stay (present = 0) when
-- they hold a tick or evidence: history is never silently deleted.
-- (The 0002 `checklists`/`checklist_items` tables are read once, on a plan's
-- first portfolio sync, to carry their ticks over.)
CREATE TABLE portfolio_projects (
  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id      TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  title   TEXT NOT NULL,
  summary TEXT,
  grp     TEXT,                     -- e.g. a tier of the 30-project plan
  week    INTEGER,
  due     TEXT,                     -- the plan's own due date, YYYY-MM-DD, before a restart's shift
  present INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, id)
);

CREATE TABLE portfolio_lists (
  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id      TEXT NOT NULL,            -- the plan's checklist id
  seq     INTEGER NOT NULL,
  title   TEXT NOT NULL,
  scope   TEXT NOT NULL,            -- once | weekly | project
  present INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, id)
);

CREATE TABLE portfolio_items (
  plan_id  TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id       TEXT NOT NULL,           -- stable: <project>:<kind>:<slug>, <list>:<slug>, <list>:w<n>:<slug>
  seq      INTEGER NOT NULL,
  owner    TEXT NOT NULL,           -- the project or checklist id
  project  INTEGER NOT NULL,        -- 1 when `owner` is a project
  week     INTEGER,                 -- the week of a weekly checklist's copy
  kind     TEXT NOT NULL,           -- item | deliverable | criterion | quality | delivered | check
  grp      TEXT NOT NULL DEFAULT '',-- checklist group title, or the project-scope list id
  text     TEXT NOT NULL,
  measures TEXT,                    -- comma-separated measure names, for items filled from data
  present  INTEGER NOT NULL DEFAULT 1,
  done     INTEGER NOT NULL DEFAULT 0,  -- ticked by hand
  done_at  TEXT,                    -- RFC 3339 UTC
  PRIMARY KEY (plan_id, id)
);

CREATE TABLE portfolio_evidence (
  id       INTEGER PRIMARY KEY,
  plan_id  TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  item_id  TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('url', 'path', 'commit')),
  value    TEXT NOT NULL,           -- the URL, the workspace-relative path, or the commit id
  repo     TEXT NOT NULL DEFAULT '',-- commit: the repository's absolute path
  added_at TEXT NOT NULL,           -- RFC 3339 UTC
  UNIQUE (plan_id, item_id, kind, value, repo)
);
CREATE INDEX portfolio_evidence_by_item ON portfolio_evidence (plan_id, item_id);

-- The plan source (hash) the items were last derived from.
CREATE TABLE portfolio_sync (
  plan_id     TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
  source_hash TEXT NOT NULL
);
