-- Checklists (portfolio, weekly, readiness) and the plan's document templates.
CREATE TABLE checklists (
  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id      TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  title   TEXT NOT NULL,
  scope   TEXT NOT NULL DEFAULT 'once',
  PRIMARY KEY (plan_id, id)
);

CREATE TABLE checklist_items (
  id           INTEGER PRIMARY KEY,
  plan_id      TEXT NOT NULL,
  checklist_id TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  grp          TEXT NOT NULL DEFAULT '',  -- '' when the checklist has no groups
  text         TEXT NOT NULL,
  done         INTEGER NOT NULL DEFAULT 0,
  done_at      TEXT,
  UNIQUE (plan_id, checklist_id, grp, text),
  FOREIGN KEY (plan_id, checklist_id) REFERENCES checklists (plan_id, id) ON DELETE CASCADE
);

CREATE TABLE document_templates (
  plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  fields_json TEXT NOT NULL,
  PRIMARY KEY (plan_id, id)
);

-- The plan's weekly (or whole-plan) goals, e.g. 25–35 DSA problems a week.
CREATE TABLE goals (
  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id      TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  label   TEXT NOT NULL,
  track   TEXT,
  metric  TEXT NOT NULL,
  min     INTEGER,
  max     INTEGER,
  per     TEXT NOT NULL DEFAULT 'week',
  PRIMARY KEY (plan_id, id)
);
