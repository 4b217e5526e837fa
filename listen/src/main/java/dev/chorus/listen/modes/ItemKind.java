package dev.chorus.listen.modes;

import java.util.Locale;

/** What kind of item was heard, in the channels' words ({@code InboundItem.kind}). */
public enum ItemKind {
  MENTION,
  REPLY,
  /** A boost or repost: the post passed on, with no words of its own. */
  REBLOG,
  QUOTE,
  /** A like or favourite. */
  FAVOURITE,
  FOLLOW,
  /** A post heard by listening (search, hashtag, firehose). */
  POST,
  /** A feed entry (RSS/Atom) or a pushed webhook item. */
  ENTRY;

  /**
   * The kind named {@code key} ({@code mention}, {@code reply}, {@code reblog}, {@code quote},
   * {@code favourite}, {@code follow}, {@code post}, {@code entry}); {@code repost} is {@code
   * reblog} and {@code like} is {@code favourite}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ItemKind parse(String key) {
    String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "repost", "boost" -> REBLOG;
      case "like" -> FAVOURITE;
      default -> {
        for (ItemKind kind : values())
          if (kind.name().toLowerCase(Locale.ROOT).equals(k)) yield kind;
        throw new IllegalArgumentException("unknown item kind '" + key + "'");
      }
    };
  }
}
