-- The search index leaves this file for one of its own beside it, kept by a thread of its own
-- (dev.chorus.core.inbox.SearchIndex, docs/DECISIONS.md): written here by a trigger, it took about
-- a third of the pipeline writer's time, and SQLite allows one writer per file. The new file is
-- built from inbound_items on first use, so an upgraded store loses no search.
DROP TRIGGER inbound_items_fts_insert;
DROP TRIGGER inbound_items_fts_delete;
DROP TABLE inbound_items_fts;
-- Items deleted since the index last looked, for it to forget them (a deleted item's row id can be
-- given to the next item).
CREATE TABLE search_deletions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_rowid INTEGER NOT NULL
);
CREATE TRIGGER inbound_items_search_delete AFTER DELETE ON inbound_items BEGIN
  INSERT INTO search_deletions (item_rowid) VALUES (old.rowid);
END;
-- Which store an index file belongs to: an index found beside another store is built again.
CREATE TABLE search_owner (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  owner TEXT NOT NULL
);
INSERT INTO search_owner (id, owner) VALUES (1, lower(hex(randomblob(16))));
