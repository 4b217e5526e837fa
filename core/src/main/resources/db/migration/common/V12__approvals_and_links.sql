-- Approvals (a contributor's post waits for an editor, or for a client through a guest link) and
-- tracked links (links in published posts go through /l/{code} on the Chorus host and are counted).

-- One request to approve a post as it stood when it was submitted. status: pending, approved,
-- rejected, or withdrawn (the post was edited, so the approval would not apply to what is sent).
-- wished_due_at is when the author would like it out; null means "add to the queue".
CREATE TABLE approval_requests (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  submitted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  submitted_at BIGINT NOT NULL,
  wished_due_at BIGINT,
  status TEXT NOT NULL,
  decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  decided_by_guest TEXT,
  decided_at BIGINT
);
CREATE INDEX approval_requests_by_workspace ON approval_requests (workspace_id, status, submitted_at);
CREATE INDEX approval_requests_by_post ON approval_requests (post_id, submitted_at);

-- The thread of a post's review: submissions, decisions and their comments. A guest (a client
-- without an account) is named by what they typed; user_id is then null.
-- kind: submitted, approved, rejected or comment.
CREATE TABLE post_comments (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  request_id TEXT REFERENCES approval_requests (id) ON DELETE SET NULL,
  user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  guest_name TEXT,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX post_comments_by_post ON post_comments (post_id, created_at);

-- A link an editor gives a client to approve one request without an account. Only the SHA-256 of
-- the token is kept. It is spent by a decision (used_at), or revoked, or expires.
CREATE TABLE guest_approval_links (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  request_id TEXT NOT NULL REFERENCES approval_requests (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX guest_approval_links_by_post ON guest_approval_links (post_id);

-- A link in a sent post: /l/{code} redirects to target_url (the original with UTM parameters).
-- The code derives from the delivery, the link's position and the original URL under the
-- instance key, so a retry of the same delivery writes the same text and the same rows.
CREATE TABLE tracked_links (
  code TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  original_url TEXT NOT NULL,
  target_url TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX tracked_links_by_post ON tracked_links (post_id);
CREATE INDEX tracked_links_by_workspace ON tracked_links (workspace_id, created_at);

-- Counters only: no address, no user agent. day is the UTC day (days since 1970-01-01). A visit
-- from a crawler or link previewer (a Mastodon instance fetches every link it sees) is a bot hit.
CREATE TABLE link_clicks (
  code TEXT NOT NULL REFERENCES tracked_links (code) ON DELETE CASCADE,
  day BIGINT NOT NULL,
  clicks BIGINT NOT NULL,
  bot_hits BIGINT NOT NULL,
  PRIMARY KEY (code, day)
);

-- Whether links in a workspace's posts are tracked (tracking: on or off; on without a row) and the
-- utm_campaign they carry.
CREATE TABLE link_settings (
  workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  tracking TEXT NOT NULL,
  utm_campaign TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
