-- Certifications (from the plan), practice exams and their per-domain scores.
CREATE TABLE certifications (
  plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  id             TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  title          TEXT NOT NULL,
  exam           TEXT NOT NULL,       -- the exam milestone's title: its window
  track          TEXT NOT NULL,
  practice_exams INTEGER NOT NULL,    -- full-length practices required before the window
  pass_percent   INTEGER NOT NULL,
  PRIMARY KEY (plan_id, id)
);

CREATE TABLE certification_domains (
  plan_id TEXT NOT NULL,
  cert_id TEXT NOT NULL,
  id      TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  name    TEXT NOT NULL,
  weight  INTEGER NOT NULL,           -- percent of the exam
  PRIMARY KEY (plan_id, cert_id, id),
  FOREIGN KEY (plan_id, cert_id) REFERENCES certifications (plan_id, id) ON DELETE CASCADE
);

-- Kept when a reload drops the certification: results are history.
CREATE TABLE practice_exams (
  id         INTEGER PRIMARY KEY,
  plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  cert_id    TEXT NOT NULL,
  day        TEXT NOT NULL,           -- local date taken, YYYY-MM-DD
  full       INTEGER NOT NULL,        -- 1: full-length
  minutes    INTEGER,                 -- time taken
  score      REAL NOT NULL,           -- overall, percent
  created_at TEXT NOT NULL
);
CREATE INDEX practice_exams_by_cert ON practice_exams (plan_id, cert_id, day);

CREATE TABLE practice_exam_scores (
  exam_id   INTEGER NOT NULL REFERENCES practice_exams(id) ON DELETE CASCADE,
  domain_id TEXT NOT NULL,
  percent   REAL NOT NULL,
  correct   INTEGER,                  -- right answers, when given as right/total
  total     INTEGER,
  PRIMARY KEY (exam_id, domain_id)
);

-- A `practice-exams` goal's certification (none: every certification).
ALTER TABLE goals ADD COLUMN certification TEXT;
