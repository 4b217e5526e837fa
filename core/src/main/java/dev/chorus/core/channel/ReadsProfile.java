package dev.chorus.core.channel;

import java.util.List;

/** A connector that can read the connected account's public profile. */
public interface ReadsProfile extends Connector {
  Profile profile();

  /**
   * The account as others see it.
   *
   * @param followers -1 when the network does not say
   */
  record Profile(
      String handle,
      String displayName,
      String bio,
      List<String> links,
      String avatarUrl,
      long followers) {}
}
