package dev.chorus.channels.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.core.alerts.Alert;
import dev.chorus.core.alerts.AlertSender;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON an alert webhook receives, and the link to the alert in Chorus. */
final class AlertPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertPayload() {}

  /** Where the alert is seen in Chorus. */
  static String link(String publicUrl, AlertSender.Message m) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + "/w/" + m.workspace().slug() + "/alerts#alert-" + m.alert().id();
  }

  static String json(String publicUrl, AlertSender.Message m) {
    Alert a = m.alert();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("type", "chorus.alert");
    root.put("id", a.id());
    root.put("delivery_id", m.deliveryId());
    root.put("workspace", m.workspace().slug());
    root.put("kind", a.kind().key());
    root.put("follow_up", a.followUp());
    root.put("summary", a.headline());
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("query_id", a.queryId());
    scope.put("name", a.scopeName());
    root.put("scope", scope);
    root.put("fired_at", a.firedAt().toString());
    root.put("episode_started_at", a.episodeStartedAt().toString());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("start", a.windowStart().toString());
    window.put("end", a.windowEnd().toString());
    window.put("count", a.windowCount());
    window.put("negative", a.windowNegative());
    root.put("window", window);
    Map<String, Object> baseline = new LinkedHashMap<>();
    baseline.put("mean", a.baselineMean());
    baseline.put("sd", a.baselineSd());
    baseline.put("negative_share", a.baselineShare());
    root.put("baseline", baseline);
    root.put("score", a.score());
    try {
      root.put("detail", JSON.readTree(a.detail()));
      root.put("url", link(publicUrl, m));
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert could not be written as JSON", e);
    }
  }
}
