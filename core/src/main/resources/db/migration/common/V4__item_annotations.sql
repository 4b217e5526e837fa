-- What the listening engine found in each item: language, sentiment, and the saved queries it
-- matched when it arrived.
ALTER TABLE inbound_items ADD COLUMN detected_language TEXT;
ALTER TABLE inbound_items ADD COLUMN sentiment DOUBLE PRECISION;

CREATE TABLE item_matches (
  item_id TEXT NOT NULL REFERENCES inbound_items (id) ON DELETE CASCADE,
  query_id TEXT NOT NULL REFERENCES saved_queries (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, query_id)
);
CREATE INDEX item_matches_by_query ON item_matches (query_id, item_id);
