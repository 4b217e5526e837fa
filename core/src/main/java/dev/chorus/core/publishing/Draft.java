package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Invalid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the composer holds before a post is scheduled: the base text (one part, or several for a
 * thread), its content warning, and the channels it goes to, each either the base as it is or
 * tailored with its own parts and content warning. Blank parts are dropped; a draft may be empty
 * (it is saved as the author left it) but not scheduled empty.
 *
 * @param contentWarning null for none
 */
public record Draft(List<String> parts, String contentWarning, List<Variant> variants) {
  /** Parts longer than this (in UTF-16 units) are refused outright, whatever the network. */
  public static final int MAX_PART_CHARS = 100_000;

  /** The most parts a thread may have. */
  public static final int MAX_PARTS = 25;

  public Draft {
    parts = clean(parts, "parts");
    contentWarning = blankToNull(contentWarning);
    variants = List.copyOf(variants);
    Set<ChannelId> seen = new HashSet<>();
    for (Variant v : variants) {
      if (!seen.add(v.channel())) throw new Invalid("channels", "a channel is chosen twice");
    }
  }

  /**
   * The post on one channel.
   *
   * @param tailored false: the base text and content warning; true: {@code parts} and {@code
   *     contentWarning} here
   */
  public record Variant(
      ChannelId channel, boolean tailored, List<String> parts, String contentWarning) {
    public Variant {
      Objects.requireNonNull(channel, "channel");
      parts = tailored ? clean(parts, "variants." + channel.value() + ".parts") : List.of();
      contentWarning = tailored ? blankToNull(contentWarning) : null;
    }

    /** The base text on {@code channel}. */
    public static Variant base(ChannelId channel) {
      return new Variant(channel, false, List.of(), null);
    }
  }

  /** The parts {@code v} sends: its own when tailored, else the base text. */
  public List<String> partsOf(Variant v) {
    return v.tailored() ? v.parts() : parts;
  }

  /** The content warning {@code v} sends, or null. */
  public String contentWarningOf(Variant v) {
    return v.tailored() ? v.contentWarning() : contentWarning;
  }

  private static List<String> clean(List<String> parts, String field) {
    List<String> out = new ArrayList<>();
    if (parts != null) {
      for (String p : parts) {
        if (p == null || p.isBlank()) continue;
        String s = p.strip();
        if (s.length() > MAX_PART_CHARS) {
          throw new Invalid(field, "a part is longer than " + MAX_PART_CHARS + " characters");
        }
        out.add(s);
      }
    }
    if (out.size() > MAX_PARTS) {
      throw new Invalid(field, "a thread has at most " + MAX_PARTS + " parts");
    }
    return List.copyOf(out);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
