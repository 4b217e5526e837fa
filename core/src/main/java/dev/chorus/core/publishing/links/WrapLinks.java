package dev.chorus.core.publishing.links;

import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.PostLength;
import dev.chorus.core.publishing.Delivery;
import dev.chorus.core.publishing.LinkRewriter;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns each http(s) link of a post about to be sent into {@code {public URL}/l/{code}}, and stores
 * where the code leads: the original link with UTM parameters ({@link Utm}). Links to the Chorus
 * host itself stay as written, and so do all of them in a workspace that turned tracking off or
 * while the server's public address is unknown.
 *
 * <p>Codes derive from the idempotency key of the post (the delivery's, or a thread part's) ({@link
 * LinkCodes}), so every attempt sends the same text and stores the same rows: the key always comes
 * with the same body.
 *
 * <p>Length: the composer validated the text as written. Mastodon counts every link as 23
 * characters, so a wrapped link costs nothing there. Bluesky counts the text as written, so a short
 * link wrapped grows; each link is wrapped, in order, only if the text still fits the channel's
 * limit with it, else it goes out as written (untracked). A post valid in the composer is never
 * pushed over its limit.
 */
public final class WrapLinks implements LinkRewriter {
  private final Database db;
  private final LinkStore store;
  private final LinkCodes codes;
  private final Supplier<String> publicUrl;
  private final Clock clock;

  /**
   * @param publicUrl the address people reach Chorus at, such as https://chorus.example.com (null
   *     while unknown: links are then left as written)
   */
  public WrapLinks(
      Database db, LinkStore store, LinkCodes codes, Supplier<String> publicUrl, Clock clock) {
    this.db = db;
    this.store = store;
    this.codes = codes;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  @Override
  public OutgoingPost rewrite(
      Delivery d,
      String idempotencyKey,
      Network network,
      Supplier<ChannelLimits> limitsOf,
      OutgoingPost post) {
    String base = publicUrl.get();
    if (base == null || base.isBlank()) return post;
    base = base.replaceAll("/+$", "");
    List<LinkText.Found> found = LinkText.find(post.text());
    if (found.isEmpty()) return post;
    String chorusHost = LinkText.host(base);
    String prefix = base;
    ChannelLimits limits = limitsOf.get();
    try {
      String text =
          db.inTransaction(
              h -> {
                LinkSettings settings = store.settings(h, d.workspaceId());
                if (!settings.tracking()) return post.text();
                Utm utm =
                    new Utm(network.key(), "social", settings.utmCampaign(), d.postId().value());
                List<LinkStore.Link> links = new ArrayList<>();
                String[] wrapped = new String[found.size()];
                for (int i = 0; i < found.size(); i++) {
                  LinkText.Found f = found.get(i);
                  if (f.url().length() > 4000) continue;
                  if (chorusHost != null && chorusHost.equals(LinkText.host(f.url()))) continue;
                  String code = codes.code(idempotencyKey, i, f.url());
                  wrapped[i] = prefix + "/l/" + code;
                  if (!fits(post.text(), found, wrapped, limits)) {
                    wrapped[i] = null;
                    continue;
                  }
                  links.add(
                      new LinkStore.Link(
                          code,
                          d.workspaceId(),
                          d.postId(),
                          d.id().value(),
                          d.channelId(),
                          i,
                          f.url(),
                          utm.addTo(f.url())));
                }
                for (LinkStore.Link l : links) store.insert(h, l, clock.instant());
                return apply(post.text(), found, wrapped);
              });
      if (text.equals(post.text())) return post;
      return new OutgoingPost(
          text,
          post.inReplyTo(),
          post.media(),
          post.contentWarning(),
          post.language(),
          post.visibility());
    } catch (RuntimeException e) {
      throw new NotStored(e);
    }
  }

  /** Whether the text with these links wrapped is within the limit, or no longer than before. */
  private static boolean fits(
      String text, List<LinkText.Found> found, String[] wrapped, ChannelLimits limits) {
    int after = PostLength.count(apply(text, found, wrapped), limits);
    if (after <= limits.maxLength()) return true;
    String[] without = wrapped.clone();
    for (int i = without.length - 1; i >= 0; i--) {
      if (without[i] != null) {
        without[i] = null;
        break;
      }
    }
    return after <= PostLength.count(apply(text, found, without), limits);
  }

  private static String apply(String text, List<LinkText.Found> found, String[] wrapped) {
    StringBuilder b = new StringBuilder(text.length() + 32);
    int at = 0;
    for (int i = 0; i < found.size(); i++) {
      if (wrapped[i] == null) continue;
      LinkText.Found f = found.get(i);
      b.append(text, at, f.start()).append(wrapped[i]);
      at = f.end();
    }
    return b.append(text, at, text.length()).toString();
  }
}
