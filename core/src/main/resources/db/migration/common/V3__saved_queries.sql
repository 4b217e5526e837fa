-- Saved listening queries: what a workspace listens for, in the query language of listen/.
CREATE TABLE saved_queries (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  query_text TEXT NOT NULL,
  -- JSON array of channel ids the query listens to; an empty array means every channel.
  sources TEXT NOT NULL,
  disabled_at BIGINT,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX saved_queries_by_workspace ON saved_queries (workspace_id, id);
