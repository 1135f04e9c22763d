-- CalDAV sync (core module `sync`): the account (its password lives in the
-- OS keyring, never here), the collections a plan syncs to, and per item the
-- state both sides were last in step at.
CREATE TABLE sync_accounts (
  id          INTEGER PRIMARY KEY,
  url         TEXT NOT NULL,
  username    TEXT NOT NULL,
  home        TEXT,                       -- calendar-home-set href, once discovered
  last_sync   TEXT,                       -- UTC RFC 3339 of the last sync that finished
  last_error  TEXT,                       -- in words; NULL when the last sync worked
  report_json TEXT NOT NULL DEFAULT '{}', -- the last sync's report
  UNIQUE (url, username)
);

CREATE TABLE sync_collections (
  account_id INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
  plan_id    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('blocks', 'progress')),
  href       TEXT NOT NULL,
  PRIMARY KEY (account_id, plan_id, kind)
);

CREATE TABLE sync_items (
  account_id  INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
  collection  TEXT NOT NULL,              -- the collection's href
  uid         TEXT NOT NULL,
  href        TEXT NOT NULL,
  etag        TEXT,                       -- NULL: deleted on the server (kept deleted)
  fingerprint TEXT NOT NULL,              -- what the item meant when both sides agreed
  PRIMARY KEY (account_id, collection, uid)
);

-- Both sides changed one item: which side was kept, and what was lost.
CREATE TABLE sync_conflicts (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  uid        TEXT NOT NULL,
  kept       TEXT NOT NULL CHECK (kept IN ('this device', 'server')),
  detail     TEXT NOT NULL
);
