package dev.chorus.core.inbox;

import dev.chorus.core.error.Invalid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the inbox shows. Every field is optional (null: no filter).
 *
 * @param status null for every status
 * @param assignee a user id, {@code "none"} for unassigned
 * @param sentiment negative, neutral or positive
 * @param mode conversation, advocacy or mention
 * @param from the first day included (UTC)
 * @param to the last day included (UTC)
 * @param search words that must all occur in one of the conversation's items
 */
public record InboxFilter(
    String queryId,
    String channelId,
    Status status,
    String assignee,
    String tag,
    String sentiment,
    String language,
    String mode,
    Boolean question,
    LocalDate from,
    LocalDate to,
    String search) {
  private static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
  private static final Set<String> MODES = Set.of("conversation", "advocacy", "mention");

  public InboxFilter {
    if (sentiment != null && !SENTIMENTS.contains(sentiment)) {
      throw new Invalid("sentiment", "sentiment must be negative, neutral or positive");
    }
    if (mode != null && !MODES.contains(mode)) {
      throw new Invalid("mode", "mode must be conversation, advocacy or mention");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new Invalid("to", "the last day is before the first day");
    }
    if (search != null && search.length() > 200) {
      throw new Invalid("q", "search text must be at most 200 characters");
    }
    if (tag != null && tag.length() > 50)
      throw new Invalid("tag", "a tag has at most 50 characters");
  }

  /** The default view: open conversations, newest activity first. */
  public static InboxFilter open() {
    return new InboxFilter(
        null, null, Status.OPEN, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Reads a filter from request parameters (the inbox page's and the API's): {@code query, channel,
   * status (open, pending, closed or all; open when absent), assignee (me, none or a user id), tag,
   * sentiment, language, mode, question (true), from, to (YYYY-MM-DD), q}.
   *
   * @param me the signed-in user's id, for {@code assignee=me}
   */
  public static InboxFilter parse(Map<String, String> p, String me) {
    String statusParam = blank(p.get("status"));
    Status status =
        statusParam == null
            ? Status.OPEN
            : statusParam.equals("all") ? null : Status.parse("status", statusParam);
    String assignee = blank(p.get("assignee"));
    if ("me".equals(assignee)) assignee = me;
    String question = blank(p.get("question"));
    if (question != null && !question.equals("true") && !question.equals("false")) {
      throw new Invalid("question", "question must be true or false");
    }
    String tag = blank(p.get("tag"));
    return new InboxFilter(
        blank(p.get("query")),
        blank(p.get("channel")),
        status,
        assignee,
        tag == null ? null : Tags.normalise("tag", tag),
        lower(p.get("sentiment")),
        lower(p.get("language")),
        lower(p.get("mode")),
        question == null ? null : Boolean.valueOf(question),
        day("from", p.get("from")),
        day("to", p.get("to")),
        blank(p.get("q")));
  }

  public Instant fromInstant() {
    return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public Instant toInstant() {
    return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static LocalDate day(String field, String v) {
    String s = blank(v);
    if (s == null) return null;
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new Invalid(field, field + " must be a date like 2026-11-30");
    }
  }

  private static String lower(String v) {
    String s = blank(v);
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }
}
