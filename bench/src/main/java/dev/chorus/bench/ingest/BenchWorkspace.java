package dev.chorus.bench.ingest;

import dev.chorus.bench.matcher.BenchPosts;
import dev.chorus.bench.matcher.QuerySets;
import dev.chorus.core.Core;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.listen.match.Post;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A workspace for benchmarks: a fresh SQLite store, four channels, {@code queries} realistic saved
 * queries (the matcher benchmark's set) and a generator of mentions in batches, with authors who
 * come back and replies that thread.
 */
public final class BenchWorkspace implements AutoCloseable {
  public final Database db;
  public final Core core;
  public final Actor owner;
  public final List<Channel> channels = new ArrayList<>();
  private final List<String> brands = QuerySets.brands();
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

  public BenchWorkspace(Path folder, int queries) {
    db =
        Database.open(
            DatabaseUrl.sqlite(folder.resolve("bench.db")),
            new Database.Options(Duration.ofSeconds(30), 8, null));
    db.migrate();
    core =
        new Core(
            db,
            Clock.systemUTC(),
            SignInThrottle.Limits.defaults(),
            InstanceKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32])),
            (channel, secret) ->
                new Connector() {
                  @Override
                  public Network network() {
                    return channel.network();
                  }

                  @Override
                  public ChannelLimits limits() {
                    return new ChannelLimits(500, false, 23, 4, 1 << 20, 1500);
                  }
                });
    // As in the app: the search index follows the store from its own thread.
    core.searchIndex.start();
    User u =
        db.inTransaction(
            h -> core.createUser.create(h, "bench@example.com", "Bench", "correct horse battery"));
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Bench", "127.0.0.1"));
    owner = new Actor(u, w, Role.OWNER, "127.0.0.1");
    Network[] networks = {Network.MASTODON, Network.BLUESKY, Network.RSS, Network.MASTODON};
    for (int k = 0; k < networks.length; k++) {
      channels.add(
          core.connectChannel.connect(
              owner,
              new ConnectChannel.Spec(
                  networks[k],
                  "Source " + k,
                  "https://source" + k + ".example",
                  Map.of(),
                  null,
                  null)));
    }
    List<String> texts = QuerySets.realistic(brands, queries, 42);
    for (int k = 0; k < texts.size(); k++) {
      core.saveQuery.save(owner, null, new SaveQuery.Draft("q" + k, texts.get(k), List.of()));
    }
  }

  /**
   * Batch number {@code n} of {@code size} mentions for {@code channel}: deterministic, ids unique
   * across batches; one in five answers an earlier mention of the same channel; half carry the
   * network's language.
   */
  public List<InboundItem> batch(Channel channel, long n, int size) {
    Random random = new Random(n * 31 + 7);
    List<Post> posts = BenchPosts.generated(brands, size, n);
    List<InboundItem> items = new ArrayList<>(size);
    Network network = channel.network();
    for (int k = 0; k < size; k++) {
      long seq = n * size + k;
      Post p = posts.get(k);
      String author = p.author().isEmpty() ? "user" + random.nextInt(50_000) : p.author();
      RemoteRef parent =
          seq > 1000 && random.nextInt(5) == 0
              ? new RemoteRef("m" + (seq - 1 - random.nextInt(1000)), null, null)
              : null;
      items.add(
          new InboundItem(
              network,
              parent == null ? "mention" : "reply",
              new RemoteRef("m" + seq, "https://source.example/m/" + seq, null),
              author + "@social.example",
              author,
              "https://social.example/@" + author,
              p.title().isEmpty() ? null : p.title(),
              p.text(),
              start.plusMillis(seq * 10),
              parent,
              random.nextBoolean() && !p.lang().isEmpty() ? p.lang() : null));
    }
    return items;
  }

  @Override
  public void close() {
    core.pipeline.close();
    core.searchIndex.close();
    db.close();
  }
}
