package dev.chorus.channels.bluesky;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import java.time.Clock;
import java.util.Map;

/**
 * Connects a Bluesky account from what a person typed: a handle and an app password. The PDS is
 * found from the handle and the DID document, the password is checked by signing in, and the
 * credentials (app password and tokens) are stored sealed. A handle or password the network refuses
 * is the input at fault: {@link Invalid} on {@code handle} or {@code app_password} (an account
 * already connected here, or not active, on {@code handle}); a network that cannot be reached is a
 * {@link ChannelFailure}. The password is never part of a message.
 */
public final class ConnectBluesky {
  private final BlueskyDirectory directory;
  private final ConnectChannel connectChannel;
  private final Clock clock;

  public ConnectBluesky(BlueskyDirectory directory, ConnectChannel connectChannel, Clock clock) {
    this.directory = directory;
    this.connectChannel = connectChannel;
    this.clock = clock;
  }

  /**
   * @param name null or blank to use the handle
   */
  public Channel connect(Actor actor, String handle, String appPassword, String name) {
    actor.require(Role.ADMIN, "connect channels");
    String h = BlueskyDirectory.normalizeHandle(handle);
    if (h == null) {
      throw new Invalid("handle", "enter a Bluesky handle, like name.bsky.social");
    }
    if (appPassword == null || appPassword.isBlank()) {
      throw new Invalid(
          "app_password",
          "enter an app password (Bluesky: Settings → Privacy and security → App passwords)");
    }
    BlueskyDirectory.Identity who;
    try {
      who = directory.identify(h);
    } catch (ChannelFailure e) {
      if (e.retryable()) throw e;
      throw new Invalid("handle", e.getMessage());
    }
    BlueskySession session;
    try {
      session = BlueskySession.signIn(directory, who.handle(), appPassword.strip(), clock, c -> {});
    } catch (ChannelFailure e) {
      if (e.retryable() || e.status() == 0 || e.status() >= 500) throw e;
      // A suspended or taken-down account is about the account, not the password typed.
      if (BlueskyErrors.accountInactive(e)) throw new Invalid("handle", e.getMessage());
      throw new Invalid(
          "app_password",
          "Bluesky refused this app password for "
              + who.handle()
              + ": check it, or add a new one in Bluesky (Settings → Privacy and security → App"
              + " passwords)");
    }
    BlueskySession.Credentials c = session.credentials();
    try {
      return connectChannel.connect(
          actor,
          new ConnectChannel.Spec(
              Network.BLUESKY,
              name == null || name.isBlank() ? "@" + c.handle() : name,
              c.handle(),
              Map.of("did", c.did(), "pds", c.pds().toString(), "interval_minutes", "5"),
              c.toJson(),
              // The session's end unless refreshed; each refresh stores the new one.
              c.refreshExpiresAt()));
    } catch (Conflict e) {
      signOutQuietly(session);
      throw new Invalid("handle", e.getMessage());
    }
  }

  private static void signOutQuietly(BlueskySession session) {
    try {
      session.signOut();
    } catch (ChannelFailure e) {
      // The unused session simply expires on the PDS.
    }
  }
}
