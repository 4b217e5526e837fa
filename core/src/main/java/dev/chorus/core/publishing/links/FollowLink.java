package dev.chorus.core.publishing.links;

import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.Optional;

/**
 * Someone followed {@code /l/{code}}: where to send them, counted as a click for that link and
 * today (UTC), or as a bot hit when the visitor is a machine ({@link Visitors}). Only the count is
 * stored. A target that is not http(s) is never given out.
 */
public final class FollowLink {
  private final Database db;
  private final LinkStore store;
  private final Clock clock;

  public FollowLink(Database db, LinkStore store, Clock clock) {
    this.db = db;
    this.store = store;
    this.clock = clock;
  }

  /**
   * The target of {@code code}, or empty when there is no such link.
   *
   * @param method the request's method (HEAD is a machine's)
   * @param userAgent the request's User-Agent, or null when it sent none
   */
  public Optional<String> follow(String code, String method, String userAgent) {
    if (!LinkCodes.wellFormed(code)) return Optional.empty();
    boolean machine = Visitors.isMachine(method, userAgent);
    long day = Math.floorDiv(clock.millis(), 86_400_000L);
    return db.inTransaction(
        h -> {
          Optional<String> target = store.target(h, code).filter(t -> LinkText.host(t) != null);
          if (target.isPresent()) store.count(h, code, day, machine);
          return target;
        });
  }
}
