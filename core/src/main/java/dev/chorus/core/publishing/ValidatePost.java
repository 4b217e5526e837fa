package dev.chorus.core.publishing;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.PostLength;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a post against each of its channels, as the network will: every part's length counted the
 * network's way ({@link PostLength}; on Mastodon the content warning counts too), its attachments'
 * types, sizes and number ({@link MediaRules}), and alt text when the workspace requires it. A
 * channel that fails is reported with its counts and problems; the others are not affected — the
 * composer schedules them and holds back only that one.
 */
public final class ValidatePost {
  /**
   * The verdict for one channel.
   *
   * @param limit the most characters (or graphemes) per part, 0 when the channel cannot post
   * @param counts each part's length as the network counts it
   */
  public record ChannelCheck(
      ChannelId channel,
      String channelName,
      Network network,
      int limit,
      boolean countsGraphemes,
      List<Integer> counts,
      List<String> problems) {
    public ChannelCheck {
      counts = List.copyOf(counts);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Database db;
  private final ChannelStore channels;
  private final PublishLimits limits;

  public ValidatePost(Database db, ChannelStore channels, PublishLimits limits) {
    this.db = db;
    this.channels = channels;
    this.limits = limits;
  }

  /**
   * Checks {@code draft} with its attachments (empty for a post not saved yet) on each of its
   * channels, in the draft's order.
   */
  public List<ChannelCheck> validate(
      WorkspaceId ws, Draft draft, List<PostDetail.Media> media, boolean requireAltText) {
    List<ChannelCheck> out = new ArrayList<>();
    for (Draft.Variant v : draft.variants()) {
      Optional<Channel> c = db.read(h -> channels.find(h, ws, v.channel()));
      if (c.isEmpty()) {
        out.add(
            new ChannelCheck(
                v.channel(), "?", null, 0, false, List.of(), List.of("no such channel")));
        continue;
      }
      out.add(check(c.get(), draft, v, media, requireAltText));
    }
    return out;
  }

  private ChannelCheck check(
      Channel c,
      Draft draft,
      Draft.Variant v,
      List<PostDetail.Media> media,
      boolean requireAltText) {
    PublishLimits.Answer answer = limits.of(c);
    if (answer.limits() == null) {
      return new ChannelCheck(
          c.id(), c.name(), c.network(), 0, false, List.of(), List.of(answer.refusal()));
    }
    ChannelLimits l = answer.limits();
    List<String> parts = draft.partsOf(v);
    String cw = draft.contentWarningOf(v);
    List<Integer> counts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (parts.isEmpty()) problems.add("the post is empty");
    // Mastodon counts the content warning with the text (StatusLengthValidator).
    int cwLength = c.network() == Network.MASTODON && cw != null ? PostLength.count(cw, l) : 0;
    for (int i = 0; i < parts.size(); i++) {
      int n = PostLength.count(parts.get(i), l) + cwLength;
      counts.add(n);
      if (n > l.maxLength()) {
        problems.add(
            (parts.size() > 1 ? "part " + (i + 1) + " is " : "the post is ")
                + n
                + (l.countsGraphemes() ? " characters (graphemes); " : " characters; ")
                + c.network().label()
                + " takes "
                + l.maxLength()
                + (cwLength > 0 ? ", content warning included" : ""));
      }
      final int part = i;
      ChannelId owner = v.tailored() ? v.channel() : null;
      List<PostDetail.Media> attached =
          media.stream()
              .filter(
                  m ->
                      m.partIndex() == part
                          && (owner == null ? m.channel() == null : owner.equals(m.channel())))
              .toList();
      for (int k = 0; k < attached.size(); k++) {
        PostDetail.Media m = attached.get(k);
        String refusal = MediaRules.refusal(c.network(), l, m.mimeType(), m.sizeBytes(), k);
        if (refusal != null) problems.add("attachment " + (k + 1) + ": " + refusal);
        if (requireAltText && (m.altText() == null || m.altText().isBlank())) {
          problems.add("attachment " + (k + 1) + " needs alt text (the workspace requires it)");
        }
        if (m.altText() != null && l.maxAltText() > 0 && m.altText().length() > l.maxAltText()) {
          problems.add(
              "attachment " + (k + 1) + ": alt text over " + l.maxAltText() + " characters");
        }
      }
    }
    return new ChannelCheck(
        c.id(), c.name(), c.network(), l.maxLength(), l.countsGraphemes(), counts, problems);
  }
}
