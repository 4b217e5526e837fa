package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.Network;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which attachments each network takes, checked before anything is uploaded. The counts and sizes
 * come from the channel's {@link ChannelLimits} (a Mastodon instance announces its own in {@code
 * configuration.media_attachments}); the types, which no limits carry, from this table:
 *
 * <ul>
 *   <li>Bluesky: {@code app.bsky.embed.images} takes up to 4 images, each blob at most 1,000,000
 *       bytes; the app shows JPEG, PNG, WebP and GIF (lexicons/app/bsky/embed/images.json).
 *   <li>Mastodon: up to 4 images of JPEG, PNG, GIF or WebP (HEIC and AVIF on recent versions), 16
 *       MB each since 4.x (10 MB before) — docs.joinmastodon.org/user/posting/#attachments and the
 *       instance's {@code image_size_limit}.
 *   <li>Demo network: as Mastodon.
 * </ul>
 *
 * Only images are supported by the composer; video is not.
 */
public final class MediaRules {
  private static final List<String> WEB_IMAGES =
      List.of("image/jpeg", "image/png", "image/webp", "image/gif");

  private static final Map<Network, List<String>> TYPES =
      Map.of(
          Network.BLUESKY,
          WEB_IMAGES,
          Network.MASTODON,
          List.of("image/jpeg", "image/png", "image/webp", "image/gif", "image/heic", "image/avif"),
          Network.DEMO,
          WEB_IMAGES);

  /** The largest attachment any channel may take; uploads above it are refused at once. */
  public static final long MAX_UPLOAD_BYTES = 16L << 20;

  private MediaRules() {}

  /** Whether any network takes {@code mimeType}; nothing else is stored (or served back). */
  public static boolean anyTakes(String mimeType) {
    String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    return TYPES.values().stream().anyMatch(t -> t.contains(type));
  }

  /** The types {@code network} takes (empty when it takes no attachments). */
  public static List<String> types(Network network) {
    return TYPES.getOrDefault(network, List.of());
  }

  /**
   * Why a channel refuses an attachment, or null when it takes it.
   *
   * @param position the attachment's place among its part's attachments, from 0
   */
  public static String refusal(
      Network network, ChannelLimits limits, String mimeType, long size, int position) {
    List<String> types = types(network);
    if (limits.maxMedia() == 0 || types.isEmpty()) {
      return network.label() + " channels take no attachments";
    }
    String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    if (!types.contains(type)) {
      return network.label()
          + " takes "
          + String.join(
              ", ", types.stream().map(t -> t.substring(6).toUpperCase(Locale.ROOT)).toList())
          + " images, not "
          + (type.isEmpty() ? "this file" : type);
    }
    if (size > limits.maxMediaBytes()) {
      return network.label()
          + " takes images up to "
          + bytes(limits.maxMediaBytes())
          + "; this one is "
          + bytes(size);
    }
    if (position >= limits.maxMedia()) {
      return network.label() + " takes at most " + limits.maxMedia() + " images per post";
    }
    return null;
  }

  /** A size as people read it: "1,000,000 bytes", "16 MB". */
  public static String bytes(long n) {
    if (n >= (1L << 20) && n % (1L << 20) == 0) return (n >> 20) + " MB";
    return String.format(Locale.ROOT, "%,d bytes", n);
  }
}
