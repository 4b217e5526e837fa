package dev.chorus.core.inbox;

import dev.chorus.core.Ids;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.PostLength;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.error.ChorusException;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.pipeline.InboxEvents;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Answers a conversation in public, through the channel that heard it, under the last thing the
 * other person said. The reply is stored before it is sent (its id is the idempotency key, so a
 * retry cannot post twice); when the network refuses, the reply stays as a failed draft with the
 * network's reason, shown on the conversation.
 */
public final class ReplyToConversation {
  /**
   * What happened.
   *
   * @param error the network's reason when it refused, else null
   */
  public record Result(String replyId, String status, String url, String error) {}

  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final InboxEvents events;
  private final Ids ids;
  private final Clock clock;

  public ReplyToConversation(
      Database db,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      InboxEvents events,
      Ids ids,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
    this.connectors = connectors;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  private record Target(Channel channel, String sealed, RemoteRef parent) {}

  /**
   * What the reply box of a conversation needs before anything is typed: how its channel counts a
   * post, or why it cannot answer at all.
   *
   * @param limits the channel's limits, or null when it cannot reply
   * @param refusal why there can be no reply here (the channel cannot post, is disconnected, or its
   *     credentials cannot be opened), or null
   */
  public record ReplyBox(ChannelLimits limits, String refusal) {}

  // Limits change rarely (a Mastodon instance's configuration); asking the network on every page
  // view would make the conversation wait on it.
  private static final long LIMITS_TTL_MILLIS = 10 * 60_000L;

  private record CachedLimits(ChannelLimits limits, long at) {}

  private final java.util.concurrent.ConcurrentHashMap<String, CachedLimits> limitsByChannel =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * How a reply to {@code conversation} is counted, without sending anything. Any member may ask;
   * {@link #reply} is what needs the editor role.
   *
   * @throws NotFound when the conversation is not in the actor's workspace
   */
  public ReplyBox replyBox(Actor actor, ConversationId conversation) {
    Target target = target(actor, conversation);
    Channel c = target.channel();
    if (c.disconnectedAt() != null) {
      return new ReplyBox(
          null, "The channel " + c.name() + " is disconnected; reconnect it to reply.");
    }
    CachedLimits cached = limitsByChannel.get(c.id().value());
    if (cached != null && clock.millis() - cached.at() < LIMITS_TTL_MILLIS) {
      return new ReplyBox(cached.limits(), null);
    }
    Connector connector;
    try {
      connector = connectors.open(c, secrets.open(c.id(), target.sealed()));
    } catch (ChorusException | IllegalStateException e) {
      return new ReplyBox(null, e.getMessage());
    }
    if (!(connector instanceof Publishes)) {
      return new ReplyBox(
          null, c.network().label() + " channels cannot answer in public from Chorus.");
    }
    ChannelLimits limits = connector.limits();
    limitsByChannel.put(c.id().value(), new CachedLimits(limits, clock.millis()));
    return new ReplyBox(limits, null);
  }

  public Result reply(Actor actor, ConversationId conversation, String text) {
    actor.require(Role.EDITOR, "reply in public");
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) throw new Invalid("text", "the reply is empty");
    Target target = target(actor, conversation);
    Channel c = target.channel();
    if (c.disconnectedAt() != null) {
      throw new Invalid(
          "text", "the channel " + c.name() + " is disconnected; reconnect it to reply");
    }
    Connector connector = connectors.open(c, secrets.open(c.id(), target.sealed()));
    if (!(connector instanceof Publishes publisher)) {
      throw new Invalid("text", c.network().label() + " channels cannot reply");
    }
    ChannelLimits limits = connector.limits();
    int length = PostLength.count(body, limits);
    if (length > limits.maxLength()) {
      throw new Invalid(
          "text",
          "the reply is "
              + length
              + (limits.countsGraphemes() ? " characters (graphemes)" : " characters")
              + "; "
              + c.network().label()
              + " allows "
              + limits.maxLength()
              + " here");
    }
    String id = ids.next();
    String ws = actor.workspace().id().value();
    db.inTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO replies (id, conversation_id, workspace_id, channel_id,"
                        + " author_id, in_reply_to, body, status, created_at) VALUES (:id, :c,"
                        + " :ws, :ch, :u, :parent, :body, 'sending', :at)")
                .bind("id", id)
                .bind("c", conversation.value())
                .bind("ws", ws)
                .bind("ch", c.id().value())
                .bind("u", actor.user().id().value())
                .bind("parent", target.parent().id())
                .bind("body", body)
                .bind("at", clock.millis())
                .execute());
    Result result;
    try {
      RemoteRef sent =
          publisher.publish(new OutgoingPost(body, target.parent(), List.of(), null, null), id);
      long now = clock.millis();
      db.inTransaction(
          h -> {
            h.createUpdate(
                    "UPDATE replies SET status = 'sent', remote_id = :rid, url = :url, sent_at ="
                        + " :at, error = NULL WHERE id = :id")
                .bind("rid", sent.id())
                .bind("url", sent.url())
                .bind("at", now)
                .bind("id", id)
                .execute();
            h.createUpdate(
                    "UPDATE conversations SET first_response_at = COALESCE(first_response_at,"
                        + " :at), updated_at = :at WHERE id = :id")
                .bind("at", now)
                .bind("id", conversation.value())
                .execute();
            return null;
          });
      result = new Result(id, "sent", sent.url(), null);
    } catch (ChorusException e) {
      String reason = e.getMessage();
      db.inTransaction(
          h ->
              h.createUpdate("UPDATE replies SET status = 'failed', error = :e WHERE id = :id")
                  .bind("e", reason.length() > 1000 ? reason.substring(0, 1000) + "…" : reason)
                  .bind("id", id)
                  .execute());
      result = new Result(id, "failed", null, reason);
    }
    events.changed(actor.workspace().id(), Set.of(conversation.value()));
    return result;
  }

  /** The channel, its sealed credentials and the post to answer: the other side's latest. */
  private Target target(Actor actor, ConversationId conversation) {
    return db.read(
        h -> {
          String channelId =
              h.createQuery(
                      "SELECT channel_id FROM conversations WHERE workspace_id = :ws AND id = :id")
                  .bind("ws", actor.workspace().id().value())
                  .bind("id", conversation.value())
                  .mapTo(String.class)
                  .findOne()
                  .orElseThrow(() -> new NotFound("No such conversation in this workspace."));
          Channel c =
              channels
                  .find(h, actor.workspace().id(), new ChannelId(channelId))
                  .orElseThrow(() -> new NotFound("The conversation's channel is gone."));
          RemoteRef parent =
              h.createQuery(
                      "SELECT remote_id, url, remote_cid FROM inbound_items WHERE conversation_id"
                          + " = :id ORDER BY created_at DESC, id DESC LIMIT 1")
                  .bind("id", conversation.value())
                  .map(
                      (rs, ctx) -> new RemoteRef(rs.getString(1), rs.getString(2), rs.getString(3)))
                  .findOne()
                  .orElseThrow(() -> new NotFound("The conversation has nothing to answer."));
          return new Target(c, channels.sealedSecret(h, c.id()).orElse(null), parent);
        });
  }
}
