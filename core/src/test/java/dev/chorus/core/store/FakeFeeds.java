package dev.chorus.core.store;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.ReadsMentions;
import dev.chorus.core.channel.RemoteRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector factory for store tests: every channel reads the same in-memory feed, which a test
 * fills or makes fail. It records the secret each open was given.
 */
final class FakeFeeds implements ConnectorFactory {
  final List<InboundItem> items = new ArrayList<>();
  final List<String> secretsSeen = new ArrayList<>();
  String failure;

  void add(String id, String text) {
    items.add(
        new InboundItem(
            Network.RSS,
            "entry",
            new RemoteRef(id, "https://example.com/" + id, null),
            "ada",
            "Ada",
            null,
            "Title " + id,
            text,
            Instant.parse("2026-11-20T10:00:00Z"),
            null,
            "en"));
  }

  @Override
  public Connector open(Channel channel, String secret) {
    secretsSeen.add(secret);
    return new ReadsMentions() {
      @Override
      public Network network() {
        return Network.RSS;
      }

      @Override
      public ChannelLimits limits() {
        return new ChannelLimits(1000, false, -1, 0, 0, 0);
      }

      @Override
      public Batch readSince(String cursor) {
        if (failure != null) throw new ChannelFailure(failure, true, null, 503, null);
        return new Batch(items, "read-" + items.size());
      }
    };
  }
}
