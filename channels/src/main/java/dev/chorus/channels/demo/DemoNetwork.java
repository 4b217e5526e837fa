package dev.chorus.channels.demo;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated network behind demo channels: for each channel, its audience's stream and what was
 * sent into it (the brand's replies, and the answers the audience gives them a little later). Sent
 * posts live in memory, owned by this object, which the composition root makes once; a restart
 * forgets them, which a demo can afford (the stream itself is regenerated from its seed). Thread-
 * safe.
 */
public final class DemoNetwork {
  /** Setting: the stream's seed. */
  public static final String SEED = "demo_seed";

  /** Setting: when the stream starts, in epoch milliseconds. */
  public static final String EPOCH = "demo_epoch";

  private final Clock clock;
  private final Map<ChannelId, Feed> feeds = new ConcurrentHashMap<>();

  public DemoNetwork(Clock clock) {
    this.clock = clock;
  }

  /**
   * The settings of a new demo channel: its stream's seed, the stream's start ({@code epoch}, in
   * the past for a channel that opens with history) and how often it is read.
   */
  public static Map<String, String> settings(long seed, Instant epoch, int intervalSeconds) {
    return Map.of(
        SEED,
        Long.toString(seed),
        EPOCH,
        Long.toString(epoch.toEpochMilli()),
        "interval_seconds",
        Integer.toString(intervalSeconds));
  }

  /** A connector for {@code channel}, sharing the channel's sent posts with every other one. */
  public DemoConnector open(Channel channel) {
    Feed feed = feeds.computeIfAbsent(channel.id(), id -> new Feed(stream(channel), channel));
    return new DemoConnector(feed, clock);
  }

  private static DemoStream stream(Channel channel) {
    Map<String, String> s = channel.settings();
    long seed;
    Instant epoch;
    try {
      seed = Long.parseLong(s.getOrDefault(SEED, ""));
    } catch (NumberFormatException e) {
      seed = channel.id().value().hashCode();
    }
    try {
      epoch = Instant.ofEpochMilli(Long.parseLong(s.getOrDefault(EPOCH, "")));
    } catch (NumberFormatException e) {
      epoch = channel.createdAt() == null ? Instant.EPOCH : channel.createdAt();
    }
    return new DemoStream(seed, epoch);
  }

  /**
   * One channel's side of the network: its stream, the brand's posts sent into it and the answers
   * scheduled in reply. Answers are numbered in the order they become due.
   */
  static final class Feed {
    final DemoStream stream;
    private final Map<String, Sent> sentByKey = new HashMap<>();
    private final Map<String, Sent> sentById = new HashMap<>();
    private final List<Answer> answers = new ArrayList<>();
    private long answersBefore;

    Feed(DemoStream stream, Channel channel) {
      this.stream = stream;
      // Answers numbered before a restart were delivered or are lost; new ones follow them, so the
      // stored cursor never hides a new answer.
      this.answersBefore = DemoCursor.parse(channel.cursor()).answers();
    }

    synchronized Sent sent(String key) {
      return sentByKey.get(key);
    }

    synchronized Sent sentById(String id) {
      return sentById.get(id);
    }

    synchronized void record(Sent sent, Answer answer) {
      sentByKey.put(sent.key(), sent);
      sentById.put(sent.id(), sent);
      if (answer != null) answers.add(answer);
    }

    /** The number the next answer gets, and the earliest it may be due (after the last one). */
    synchronized long nextAnswerNumber() {
      return answersBefore + answers.size() + 1;
    }

    synchronized Instant lastAnswerDue() {
      return answers.isEmpty() ? Instant.EPOCH : answers.get(answers.size() - 1).due();
    }

    synchronized Answer answerById(String id) {
      for (Answer a : answers) if (a.id().equals(id)) return a;
      return null;
    }

    /** Answers numbered after {@code after} that are due by {@code now}, at most {@code max}. */
    synchronized List<Answer> answersDue(long after, Instant now, int max) {
      List<Answer> due = new ArrayList<>();
      for (Answer a : answers) {
        if (due.size() == max) break;
        if (a.number() > after && !a.due().isAfter(now)) due.add(a);
      }
      return due;
    }

    synchronized List<Sent> sentPosts() {
      return List.copyOf(sentById.values());
    }
  }

  /** A post the brand sent into the demo network. */
  record Sent(String key, String id, String text, String inReplyTo, Instant at) {}

  /**
   * A member of the audience answering one of the brand's posts.
   *
   * @param number the order in which answers become due, from 1
   */
  record Answer(
      long number,
      String id,
      DemoPeople.Person author,
      String text,
      String inReplyTo,
      Instant due) {}
}
