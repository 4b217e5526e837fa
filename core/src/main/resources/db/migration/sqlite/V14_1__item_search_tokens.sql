-- The search index keeps which items hold a word, not where (detail=none): half the writing per
-- item, a much smaller index. Searches are words that must all occur (Search.fts5), never phrases,
-- so positions were never read.
DROP TRIGGER inbound_items_fts_insert;
DROP TRIGGER inbound_items_fts_delete;
DROP TABLE inbound_items_fts;
CREATE VIRTUAL TABLE inbound_items_fts USING fts5(
  title, body, author_handle,
  content = 'inbound_items', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  detail = none
);
INSERT INTO inbound_items_fts (inbound_items_fts) VALUES ('rebuild');
CREATE TRIGGER inbound_items_fts_insert AFTER INSERT ON inbound_items BEGIN
  INSERT INTO inbound_items_fts (rowid, title, body, author_handle)
    VALUES (new.rowid, new.title, new.body, new.author_handle);
END;
CREATE TRIGGER inbound_items_fts_delete AFTER DELETE ON inbound_items BEGIN
  INSERT INTO inbound_items_fts (inbound_items_fts, rowid, title, body, author_handle)
    VALUES ('delete', old.rowid, old.title, old.body, old.author_handle);
END;
