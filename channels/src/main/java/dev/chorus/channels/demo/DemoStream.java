package dev.chorus.channels.demo;

import dev.chorus.channels.demo.DemoPeople.Person;
import dev.chorus.channels.demo.DemoPost.Tone;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo brand's audience, as an endless stream of posts numbered from 1. Post {@code n} is a
 * pure function of the seed and {@code n} (each position has its own random source), so a stream is
 * reproducible, any stretch of it can be made without the rest, and a reader resumes from a
 * position alone. Posts arrive one every five seconds or so, with bursts of quick ones, starting at
 * the epoch. Thread-safe.
 */
final class DemoStream {
  private static final Pattern SLOT = Pattern.compile("\\{([a-z0-9]+)}");
  private static final int TONE_TOTAL =
      java.util.Arrays.stream(Tone.values()).mapToInt(t -> t.percent).sum();
  private static final int LANGUAGE_TOTAL =
      DemoPhrases.LANGUAGES.values().stream().mapToInt(Integer::intValue).sum();

  private final long seed;
  private final Instant epoch;
  private final DemoPeople people;
  private final Timeline timeline;

  DemoStream(long seed, Instant epoch) {
    this.seed = seed;
    this.epoch = Objects.requireNonNull(epoch, "epoch");
    this.people = new DemoPeople(seed);
    this.timeline = new Timeline();
  }

  long seed() {
    return seed;
  }

  Instant epoch() {
    return epoch;
  }

  DemoPeople people() {
    return people;
  }

  /** When post {@code seq} (from 1) is said. */
  Instant timeOf(long seq) {
    return epoch.plusMillis(timeline.offset(seq));
  }

  /** The post at {@code seq}, from 1; its text never equals the text of the post before it. */
  DemoPost post(long seq) {
    if (seq < 1) throw new IllegalArgumentException("posts are numbered from 1: " + seq);
    Shape shape = shape(seq);
    Set<String> before = new HashSet<>();
    if (seq > 1) {
      Shape previous = shape(seq - 1);
      for (int v = 0; v < 4; v++) before.add(render(seq - 1, previous, v));
    }
    String text = null;
    for (int v = 0; v < 4 && text == null; v++) {
      String t = render(seq, shape, v);
      if (!before.contains(t)) text = t;
    }
    // Four renderings all equal to the previous post's: practically never, but never twice.
    if (text == null) text = render(seq, shape, 0) + " · " + seq;
    return new DemoPost(
        seq, shape.tone, shape.author, shape.language, text, shape.inReplyTo, timeOf(seq));
  }

  /** Who says what kind of thing, in which language, answering whom: everything but the words. */
  private record Shape(Tone tone, String language, Person author, long inReplyTo, Person root) {}

  private Shape shape(long seq) {
    SplittableRandom r = new SplittableRandom(Mix.of(seed, seq, 1));
    Tone tone = tone(r);
    if (tone.isReply()) {
      long target = replyTarget(seq, r);
      if (target > 0) {
        Shape root = shape(target);
        Person author = root.author;
        if (tone == Tone.REPLY) {
          // Someone else from the thread's language joins in (never the author under another
          // name).
          do {
            author = people.pick(root.language, r);
          } while (author.equals(root.author));
        }
        return new Shape(tone, root.language, author, target, root.author);
      }
      tone = Tone.MENTION;
    }
    // Quotes of the brand's own posts and injection attempts are written in English.
    String language = tone == Tone.QUOTE || tone == Tone.HOSTILE ? "en" : language(r);
    return new Shape(tone, language, people.pick(language, r), 0, null);
  }

  private static Tone tone(SplittableRandom r) {
    int x = r.nextInt(TONE_TOTAL);
    for (Tone t : Tone.values()) {
      if (x < t.percent) return t;
      x -= t.percent;
    }
    throw new AssertionError("tone shares changed while drawing");
  }

  private static String language(SplittableRandom r) {
    int x = r.nextInt(LANGUAGE_TOTAL);
    for (String l : DemoPhrases.LANGUAGE_ORDER) {
      int share = DemoPhrases.LANGUAGES.get(l);
      if (x < share) return l;
      x -= share;
    }
    throw new AssertionError("language shares changed while drawing");
  }

  /**
   * A recent post that starts a thread (not itself a reply), up to 15 back: so threads gather a few
   * answers while they are fresh. 0 when the stream has none yet.
   */
  private long replyTarget(long seq, SplittableRandom r) {
    for (long j = seq - 1 - r.nextInt(15); j >= 1 && j >= seq - 60; j--) {
      if (!tone(new SplittableRandom(Mix.of(seed, j, 1))).isReply()) return j;
    }
    return 0;
  }

  private String render(long seq, Shape shape, int variant) {
    SplittableRandom r = new SplittableRandom(Mix.of(seed, seq, 2, variant));
    List<String> templates = DemoPhrases.templates(shape.language, shape.tone);
    return fill(templates.get(r.nextInt(templates.size())), shape, r);
  }

  private String fill(String template, Shape shape, SplittableRandom r) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = value(m.group(1), shape, r);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A slot's value, or null for braces that are not a slot (part of a hostile post). */
  private String value(String slot, Shape shape, SplittableRandom r) {
    switch (slot) {
      case "friend":
      case "friend2":
        return people.pick(shape.language, r).handle();
      case "root":
        return shape.root == null ? people.pick(shape.language, r).handle() : shape.root.handle();
      case "brandpost":
        return fill(
            DemoPhrases.BRAND_POSTS.get(r.nextInt(DemoPhrases.BRAND_POSTS.size())), shape, r);
      default:
        List<String> values = DemoPhrases.slot(shape.language, slot);
        return values == null ? null : values.get(r.nextInt(values.size()));
    }
  }

  /**
   * Milliseconds from the epoch to each post: gaps drawn per position (a burst of quick posts now
   * and then, otherwise about five seconds apart), summed with a checkpoint every 256 posts so any
   * position is found quickly and memory stays small however long the demo runs.
   */
  private final class Timeline {
    private static final int STEP = 256;
    private long[] checkpoints = {0};
    private long lastSeq;
    private long lastOffset;

    synchronized long offset(long seq) {
      if (seq < 0) throw new IllegalArgumentException("negative position " + seq);
      long from;
      long at;
      if (seq >= lastSeq && seq - lastSeq < STEP) {
        from = lastSeq;
        at = lastOffset;
      } else {
        int block = (int) Math.min(seq / STEP, Integer.MAX_VALUE - 1);
        grow(block);
        from = (long) block * STEP;
        at = checkpoints[block];
      }
      for (long k = from + 1; k <= seq; k++) at += gap(k);
      lastSeq = seq;
      lastOffset = at;
      return at;
    }

    private void grow(int block) {
      if (block < checkpoints.length) return;
      int known = checkpoints.length - 1;
      long[] more = java.util.Arrays.copyOf(checkpoints, Math.max(block + 1, known * 2 + 2));
      for (int b = known + 1; b < more.length; b++) {
        long at = more[b - 1];
        for (long k = (long) (b - 1) * STEP + 1; k <= (long) b * STEP; k++) at += gap(k);
        more[b] = at;
      }
      checkpoints = more;
    }

    private long gap(long seq) {
      long block = (seq - 1) / 30;
      boolean burst =
          Long.remainderUnsigned(Mix.of(seed, block, 3), 100) < 15 && (seq - 1) % 30 < 10;
      SplittableRandom r = new SplittableRandom(Mix.of(seed, seq, 4));
      if (burst) return 300 + r.nextInt(1200);
      double exponential = -Math.log(1 - r.nextDouble()) * 5000;
      return (long) Math.max(500, Math.min(30_000, exponential));
    }
  }
}
