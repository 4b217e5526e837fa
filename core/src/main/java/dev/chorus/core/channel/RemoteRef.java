package dev.chorus.core.channel;

import java.util.Objects;

/**
 * A post on a network: its id there and, where the network has one, its URL. Bluesky posts also
 * need their content id to be replied to, carried in {@code cid}.
 *
 * @param url null when the network gives none
 * @param cid null except on AT Protocol networks
 */
public record RemoteRef(String id, String url, String cid) {
  public RemoteRef {
    Objects.requireNonNull(id, "id");
  }
}
