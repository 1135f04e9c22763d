-- RFC 6578 sync tokens: a sync asks a collection only for what changed
-- since the last one (NULL: list it in full).
ALTER TABLE sync_collections ADD COLUMN sync_token TEXT;
