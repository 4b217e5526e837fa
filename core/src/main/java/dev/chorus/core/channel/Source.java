package dev.chorus.core.channel;

import dev.chorus.core.error.Invalid;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing a channel listens to, with its own cursor: the account's mentions (notifications), a
 * hashtag timeline, a search, or the Bluesky firehose.
 *
 * @param value the hashtag without '#' or the search terms; empty for mentions and the firehose
 */
public record Source(Kind kind, String value) {
  /** The kinds of source. */
  public enum Kind {
    /** The account's notifications, read through {@link ReadsMentions}. */
    MENTIONS,
    /** A public hashtag timeline (Mastodon). */
    HASHTAG,
    /** A network's post search (Mastodon, Bluesky). */
    SEARCH,
    /** Every public post on the network, kept only when a saved query matches (Bluesky). */
    FIREHOSE;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final Source MENTIONS = new Source(Kind.MENTIONS, "");
  public static final Source FIREHOSE = new Source(Kind.FIREHOSE, "");

  public Source {
    Objects.requireNonNull(kind, "kind");
    value = value == null ? "" : value;
    boolean needsValue = kind == Kind.HASHTAG || kind == Kind.SEARCH;
    if (needsValue == value.isBlank()) {
      throw new IllegalArgumentException(kind.key() + " source with value '" + value + "'");
    }
  }

  public static Source hashtag(String tag) {
    return new Source(Kind.HASHTAG, tag);
  }

  public static Source search(String terms) {
    return new Source(Kind.SEARCH, terms);
  }

  /** The stored name, as {@code mentions}, {@code hashtag:coffee} or {@code search:oat latte}. */
  public String key() {
    return value.isEmpty() ? kind.key() : kind.key() + ":" + value;
  }

  /** What people read: "Mentions", "#coffee", "Search “oat latte”", "Firehose". */
  public String label() {
    return switch (kind) {
      case MENTIONS -> "Mentions";
      case HASHTAG -> "#" + value;
      case SEARCH -> "Search \u201c" + value + "\u201d";
      case FIREHOSE -> "Firehose";
    };
  }

  /** The source stored as {@code key}. */
  public static Source parse(String key) {
    int colon = key.indexOf(':');
    String kind = colon < 0 ? key : key.substring(0, colon);
    for (Kind k : Kind.values()) {
      if (k.key().equals(kind)) return new Source(k, colon < 0 ? "" : key.substring(colon + 1));
    }
    throw new Invalid("source", "unknown source '" + key + "'");
  }
}
