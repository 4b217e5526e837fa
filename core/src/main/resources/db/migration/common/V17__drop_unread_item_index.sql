-- Nothing reads items by contact: the author card lists the person's conversations
-- (conversations_by_contact) and counts from the contacts row. Yet every stored item wrote an
-- entry at its author's place in this index, a random spot in a large b-tree: 20 µs of the
-- pipeline writer's ~140 µs per mention (scripts/bench ingest, docs/PERFORMANCE.md). Deleting a
-- contact would now scan the items to clear contact_id (ON DELETE SET NULL); nothing deletes
-- contacts, and a feature that does should delete by conversation (docs/DECISIONS.md).
DROP INDEX inbound_items_by_contact;
