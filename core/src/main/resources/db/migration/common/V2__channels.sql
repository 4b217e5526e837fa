-- Channels: a connection to one account or feed on one network, with its health.
CREATE TABLE channels (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  network TEXT NOT NULL CHECK (network IN ('mastodon', 'bluesky', 'rss', 'webhook')),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  -- Non-secret state as JSON: poll interval, ETag, Last-Modified, instance limits.
  settings TEXT NOT NULL,
  -- Credentials sealed by SecretBox (AES-256-GCM, bound to the channel id); null when none.
  secret TEXT,
  read_cursor TEXT,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  last_success_at BIGINT,
  last_error TEXT,
  last_error_at BIGINT,
  token_expires_at BIGINT,
  next_poll_at BIGINT,
  disconnected_at BIGINT
);
CREATE INDEX channels_by_workspace ON channels (workspace_id, id);
CREATE INDEX channels_due ON channels (next_poll_at);

-- What channels heard: feed entries, mentions, webhook pushes. One row per item per channel.
CREATE TABLE inbound_items (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  network TEXT NOT NULL,
  kind TEXT NOT NULL,
  remote_id TEXT NOT NULL,
  url TEXT,
  author_handle TEXT,
  author_name TEXT,
  author_url TEXT,
  title TEXT,
  body TEXT NOT NULL,
  language TEXT,
  in_reply_to TEXT,
  created_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (channel_id, remote_id)
);
CREATE INDEX inbound_items_by_workspace ON inbound_items (workspace_id, id);
