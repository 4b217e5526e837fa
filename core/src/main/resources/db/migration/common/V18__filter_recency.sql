-- The inbox's tag and query filters read a facet's newest conversations in order, from an index
-- that leads with the facet and ends with recency (docs/DECISIONS.md, "Filter recency copies").
-- Rule: conversation_tags.last_item_at and conversation_queries.last_item_at are copies of
-- conversations.last_item_at. Whoever adds a row copies the conversation's current value; whoever
-- moves a conversation's last_item_at moves its rows too, in the same transaction (StoreHeard,
-- TriageConversations; the inbox bench inserts tags directly).
--
-- The tables are rebuilt rather than altered: SQLite cannot add a NOT NULL column without a
-- default, and a default of 0 would hide a writer that forgot the copy (its conversation would sink
-- to the bottom of the filter) where NOT NULL makes it fail. Nothing references these tables.
-- The old indexes (conversation_queries_by_query, conversation_tags_by_tag) go with them: the new
-- ones lead with the same columns, so the remaining readers (the count's IN, tagsInUse, a saved
-- query's ON DELETE CASCADE) use them instead.

CREATE TABLE conversation_queries_v18 (
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  query_id TEXT NOT NULL REFERENCES saved_queries (id) ON DELETE CASCADE,
  -- Always equal to conversations.last_item_at: copied when the row is added, moved when the
  -- conversation's moves (the rule above).
  last_item_at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, query_id)
);
INSERT INTO conversation_queries_v18 (conversation_id, query_id, last_item_at)
  SELECT cq.conversation_id, cq.query_id, c.last_item_at
  FROM conversation_queries cq JOIN conversations c ON c.id = cq.conversation_id;
DROP TABLE conversation_queries;
ALTER TABLE conversation_queries_v18 RENAME TO conversation_queries;
-- The id at the end is the listing's tie-break, so a page is read in index order, sorting nothing.
CREATE INDEX conversation_queries_recent
  ON conversation_queries (query_id, last_item_at, conversation_id);

CREATE TABLE conversation_tags_v18 (
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  -- Always equal to conversations.last_item_at: copied when the row is added, moved when the
  -- conversation's moves (the rule above).
  last_item_at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, tag)
);
INSERT INTO conversation_tags_v18 (conversation_id, workspace_id, tag, last_item_at)
  SELECT t.conversation_id, t.workspace_id, t.tag, c.last_item_at
  FROM conversation_tags t JOIN conversations c ON c.id = t.conversation_id;
DROP TABLE conversation_tags;
ALTER TABLE conversation_tags_v18 RENAME TO conversation_tags;
CREATE INDEX conversation_tags_recent
  ON conversation_tags (workspace_id, tag, last_item_at, conversation_id);
