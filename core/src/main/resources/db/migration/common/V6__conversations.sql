-- The conversation loop: contacts (one person across channels), conversations (threads of items
-- and our replies) with their triage state, notes, tags, canned replies and quarantined items.

-- A person who talks to or about the workspace. One contact may have several handles.
CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  display_name TEXT,
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  item_count BIGINT NOT NULL
);
CREATE INDEX contacts_by_workspace ON contacts (workspace_id, last_seen_at);

-- The handles a contact is known by, per network; handle_key is the handle lower-cased.
CREATE TABLE contact_handles (
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  network TEXT NOT NULL,
  handle_key TEXT NOT NULL,
  handle TEXT NOT NULL,
  profile_url TEXT,
  contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (workspace_id, network, handle_key)
);
CREATE INDEX contact_handles_by_contact ON contact_handles (contact_id);

-- A thread on one channel, keyed by the remote id of its first known post.
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  thread_key TEXT NOT NULL,
  contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
  -- open, pending or closed
  status TEXT NOT NULL,
  assignee_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  -- conversation, advocacy or mention: the strongest mode among its items
  mode TEXT NOT NULL,
  question INTEGER NOT NULL,
  -- the latest item's sentiment and the first item's language
  sentiment DOUBLE PRECISION,
  language TEXT,
  snippet TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  first_item_at BIGINT NOT NULL,
  last_item_at BIGINT NOT NULL,
  first_response_at BIGINT,
  updated_at BIGINT NOT NULL,
  UNIQUE (channel_id, thread_key)
);
CREATE INDEX conversations_recent ON conversations (workspace_id, last_item_at);
CREATE INDEX conversations_by_status ON conversations (workspace_id, status, last_item_at);
CREATE INDEX conversations_by_assignee ON conversations (assignee_id, last_item_at);
CREATE INDEX conversations_by_channel ON conversations (channel_id, last_item_at);
CREATE INDEX conversations_by_contact ON conversations (contact_id, last_item_at);

-- The saved queries that a conversation's items matched, for the inbox's query filter.
CREATE TABLE conversation_queries (
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  query_id TEXT NOT NULL REFERENCES saved_queries (id) ON DELETE CASCADE,
  PRIMARY KEY (conversation_id, query_id)
);
CREATE INDEX conversation_queries_by_query ON conversation_queries (query_id, conversation_id);

CREATE TABLE conversation_tags (
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (conversation_id, tag)
);
CREATE INDEX conversation_tags_by_tag ON conversation_tags (workspace_id, tag, conversation_id);

-- Internal notes: seen by the team only, never sent.
CREATE TABLE conversation_notes (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX conversation_notes_by_conversation ON conversation_notes (conversation_id, id);

-- Our answers, sent through the conversation's channel. The id is the idempotency key.
CREATE TABLE replies (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  in_reply_to TEXT NOT NULL,
  body TEXT NOT NULL,
  -- sending, sent or failed
  status TEXT NOT NULL,
  remote_id TEXT,
  url TEXT,
  error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX replies_by_conversation ON replies (conversation_id, id);
CREATE INDEX replies_by_remote ON replies (channel_id, remote_id);

CREATE TABLE canned_replies (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX canned_replies_by_workspace ON canned_replies (workspace_id, name);

-- Items the pipeline refused (empty, oversized, binary, wrongly encoded, or failing a stage),
-- kept with the reason so nothing accepted is lost and nothing poisonous blocks the stream.
CREATE TABLE quarantined_items (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  remote_id TEXT,
  reason TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX quarantined_items_by_workspace ON quarantined_items (workspace_id, id);

ALTER TABLE inbound_items ADD COLUMN contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL;
ALTER TABLE inbound_items ADD COLUMN conversation_id TEXT REFERENCES conversations (id) ON DELETE SET NULL;
-- The AT Protocol content id, needed to reply to a Bluesky post.
ALTER TABLE inbound_items ADD COLUMN remote_cid TEXT;
ALTER TABLE inbound_items ADD COLUMN mode TEXT;
ALTER TABLE inbound_items ADD COLUMN question INTEGER;
CREATE INDEX inbound_items_by_conversation ON inbound_items (conversation_id, created_at);
CREATE INDEX inbound_items_by_contact ON inbound_items (contact_id, created_at);
