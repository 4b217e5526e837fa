package dev.chorus.channels.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing the demo brand's audience said, as the generator made it.
 *
 * @param seq its position in the stream, from 1
 * @param tone what kind of post it is (what the product should recognise)
 * @param inReplyTo the position of the post it answers, or 0
 * @param language an ISO 639-1 code
 */
record DemoPost(
    long seq,
    Tone tone,
    DemoPeople.Person author,
    String language,
    String text,
    long inReplyTo,
    Instant createdAt) {
  DemoPost {
    Objects.requireNonNull(tone, "tone");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The kinds of post in the stream, with their shares in percent. */
  enum Tone {
    /** A question addressed to the brand. */
    QUESTION(17),
    /** A complaint about the brand. */
    COMPLAINT(13),
    /** Praise for the brand. */
    PRAISE(16),
    /** Someone recommending the brand to someone else. */
    RECOMMENDATION(10),
    /** A reshare of one of the brand's own posts, with a comment. */
    QUOTE(7),
    /** The author of an earlier post coming back to their own thread. */
    FOLLOW_UP(6),
    /** Someone else answering an earlier post. */
    REPLY(8),
    /** A plain mention: the brand named in passing. */
    MENTION(10),
    /** The brand's name in another sense: the wind, a database, a band. */
    NOISE(11),
    /** Markup and injection attempts, which must be shown as text. */
    HOSTILE(2);

    final int percent;

    Tone(int percent) {
      this.percent = percent;
    }

    boolean isReply() {
      return this == FOLLOW_UP || this == REPLY;
    }
  }
}
