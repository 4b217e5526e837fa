package dev.chorus.core.channel;

import java.util.List;

/** A connector that can list what was said to or about the account since a cursor. */
public interface ReadsMentions extends Connector {
  /** Items after {@code cursor} (null: the most recent), oldest first, and the next cursor. */
  Batch readSince(String cursor);

  /**
   * One read.
   *
   * @param cursor where the next read starts; the caller stores it only after storing the items
   */
  record Batch(List<InboundItem> items, String cursor) {
    public Batch {
      items = List.copyOf(items);
    }
  }
}
