package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads Mastodon's entities (Status, Notification, Account) into {@link InboundItem}s. Every field
 * is a stranger's: HTML content becomes plain text through jsoup (nothing of the markup survives),
 * and missing fields become nulls rather than errors.
 */
final class MastodonItems {
  /** Mastodon ids are decimal strings that grow with time; a longer one is newer. */
  static final Comparator<String> BY_ID =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private static final java.util.Set<String> BLOCKS =
      java.util.Set.of("p", "div", "blockquote", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6");

  private final String host;

  /**
   * @param host the instance's host, appended to local accounts' {@code acct}
   */
  MastodonItems(String host) {
    this.host = host;
  }

  /**
   * A notification as an item, or empty for types Chorus does not keep. Mentions, replies and
   * quotes are named by their status, so the same post heard through a timeline is stored once and
   * can be answered; boosts, favourites and follows are named by the notification, since many of
   * them point at the same post of ours, which they carry as {@code inReplyTo}.
   */
  Optional<InboundItem> notification(JsonNode n) {
    String type = n.path("type").asText("");
    JsonNode account = n.path("account");
    JsonNode status = n.path("status");
    Instant at = instant(n.path("created_at").asText(null));
    String id = n.path("id").asText("");
    if (id.isEmpty()) return Optional.empty();
    return switch (type) {
      case "mention" -> Optional.of(status(status, replyOrMention(status)));
      case "quote" -> Optional.of(status(status, "quote"));
      case "reblog", "favourite" ->
          Optional.of(
              new InboundItem(
                  Network.MASTODON,
                  type,
                  new RemoteRef("notification:" + id, text(status, "url"), null),
                  handle(account),
                  name(account),
                  text(account, "url"),
                  type.equals("reblog") ? "Boosted your post" : "Favourited your post",
                  "",
                  at,
                  status.isObject() ? ref(status) : null,
                  null));
      case "follow" ->
          Optional.of(
              new InboundItem(
                  Network.MASTODON,
                  "follow",
                  new RemoteRef("notification:" + id, text(account, "url"), null),
                  handle(account),
                  name(account),
                  text(account, "url"),
                  "Followed you",
                  "",
                  at,
                  null,
                  null));
      default -> Optional.empty();
    };
  }

  /** A status heard on a timeline or in search, as a post (or a reply). */
  InboundItem post(JsonNode status) {
    return status(status, status.path("in_reply_to_id").isTextual() ? "reply" : "post");
  }

  private InboundItem status(JsonNode s, String kind) {
    JsonNode account = s.path("account");
    String cw = text(s, "spoiler_text");
    String inReplyTo = text(s, "in_reply_to_id");
    return new InboundItem(
        Network.MASTODON,
        kind,
        ref(s),
        handle(account),
        name(account),
        text(account, "url"),
        cw == null || cw.isBlank() ? null : cw,
        plain(s.path("content").asText("")),
        instant(s.path("created_at").asText(null)),
        inReplyTo == null ? null : new RemoteRef(inReplyTo, null, null),
        text(s, "language"));
  }

  private static String replyOrMention(JsonNode status) {
    return status.path("in_reply_to_id").isTextual() ? "reply" : "mention";
  }

  static RemoteRef ref(JsonNode status) {
    String url = text(status, "url");
    return new RemoteRef(status.path("id").asText(), url != null ? url : text(status, "uri"), null);
  }

  /** {@code @user@host} for every account, local ones included. */
  String handle(JsonNode account) {
    String acct = account.path("acct").asText("");
    if (acct.isEmpty()) return null;
    return "@" + (acct.contains("@") ? acct : acct + "@" + host);
  }

  private static String name(JsonNode account) {
    String display = text(account, "display_name");
    return display == null || display.isBlank() ? text(account, "username") : display;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  static Instant instant(String iso) {
    if (iso == null) return Instant.EPOCH;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      // A server with a broken clock format should not lose the item.
      return Instant.EPOCH;
    }
  }

  /**
   * Mastodon's HTML as plain text: paragraphs become blank lines, {@code <br>} a line break, links
   * their text (Mastodon hides the scheme in an invisible span, which is kept so the URL is whole).
   * Nothing is executed or kept as markup.
   */
  static String plain(String html) {
    if (html == null || html.isEmpty()) return "";
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              out.append(t.getWholeText().replaceAll("\\s+", " "));
            } else if (node instanceof Element e && e.normalName().equals("br")) {
              out.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append("\n\n");
          }
        },
        body);
    return out.toString()
        .replaceAll("[ \\t]*\\n[ \\t]*", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }
}
