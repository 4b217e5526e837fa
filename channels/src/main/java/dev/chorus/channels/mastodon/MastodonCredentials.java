package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.core.channel.ChannelFailure;
import java.io.IOException;

/**
 * What a Mastodon channel keeps sealed: the access token, and the app it was issued to (needed to
 * revoke it on disconnect). Stored as the channel's secret in the JSON of {@link #toJson()}.
 */
public record MastodonCredentials(String accessToken, String clientId, String clientSecret) {
  public MastodonCredentials {
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken is blank");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is blank");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException("clientSecret is blank");
    }
  }

  public String toJson() {
    ObjectNode n = MastodonClient.JSON.createObjectNode();
    n.put("access_token", accessToken);
    n.put("client_id", clientId);
    n.put("client_secret", clientSecret);
    return n.toString();
  }

  /**
   * @throws ChannelFailure when the stored secret is not what {@link #toJson()} wrote
   */
  public static MastodonCredentials parse(String json) {
    try {
      JsonNode n = json == null ? null : MastodonClient.JSON.readTree(json);
      if (n == null || !n.isObject()) throw new IOException("not an object");
      return new MastodonCredentials(
          n.path("access_token").asText(null),
          n.path("client_id").asText(null),
          n.path("client_secret").asText(null));
    } catch (IOException | IllegalArgumentException e) {
      throw new ChannelFailure(
          "the stored Mastodon credentials are unreadable: reconnect the channel",
          false,
          null,
          0,
          e);
    }
  }

  @Override
  public String toString() {
    // Never print the secrets.
    return "MastodonCredentials[clientId=" + clientId + "]";
  }
}
