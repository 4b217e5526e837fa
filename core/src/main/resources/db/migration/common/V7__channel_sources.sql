-- What a channel listens to besides its mentions (hashtags, searches, the firehose), one row per
-- source: its own cursor, committed with the items it heard, and its own health. The mentions'
-- cursor and the channel's overall health stay on channels.
CREATE TABLE channel_sources (
  channel_id TEXT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  read_cursor TEXT,
  last_success_at BIGINT,
  last_error TEXT,
  last_error_at BIGINT,
  PRIMARY KEY (channel_id, source)
);
