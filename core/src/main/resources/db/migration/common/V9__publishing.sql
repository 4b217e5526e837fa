-- Publishing: posts, one delivery per post per channel, the workspace's choice for posts that fell
-- due while the server was down, and the notices their authors get when a delivery fails or is
-- held. The composer, queue and approvals build on these tables.

-- A post as its author wrote it. status: draft, scheduled, publishing, published, failed or held;
-- it follows its deliveries (see Deliveries.settle). due_at is null for a draft.
CREATE TABLE posts (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  due_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX posts_by_workspace ON posts (workspace_id, status, due_at);

-- The post tailored to one channel, and its way to the network. The id is also the idempotency
-- key sent with every attempt (Mastodon's Idempotency-Key; Bluesky's record key derives from it).
-- status: scheduled (waiting for claimable_at), publishing (leased by lease_owner until
-- lease_until), published, failed or held. claimable_at is when a scheduler may claim the
-- delivery: the due time, the next retry, or the end of the lease; null once it is settled.
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  content_warning TEXT,
  status TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  claimable_at BIGINT,
  attempts INTEGER NOT NULL,
  first_attempt_at BIGINT,
  lease_owner TEXT,
  lease_until BIGINT,
  remote_id TEXT,
  remote_url TEXT,
  last_error TEXT,
  published_at BIGINT,
  UNIQUE (post_id, channel_id)
);
CREATE INDEX deliveries_claimable ON deliveries (claimable_at);
CREATE INDEX deliveries_by_lease ON deliveries (lease_owner);

-- What to do with posts that fell due while the server was down: send (the default, also for a
-- workspace without a row) or hold.
CREATE TABLE publishing_settings (
  workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  missed_posts TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- What the author of a post is told: a delivery failed (with the reason) or was held.
CREATE TABLE post_notices (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  delivery_id TEXT REFERENCES deliveries (id) ON DELETE CASCADE,
  -- failed or held
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX post_notices_by_user ON post_notices (user_id, read_at);
