-- The queue and calendar: the workspace's time zone, time slots per channel, posts added to the
-- queue, recurring and evergreen series, and feeds that become posts.

-- The IANA zone the workspace plans in (time slots, the calendar, CSV rows without a zone). A
-- workspace without a row plans in UTC.
CREATE TABLE workspace_time_zones (
  workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  zone TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- A weekly time at which a channel takes a queued post. weekday: 1 (Monday) to 7 (Sunday);
-- minute_of_day: minutes after local midnight in the workspace's zone.
CREATE TABLE queue_slots (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  weekday INTEGER NOT NULL,
  minute_of_day INTEGER NOT NULL,
  UNIQUE (channel_id, weekday, minute_of_day)
);

-- One row per channel with slots: adding to the queue updates the rows of its channels first, so
-- two additions to one channel take turns (a row lock on PostgreSQL, the write lock on SQLite)
-- and never pick the same free slot.
CREATE TABLE queue_locks (
  channel_id TEXT PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
  version BIGINT NOT NULL
);

-- Posts that were added to the queue (rather than given a time by hand).
CREATE TABLE queue_entries (
  post_id TEXT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  added_at BIGINT NOT NULL
);
CREATE INDEX queue_entries_by_workspace ON queue_entries (workspace_id);

-- A recurring post (one text) or an evergreen pool (several texts, the least recently used goes
-- next). unit: day, week or month; repeat_every: the interval in units; weekdays: for week, the ISO
-- weekdays as digits ("135" = Monday, Wednesday, Friday); month repeats on the day of month of
-- starts_on. time_of_day: minutes after local midnight in the workspace's zone. channel_ids:
-- comma-separated. last_due_at: the due time of the last occurrence created.
CREATE TABLE post_series (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  channel_ids TEXT NOT NULL,
  content_warning TEXT,
  unit TEXT NOT NULL,
  repeat_every INTEGER NOT NULL,
  weekdays TEXT NOT NULL,
  time_of_day INTEGER NOT NULL,
  starts_on TEXT NOT NULL,
  min_gap_minutes INTEGER NOT NULL,
  enabled INTEGER NOT NULL,
  last_due_at BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX post_series_by_workspace ON post_series (workspace_id);

CREATE TABLE series_texts (
  id TEXT PRIMARY KEY,
  series_id TEXT NOT NULL REFERENCES post_series (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  body TEXT NOT NULL,
  last_used_at BIGINT
);

-- Each occurrence a series created; a series has at most one whose post is still scheduled.
CREATE TABLE series_posts (
  post_id TEXT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
  series_id TEXT NOT NULL REFERENCES post_series (id) ON DELETE CASCADE,
  due_at BIGINT NOT NULL
);
CREATE INDEX series_posts_by_series ON series_posts (series_id);

-- A feed whose new entries become posts. mode: queue (added to the queue) or draft. template:
-- the text with {title} and {link}. first_poll: how many of the newest entries the first poll
-- takes (0 to 3); later polls take every entry not seen before.
CREATE TABLE feed_automations (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  feed_url TEXT NOT NULL,
  mode TEXT NOT NULL,
  template TEXT NOT NULL,
  channel_ids TEXT NOT NULL,
  first_poll INTEGER NOT NULL,
  interval_minutes INTEGER NOT NULL,
  enabled INTEGER NOT NULL,
  polled INTEGER NOT NULL,
  next_poll_at BIGINT NOT NULL,
  last_polled_at BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX feed_automations_due ON feed_automations (next_poll_at);

-- Every entry an automation has seen (guid_hash: SHA-256 of the entry's id), so each becomes a
-- post at most once; post_id is null for an entry passed over on the first poll.
CREATE TABLE feed_automation_entries (
  automation_id TEXT NOT NULL REFERENCES feed_automations (id) ON DELETE CASCADE,
  guid_hash TEXT NOT NULL,
  post_id TEXT REFERENCES posts (id) ON DELETE SET NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (automation_id, guid_hash)
);
