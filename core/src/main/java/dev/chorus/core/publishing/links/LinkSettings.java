package dev.chorus.core.publishing.links;

import dev.chorus.core.error.Invalid;
import java.util.regex.Pattern;

/**
 * A workspace's choice for links in its posts.
 *
 * @param tracking true to send links through /l/{code} and count them
 * @param utmCampaign the utm_campaign they carry: 1 to 64 letters, digits, {@code - _ .}
 */
public record LinkSettings(boolean tracking, String utmCampaign) {
  private static final Pattern CAMPAIGN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public LinkSettings {
    if (utmCampaign == null || !CAMPAIGN.matcher(utmCampaign).matches()) {
      throw new Invalid(
          "utm_campaign",
          "the campaign must be 1 to 64 letters, digits, dots, dashes or underscores, such as"
              + " spring-sale");
    }
  }

  /** Tracking on, campaign "chorus". */
  public static LinkSettings standard() {
    return new LinkSettings(true, "chorus");
  }
}
