package dev.chorus.core.publishing.links;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.function.Supplier;

/** The tracked-link services, wired once by {@code Core}. Fields are public and final: wiring. */
public final class TrackedLinks {
  public final LinkStore store;
  public final LinkCodes codes;
  public final WrapLinks wrap;
  public final FollowLink follow;
  public final LinkStats stats;
  public final ChangeLinkSettings changeSettings;

  /**
   * @param publicUrl the address people reach Chorus at; answers null while it is unknown
   */
  public TrackedLinks(
      Database db, InstanceKey key, AuditLog audit, Supplier<String> publicUrl, Clock clock) {
    this.store = new LinkStore();
    this.codes = new LinkCodes(key);
    this.wrap = new WrapLinks(db, store, codes, publicUrl, clock);
    this.follow = new FollowLink(db, store, clock);
    this.stats = new LinkStats(db, store, clock);
    this.changeSettings = new ChangeLinkSettings(db, store, audit, clock);
  }
}
