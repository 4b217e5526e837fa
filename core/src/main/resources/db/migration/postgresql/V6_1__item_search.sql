-- Full-text search over what channels heard. search_text is the item's title, author and text
-- folded by the application (lower case, accents removed, as SQLite's FTS5 unicode61 folds), and
-- a generated tsvector over it has a GIN index. The 'simple' configuration does not stem, so it
-- treats every language alike (mentions arrive in many).
ALTER TABLE inbound_items ADD COLUMN search_text TEXT;
UPDATE inbound_items SET search_text = lower(coalesce(title, '') || ' ' || coalesce(author_handle, '') || ' ' || body);
ALTER TABLE inbound_items ADD COLUMN search tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', coalesce(search_text, ''))
) STORED;
CREATE INDEX inbound_items_search ON inbound_items USING GIN (search);
