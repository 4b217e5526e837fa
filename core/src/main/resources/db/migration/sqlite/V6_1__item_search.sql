-- Full-text search over what channels heard: an FTS5 index over inbound_items, kept by triggers.
-- unicode61 folds case and diacritics, so "cafe" finds "Café".
CREATE VIRTUAL TABLE inbound_items_fts USING fts5(
  title, body, author_handle,
  content = 'inbound_items', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO inbound_items_fts (rowid, title, body, author_handle)
  SELECT rowid, title, body, author_handle FROM inbound_items;
CREATE TRIGGER inbound_items_fts_insert AFTER INSERT ON inbound_items BEGIN
  INSERT INTO inbound_items_fts (rowid, title, body, author_handle)
    VALUES (new.rowid, new.title, new.body, new.author_handle);
END;
CREATE TRIGGER inbound_items_fts_delete AFTER DELETE ON inbound_items BEGIN
  INSERT INTO inbound_items_fts (inbound_items_fts, rowid, title, body, author_handle)
    VALUES ('delete', old.rowid, old.title, old.body, old.author_handle);
END;
