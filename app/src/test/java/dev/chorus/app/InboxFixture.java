package dev.chorus.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.workspace.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workspace's inbox with something in it: a Mastodon channel connected to a {@link FakeMastodon}
 * (so replies really go out, or are really refused), and mentions fed through the pipeline as a
 * channel's read would feed them.
 */
public final class InboxFixture implements AutoCloseable {
  /** The access token FakeMastodon accepts. */
  private static final String TOKEN = "token-of-chorus";

  public final FakeMastodon mastodon = new FakeMastodon();
  public final Channel channel;
  private final TestApp app;
  private final AtomicInteger seq = new AtomicInteger();
  private final Instant start = Instant.now().minusSeconds(3600);

  public InboxFixture(TestApp app, User owner, Workspace workspace) {
    this.app = app;
    this.channel =
        app.core()
            .connectChannel
            .connect(
                new Actor(owner, workspace, Role.OWNER, null),
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Northwind on Mastodon",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials(TOKEN, "client", "client-secret").toJson(),
                    null));
  }

  /**
   * A mention of the account by {@code acct} that the instance knows, so a reply to it is accepted;
   * returns the conversation's id.
   */
  public String mention(String acct, String name, String text) {
    ObjectNode n = mastodon.addNotification("mention", acct, text, null);
    String statusId = n.path("status").path("id").asText();
    submit(item(statusId, acct, name, text));
    return conversationOf(statusId);
  }

  /**
   * A mention of a post the instance no longer has (deleted since): replying to it is refused by
   * the network; returns the conversation's id.
   */
  public String deletedMention(String acct, String name, String text) {
    String id = "gone-" + seq.incrementAndGet();
    submit(item(id, acct, name, text));
    return conversationOf(id);
  }

  /** An item as a Mastodon read would make it. */
  public InboundItem item(String remoteId, String acct, String name, String text) {
    String user = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
    String domain = acct.contains("@") ? acct.substring(acct.indexOf('@') + 1) : "127.0.0.1";
    return new InboundItem(
        Network.MASTODON,
        "mention",
        new RemoteRef(remoteId, "https://" + domain + "/@" + user + "/" + remoteId, null),
        "@" + acct,
        name,
        "https://" + domain + "/@" + user,
        null,
        text,
        start.plusSeconds(seq.incrementAndGet() * 60L),
        null,
        "en");
  }

  /** Feeds items through the pipeline and waits until they are stored. */
  public void submit(InboundItem... items) {
    app.core().pipeline.submit(new Heard(channel, "", List.of(items), null)).join();
  }

  /** The conversation an item was threaded into. */
  public String conversationOf(String remoteId) {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery(
                        "SELECT conversation_id FROM inbound_items WHERE channel_id = :c AND"
                            + " remote_id = :r")
                    .bind("c", channel.id().value())
                    .bind("r", remoteId)
                    .mapTo(String.class)
                    .one());
  }

  @Override
  public void close() {
    mastodon.close();
  }
}
