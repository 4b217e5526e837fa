package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.channel.Visibility;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed delivery to its channel with its idempotency key and records the outcome:
 * published with the remote id; tried again later for a failure the network calls passing; failed,
 * with the reason on the delivery and a notice for the author, for anything else. Never throws: a
 * delivery that cannot even be recorded keeps its lease, which runs out, and is claimed again.
 */
public final class SendDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(SendDelivery.class);

  private final Database db;
  private final Deliveries deliveries;
  private final DeliveryParts parts = new DeliveryParts();
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final AuditLog audit;
  private final Retries retries;
  private final Supplier<String> ids;
  private final Clock clock;
  // Tracked links: applied to each post just before it is sent, the same on every attempt.
  private final LinkRewriter links;

  public SendDelivery(
      Database db,
      Deliveries deliveries,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      AuditLog audit,
      Retries retries,
      Supplier<String> ids,
      Clock clock) {
    this(
        db,
        deliveries,
        channels,
        secrets,
        connectors,
        audit,
        retries,
        ids,
        clock,
        LinkRewriter.NONE);
  }

  /** As above, with {@code links} rewriting each post before it is sent. */
  public SendDelivery(
      Database db,
      Deliveries deliveries,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      AuditLog audit,
      Retries retries,
      Supplier<String> ids,
      Clock clock,
      LinkRewriter links) {
    this.links = links;
    this.db = db;
    this.deliveries = deliveries;
    this.channels = channels;
    this.secrets = secrets;
    this.connectors = connectors;
    this.audit = audit;
    this.retries = retries;
    this.ids = ids;
    this.clock = clock;
  }

  /** A delivery the network took, not yet recorded. */
  public record Published(Delivery delivery, RemoteRef ref, Instant at) {}

  /** Sends {@code d} and records every outcome at once, each in its own transaction. */
  public void send(Delivery d) {
    send(d, p -> db.inTransaction(h -> deliveries.published(h, p.delivery(), p.ref(), p.at())));
  }

  /**
   * Sends {@code d}; a success goes to {@code published} to be recorded (the scheduler writes them
   * in batches), retries and failures are recorded here. Until the success is recorded the delivery
   * stays leased: if this node dies first, the lease runs out and the next attempt's key returns
   * the same post.
   */
  public void send(Delivery d, java.util.function.Consumer<Published> published) {
    try {
      attempt(d, published);
    } catch (RuntimeException e) {
      // The store failed: the lease runs out and the delivery is claimed again with its key.
      LOG.warn("recording delivery {} failed: {}", d.id(), e.getMessage());
    }
  }

  private void attempt(Delivery d, java.util.function.Consumer<Published> published) {
    Target target = target(d);
    if (target == null) {
      fail(d, "The channel is gone.");
      return;
    }
    Channel c = target.channel();
    if (c.disconnectedAt() != null) {
      fail(
          d, "The channel " + c.name() + " is disconnected; reconnect it and send the post again.");
      return;
    }
    if (!retries.keyStillValid(c.network(), d.firstAttemptAt(), clock.instant())) {
      // The first attempt began too long ago for the network to dedupe a retry: it may have posted.
      fail(
          d,
          "Sending stopped midway more than 55 minutes ago and "
              + c.network().label()
              + " no longer recognises the attempt; check the channel before sending it again.");
      return;
    }
    RemoteRef ref;
    try {
      Connector connector = connectors.open(c, target.secret());
      if (!(connector instanceof Publishes publisher)) {
        fail(d, c.network().label() + " channels cannot publish.");
        return;
      }
      ref =
          d.parts() == 0
              ? publisher.publish(
                  links.rewrite(d, d.idempotencyKey(), c.network(), publisher::limits, post(d)),
                  d.idempotencyKey())
              : thread(publisher, d);
      if (ref == null) return; // the lease went to another claim mid-thread: it sends the rest
    } catch (ChannelFailure e) {
      failed(d, c, e);
      return;
    } catch (LinkRewriter.NotStored e) {
      throw e; // the store failed: the lease runs out and the same links are written next time
    } catch (RuntimeException e) {
      // Not the network's answer (credentials that do not open, a connector's bug): not retried.
      fail(d, "Chorus could not send it: " + e.getMessage());
      return;
    }
    published.accept(new Published(d, ref, clock.instant()));
  }

  private record Target(Channel channel, String secret, long readAt) {}

  // A burst of deliveries to one channel reads it (and opens its secret) once a second at most.
  private static final long TARGET_TTL_NANOS = 1_000_000_000L;
  private final java.util.concurrent.ConcurrentHashMap<String, Target> targets =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Target target(Delivery d) {
    Target cached = targets.get(d.channelId().value());
    if (cached != null && System.nanoTime() - cached.readAt() < TARGET_TTL_NANOS) return cached;
    Target t = db.read(h -> target(h, d));
    if (t != null) targets.put(d.channelId().value(), t);
    return t;
  }

  private Target target(org.jdbi.v3.core.Handle h, Delivery d) {
    Optional<Channel> c = channels.find(h, d.workspaceId(), d.channelId());
    if (c.isEmpty()) return null;
    String sealed = channels.sealedSecret(h, d.channelId()).orElse(null);
    return new Target(
        c.get(), sealed == null ? null : secrets.open(d.channelId(), sealed), System.nanoTime());
  }

  /**
   * Sends the parts of {@code d} not yet on the network, each replying to the one before with its
   * own key, and records each as soon as it is sent; returns the first part (the post), or null
   * when the lease was lost.
   */
  private RemoteRef thread(Publishes publisher, Delivery d) {
    List<DeliveryParts.Part> todo = db.read(h -> parts.parts(h, d.id()));
    RemoteRef first = null;
    RemoteRef parent = null;
    for (DeliveryParts.Part p : todo) {
      RemoteRef ref = p.sent();
      if (ref == null) {
        List<OutgoingPost.Media> media = db.read(h -> parts.media(h, d.id(), p.position()));
        OutgoingPost post =
            new OutgoingPost(p.body(), parent, media, d.contentWarning(), null, Visibility.PUBLIC);
        String key = d.idempotencyKey(p.position());
        RemoteRef sent;
        try {
          sent =
              publisher.publish(
                  links.rewrite(d, key, publisher.network(), publisher::limits, post), key);
        } catch (ChannelFailure e) {
          if (todo.size() == 1) throw e;
          // Say which part stopped: the ones before it are on the network already.
          throw new ChannelFailure(
              "Part " + (p.position() + 1) + " of " + todo.size() + ": " + e.getMessage(),
              e.retryable(),
              e.retryAfter(),
              e.status(),
              e);
        }
        Instant now = clock.instant();
        if (!db.inTransaction(h -> parts.sent(h, d, p.position(), sent, now))) return null;
        ref = sent;
      }
      if (first == null) first = ref;
      parent = ref;
    }
    return first;
  }

  private static OutgoingPost post(Delivery d) {
    return new OutgoingPost(d.body(), null, List.of(), d.contentWarning(), null, Visibility.PUBLIC);
  }

  private void failed(Delivery d, Channel c, ChannelFailure e) {
    Instant now = clock.instant();
    String reason = e.getMessage() == null ? "the network refused the post" : e.getMessage();
    if (e.retryable()) {
      Optional<Instant> next =
          retries.next(
              c.network(),
              d.attempts(),
              d.firstAttemptAt() == null ? now : d.firstAttemptAt(),
              now,
              e.retryAfter(),
              () -> ThreadLocalRandom.current().nextDouble());
      if (next.isPresent()) {
        db.inTransaction(h -> deliveries.retry(h, d, next.get(), reason, now));
        return;
      }
      fail(d, reason + " (gave up after " + d.attempts() + " attempts)");
      return;
    }
    fail(d, reason);
  }

  private void fail(Delivery d, String reason) {
    Instant now = clock.instant();
    db.inTransaction(
        h -> {
          if (!deliveries.failed(h, d, reason, now)) return null;
          deliveries.notice(h, ids.get(), d, "failed", reason, now);
          audit.record(
              h,
              d.workspaceId(),
              AuditLog.Who.system("scheduler"),
              "post.delivery_failed",
              d.postId().value(),
              "channel " + d.channelId().value() + ": " + reason);
          return null;
        });
  }
}
