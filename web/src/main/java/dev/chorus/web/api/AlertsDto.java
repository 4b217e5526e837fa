package dev.chorus.web.api;

import dev.chorus.core.alerts.Alert;
import dev.chorus.core.alerts.AlertRule;
import dev.chorus.core.alerts.Delivery;
import dev.chorus.core.alerts.Destination;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of alerts, alert rules and alert destinations. No shape carries a webhook's
 * signing secret except {@link DestinationCreated}, once; a webhook address is shown with any
 * credentials in it ({@code https://user:password@host/...}) replaced by {@code ***} ({@link
 * Destination#shown}).
 */
public final class AlertsDto {
  private AlertsDto() {}

  /**
   * One alert with the figures the Alerts page shows. {@code state}: unacknowledged or
   * acknowledged. {@code window_minutes}: the recent window's length; {@code negative_share} and
   * {@code baseline_share} are 0 to 1. {@code query_id} is null for the workspace-wide rule or a
   * deleted query.
   */
  public record AlertJson(
      String id,
      String kind,
      String headline,
      boolean followUp,
      String scope,
      @Nullable String queryId,
      String queryName,
      Instant firedAt,
      Instant episodeStartedAt,
      Instant windowStart,
      Instant windowEnd,
      long windowMinutes,
      long windowCount,
      long windowNegative,
      double negativeShare,
      double baselineMean,
      double baselineSd,
      double baselineShare,
      double score,
      String state,
      @Nullable String acknowledgedById,
      @Nullable String acknowledgedByName,
      @Nullable Instant acknowledgedAt,
      List<AlertDeliveryJson> deliveries) {
    static AlertJson of(Alert a, List<Delivery> deliveries) {
      return new AlertJson(
          a.id(),
          a.kind().key(),
          a.headline(),
          a.followUp(),
          a.scope(),
          a.queryId(),
          a.scopeName(),
          a.firedAt(),
          a.episodeStartedAt(),
          a.windowStart(),
          a.windowEnd(),
          Duration.between(a.windowStart(), a.windowEnd()).toMinutes(),
          a.windowCount(),
          a.windowNegative(),
          a.share(),
          a.baselineMean(),
          a.baselineSd(),
          a.baselineShare(),
          a.score(),
          a.acknowledged() ? "acknowledged" : "unacknowledged",
          a.acknowledgedBy(),
          a.acknowledgedByName(),
          a.acknowledgedAt(),
          deliveries.stream().map(AlertDeliveryJson::of).toList());
    }
  }

  /**
   * One alert's delivery to one destination. {@code status}: pending, sent or failed; {@code
   * next_attempt_at} is set while a pending delivery waits for its next try.
   */
  public record AlertDeliveryJson(
      String destinationId,
      String kind,
      String target,
      String status,
      int attempts,
      @Nullable String lastError,
      @Nullable Instant nextAttemptAt,
      @Nullable Instant sentAt) {
    static AlertDeliveryJson of(Delivery d) {
      return new AlertDeliveryJson(
          d.destinationId(),
          d.kind().key(),
          Destination.shown(d.kind(), d.target()),
          d.status(),
          d.attempts(),
          Destination.withoutCredentials(d.kind(), d.target(), d.lastError()),
          d.nextAttemptAt(),
          d.sentAt());
    }
  }

  /**
   * The rule in force for one scope: a saved query's id, or {@code workspace} for the rule over
   * every item (off until someone turns it on). {@code window} and {@code cooldown} are minutes,
   * {@code baseline} hours. {@code paused}: the query is disabled, so its rule is not checked.
   */
  public record AlertRuleJson(
      String scope,
      @Nullable String queryId,
      String name,
      boolean paused,
      boolean volume,
      boolean negative,
      int window,
      int baseline,
      String sensitivity,
      int minCount,
      int cooldown) {
    static AlertRuleJson of(
        String scope, String queryId, String name, boolean paused, AlertRule r) {
      return new AlertRuleJson(
          scope,
          queryId,
          name,
          paused,
          r.volume(),
          r.negative(),
          (int) r.window().toMinutes(),
          (int) r.baseline().toHours(),
          r.sensitivity().key(),
          r.minCount(),
          (int) r.coolDown().toMinutes());
    }
  }

  /**
   * A change to a rule; a field left out keeps its value. {@code window}: 5, 15, 30 or 60 minutes;
   * {@code baseline}: 24 or 168 hours; {@code sensitivity}: low, medium or high; {@code min_count}:
   * 1 to 100000; {@code cooldown}: 15, 30, 60, 120, 240, 720 or 1440 minutes.
   */
  public record AlertRuleRequest(
      @Nullable Boolean volume,
      @Nullable Boolean negative,
      @Nullable Integer window,
      @Nullable Integer baseline,
      @Nullable String sensitivity,
      @Nullable Integer minCount,
      @Nullable Integer cooldown) {}

  /** Where alerts go besides the app: a webhook (its address) or an email address. */
  public record DestinationJson(String id, String kind, String target, Instant createdAt) {
    static DestinationJson of(Destination d) {
      return new DestinationJson(d.id(), d.kind().key(), d.shownTarget(), d.createdAt());
    }
  }

  /** {@code kind} webhook with {@code url}, or email with {@code email}. */
  public record DestinationRequest(String kind, @Nullable String url, @Nullable String email) {}

  /**
   * A new destination; {@code secret} is a webhook's signing secret, shown only in this answer
   * (null for email).
   */
  public record DestinationCreated(DestinationJson destination, @Nullable String secret) {}
}
