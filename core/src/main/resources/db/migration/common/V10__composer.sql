-- The composer: drafts with a variant per channel, thread parts, media with alt text, hashtag
-- groups, the workspace's "require alt text" setting, and deliveries that carry a thread.

-- The post's base content warning (a variant that is tailored has its own) and the IANA zone its
-- author scheduled it in (null for a draft never scheduled, or an automation's post).
ALTER TABLE posts ADD COLUMN content_warning TEXT;
ALTER TABLE posts ADD COLUMN time_zone TEXT;

-- One row per channel the post goes to, from the first draft on. tailored = 0: the variant is the
-- base text, content warning and media; 1: it has its own parts, content warning and media.
CREATE TABLE post_variants (
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tailored INTEGER NOT NULL DEFAULT 0,
  content_warning TEXT,
  UNIQUE (post_id, channel_id)
);

-- The text of each part of a thread, in order: the base text (variant_id null) and each tailored
-- variant's. Part 0 is the post itself; the next parts reply to the one before.
CREATE TABLE post_parts (
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  variant_id TEXT REFERENCES post_variants (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX post_parts_by_post ON post_parts (post_id, variant_id, position);

-- Attachments, stored in the database so a backup and restore keeps them. Each belongs to a part
-- (part_index) of the base text (variant_id null) or of a tailored variant, in position order.
-- BYTEA is PostgreSQL's binary type; SQLite stores the blob as it is (NUMERIC affinity leaves
-- blobs alone).
CREATE TABLE post_media (
  id TEXT PRIMARY KEY,
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  variant_id TEXT REFERENCES post_variants (id) ON DELETE CASCADE,
  part_index INTEGER NOT NULL,
  position INTEGER NOT NULL,
  mime_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  alt_text TEXT,
  bytes BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX post_media_by_post ON post_media (post_id, variant_id, part_index, position);

-- Named sets of hashtags the composer inserts. tags: space-separated, each with its '#'.
CREATE TABLE hashtag_groups (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  tags TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (workspace_id, name)
);

-- 1: every attachment needs alt text before the post can be scheduled.
ALTER TABLE publishing_settings ADD COLUMN require_alt_text INTEGER NOT NULL DEFAULT 0;

-- A delivery that carries a thread or media: parts counts its delivery_parts rows (0 for a
-- delivery that is deliveries.body alone). Each part is sent with the key "<delivery id>" (part 0)
-- or "<delivery id>-<position>", replies to the part before, and records its remote id as soon
-- as the network took it, so a retry after a crash mid-thread sends only the parts not yet sent.
ALTER TABLE deliveries ADD COLUMN parts INTEGER NOT NULL DEFAULT 0;

CREATE TABLE delivery_parts (
  delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  body TEXT NOT NULL,
  remote_id TEXT,
  remote_url TEXT,
  remote_cid TEXT,
  published_at BIGINT,
  PRIMARY KEY (delivery_id, position)
);

-- The attachments of each part of a delivery, in order.
CREATE TABLE delivery_part_media (
  delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  media_id TEXT NOT NULL REFERENCES post_media (id) ON DELETE CASCADE,
  PRIMARY KEY (delivery_id, position, ordinal)
);
