-- Alerts: rules per saved query (or for the whole workspace), the alerts they fired, where alerts
-- go (webhooks, email) and each delivery's outcome.

-- Items by arrival time, for counting a workspace's items in a window.
CREATE INDEX inbound_items_by_received ON inbound_items (workspace_id, received_at);

-- A rule's settings. scope is a saved query's id, or 'workspace' for every item the workspace
-- hears. A scope without a row uses the documented defaults.
CREATE TABLE alert_rules (
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  volume_enabled INTEGER NOT NULL,
  negative_enabled INTEGER NOT NULL,
  window_minutes INTEGER NOT NULL,
  baseline_hours INTEGER NOT NULL,
  sensitivity TEXT NOT NULL,
  min_count INTEGER NOT NULL,
  cooldown_minutes INTEGER NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, scope)
);

-- One row per alert. query_id is null for the workspace-wide rule (and when the query is deleted,
-- the alert stays with its name).
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  query_id TEXT REFERENCES saved_queries (id) ON DELETE SET NULL,
  scope_name TEXT NOT NULL,
  -- volume_spike or negative_surge
  kind TEXT NOT NULL,
  -- 1 for a "still going" follow-up of an earlier alert of the same episode
  follow_up INTEGER NOT NULL,
  episode_started_at BIGINT NOT NULL,
  fired_at BIGINT NOT NULL,
  window_start BIGINT NOT NULL,
  window_end BIGINT NOT NULL,
  window_count BIGINT NOT NULL,
  window_negative BIGINT NOT NULL,
  baseline_mean DOUBLE PRECISION NOT NULL,
  baseline_sd DOUBLE PRECISION NOT NULL,
  baseline_share DOUBLE PRECISION NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  -- The numbers that triggered it, as JSON (thresholds, sensitivity, baseline size).
  detail TEXT NOT NULL,
  acknowledged_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  acknowledged_at BIGINT
);
CREATE INDEX alerts_by_workspace ON alerts (workspace_id, fired_at);
CREATE INDEX alerts_unacknowledged ON alerts (workspace_id, acknowledged_at);

-- Where an episode of one rule and kind stands, for the cool-down and the follow-up.
CREATE TABLE alert_episodes (
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  kind TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  last_firing_at BIGINT NOT NULL,
  last_alert_at BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, scope, kind)
);

-- Where a workspace's alerts go besides the app.
CREATE TABLE alert_destinations (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  -- webhook or email
  kind TEXT NOT NULL,
  -- the webhook's URL or the email address
  target TEXT NOT NULL,
  -- the webhook's signing secret, sealed by SecretBox (bound to the destination id); null for email
  secret TEXT,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX alert_destinations_by_workspace ON alert_destinations (workspace_id, id);

-- Each alert's delivery to each destination: pending until sent, retried with backoff while the
-- failure is passing, failed with the reason when it is not (or after the last attempt).
CREATE TABLE alert_deliveries (
  id TEXT PRIMARY KEY,
  alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  destination_id TEXT NOT NULL REFERENCES alert_destinations (id) ON DELETE CASCADE,
  -- pending, sent or failed
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT,
  last_error TEXT,
  sent_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at);
CREATE INDEX alert_deliveries_by_alert ON alert_deliveries (alert_id);
