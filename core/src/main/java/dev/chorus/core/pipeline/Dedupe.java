package dev.chorus.core.pipeline;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Drops items already stored for the channel (a replay after a crash, an overlapping read) and
 * repeats within a batch, before any analysis is spent on them. The store's unique key on (channel,
 * remote id) stays the last word: two batches in flight at once are still stored once.
 */
public final class Dedupe {
  private static final int CHUNK = 400;

  /** The items not stored yet, in their order, each remote id once. */
  public List<InboundItem> fresh(Handle h, Channel c, List<InboundItem> items) {
    Map<String, InboundItem> byId = new LinkedHashMap<>();
    for (InboundItem i : items) byId.putIfAbsent(i.ref().id(), i);
    Set<String> stored = new HashSet<>();
    List<String> ids = new ArrayList<>(byId.keySet());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      stored.addAll(
          h.createQuery(
                  "SELECT remote_id FROM inbound_items WHERE channel_id = :ch AND remote_id IN"
                      + " (<ids>)")
              .bind("ch", c.id().value())
              .bindList("ids", chunk)
              .mapTo(String.class)
              .list());
    }
    List<InboundItem> out = new ArrayList<>(byId.size());
    for (InboundItem i : byId.values()) if (!stored.contains(i.ref().id())) out.add(i);
    return out;
  }
}
