package dev.chorus.channels.demo;

import dev.chorus.channels.demo.DemoNetwork.Answer;
import dev.chorus.channels.demo.DemoNetwork.Feed;
import dev.chorus.channels.demo.DemoNetwork.Sent;
import dev.chorus.channels.demo.DemoPeople.Person;
import dev.chorus.channels.demo.DemoPost.Tone;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.ReadsMentions;
import dev.chorus.core.channel.RemoteRef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A demo channel: reads what the demo brand's audience said since the cursor (only what has been
 * said by now, so the inbox fills in real time), and publishes into the demo network, where the
 * person answered often replies in the same thread a little later. Ids are the network's own, with
 * no URL: {@code dm-N} for the stream's posts, {@code dr-…} for the brand's, {@code da-…} for the
 * answers to them. Thread-safe.
 */
public final class DemoConnector implements ReadsMentions, Publishes {
  /** The most items one read returns; a longer backlog comes over the next reads. */
  public static final int MAX_BATCH = 500;

  /**
   * How far back the network keeps posts, like a real network's retention: a reader further behind
   * (a demo stopped for days) resumes at the start of this window instead of replaying every post
   * since.
   */
  public static final Duration RETENTION = Duration.ofHours(3);

  private static final ChannelLimits LIMITS =
      new ChannelLimits(500, false, -1, 4, 8L * 1024 * 1024, 1500);

  private final Feed feed;
  private final Clock clock;

  DemoConnector(Feed feed, Clock clock) {
    this.feed = feed;
    this.clock = clock;
  }

  @Override
  public Network network() {
    return Network.DEMO;
  }

  @Override
  public ChannelLimits limits() {
    return LIMITS;
  }

  /** Items after {@code cursor} said by now, oldest first; null reads from the stream's start. */
  @Override
  public Batch readSince(String cursor) {
    DemoCursor from = DemoCursor.parse(cursor);
    Instant now = clock.instant();
    DemoStream stream = feed.stream;
    long start = firstKept(from.stream(), now.minus(RETENTION)) - 1;
    long end = start;
    while (end < start + MAX_BATCH && !stream.timeOf(end + 1).isAfter(now)) end++;
    List<InboundItem> items = new ArrayList<>();
    for (long seq = start + 1; seq <= end; seq++) items.add(item(stream.post(seq)));
    List<Answer> answers = feed.answersDue(from.answers(), now, MAX_BATCH);
    long lastAnswer = from.answers();
    for (Answer a : answers) {
      items.add(item(a));
      lastAnswer = a.number();
    }
    items.sort(Comparator.comparing(InboundItem::createdAt));
    return new Batch(items, new DemoCursor(end, lastAnswer).toString());
  }

  /** The first position after {@code after} that is still kept at {@code cutoff}. */
  private long firstKept(long after, Instant cutoff) {
    DemoStream stream = feed.stream;
    if (!stream.timeOf(after + 1).isBefore(cutoff)) return after + 1;
    // Times grow with positions: widen, then halve, to the first post at or after the cutoff.
    long lo = after + 1;
    long hi = lo + 1;
    while (stream.timeOf(hi).isBefore(cutoff)) {
      lo = hi;
      hi = lo * 2;
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (stream.timeOf(mid).isBefore(cutoff)) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  @Override
  public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    synchronized (feed) {
      Sent before = feed.sent(idempotencyKey);
      if (before != null) return new RemoteRef(before.id(), null, null);
      String text = post.text().strip();
      if (text.isEmpty()) throw refused("The demo network refuses an empty post.", 422);
      int length = text.codePointCount(0, text.length());
      if (length > LIMITS.maxLength()) {
        throw refused(
            "The demo network takes at most "
                + LIMITS.maxLength()
                + " characters; this post has "
                + length
                + ".",
            422);
      }
      Instant now = clock.instant();
      String parent = post.inReplyTo() == null ? null : post.inReplyTo().id();
      Parent answered = parent == null ? new Parent(null, false, true) : parent(parent, now);
      String suffix =
          UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8))
              .toString()
              .replace("-", "")
              .substring(0, 16);
      Sent sent = new Sent(idempotencyKey, "dr-" + suffix, text, parent, now);
      feed.record(sent, answer(sent, answered, suffix, now));
      return new RemoteRef(sent.id(), null, null);
    }
  }

  /** The brand's posts sent into this channel's network, in no particular order. */
  List<Sent> sent() {
    return feed.sentPosts();
  }

  /**
   * Who may answer a reply to {@code parent}: its author when the network knows it, nobody when it
   * is a post the network forgot in a restart; a post it never had is refused.
   */
  private Parent parent(String id, Instant now) {
    if (id.startsWith("dm-")) {
      long seq;
      try {
        seq = Long.parseLong(id.substring(3));
      } catch (NumberFormatException e) {
        seq = 0;
      }
      if (seq >= 1 && !feed.stream.timeOf(seq).isAfter(now)) {
        DemoPost p = feed.stream.post(seq);
        boolean asked =
            p.tone() == Tone.QUESTION || p.tone() == Tone.COMPLAINT || p.tone() == Tone.FOLLOW_UP;
        return new Parent(p.author(), asked, false);
      }
    } else if (id.startsWith("da-")) {
      Answer a = feed.answerById(id);
      return new Parent(a == null ? null : a.author(), false, false);
    } else if (id.startsWith("dr-")) {
      // The brand continuing its own thread: a fan may chime in.
      return new Parent(null, false, true);
    }
    throw refused(
        "The post you are answering does not exist on the demo network (" + id + ").", 404);
  }

  /** Who a reply answers; {@code fan} lets someone from the audience answer instead. */
  private record Parent(Person author, boolean asked, boolean fan) {}

  /** Often, the person answered comes back 15 to 75 seconds later; null when nobody does. */
  private Answer answer(Sent sent, Parent parent, String suffix, Instant now) {
    SplittableRandom r =
        new SplittableRandom(Mix.of(feed.stream.seed(), sent.key().hashCode(), suffix.hashCode()));
    int chance = parent.asked() ? 70 : parent.author() != null ? 45 : parent.fan() ? 35 : 0;
    if (r.nextInt(100) >= chance) return null;
    Person author = parent.author() != null ? parent.author() : feed.stream.people().pick("en", r);
    List<String> texts = DemoPhrases.answers(author.language(), parent.asked());
    String text = texts.get(r.nextInt(texts.size()));
    Instant due = now.plus(Duration.ofSeconds(15 + r.nextInt(61)));
    // Answers become due in the order they are numbered, so a cursor never skips one.
    Instant last = feed.lastAnswerDue();
    if (!due.isAfter(last)) due = last.plusMillis(1);
    return new Answer(feed.nextAnswerNumber(), "da-" + suffix, author, text, sent.id(), due);
  }

  private static InboundItem item(DemoPost p) {
    String kind = p.inReplyTo() > 0 ? "reply" : p.tone() == Tone.QUOTE ? "quote" : "mention";
    return new InboundItem(
        Network.DEMO,
        kind,
        new RemoteRef("dm-" + p.seq(), null, null),
        p.author().handle(),
        p.author().name(),
        null,
        null,
        p.text(),
        p.createdAt(),
        p.inReplyTo() > 0 ? new RemoteRef("dm-" + p.inReplyTo(), null, null) : null,
        // Left to Chorus's own language identification, as for networks that do not say.
        null);
  }

  private static InboundItem item(Answer a) {
    return new InboundItem(
        Network.DEMO,
        "reply",
        new RemoteRef(a.id(), null, null),
        a.author().handle(),
        a.author().name(),
        null,
        null,
        a.text(),
        a.due(),
        new RemoteRef(a.inReplyTo(), null, null),
        null);
  }

  private static ChannelFailure refused(String message, int status) {
    return new ChannelFailure(message, false, null, status, null);
  }
}
