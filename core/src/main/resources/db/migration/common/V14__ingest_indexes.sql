-- Fewer index writes per heard item (measured with scripts/bench ingest, docs/PERFORMANCE.md).
-- contacts_by_workspace was read by nothing, yet every item rewrote its entry (last_seen_at).
DROP INDEX contacts_by_workspace;
-- Almost no conversation is assigned: keeping only the assigned ones spares an index entry per
-- new conversation, and "assigned to X" (assignee_id = :x implies NOT NULL) still uses it.
DROP INDEX conversations_by_assignee;
CREATE INDEX conversations_by_assignee ON conversations (assignee_id, last_item_at)
  WHERE assignee_id IS NOT NULL;
