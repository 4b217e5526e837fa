package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.bluesky.BlueskySession;
import dev.chorus.channels.bluesky.LocalPds;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.token.TokenScope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product against the real reference PDS and PLC directory from npm, started on loopback by
 * {@code scripts/interop} and configured as the instance's Bluesky directory: an account connected
 * through the form and through the API, a post published through the stored channel, a token the
 * PDS refuses renewed and stored, and a revoked app password refused with "reconnect".
 */
@Tag("interop")
class BlueskyInteropAppTest {
  @TempDir Path dir;
  LocalPds peer;
  TestApp app;

  @BeforeEach
  void start() {
    peer = LocalPds.fromEnvironment();
    // The reference PDS resolves the handles it hosts, so it stands in for the AppView here.
    app = TestApp.start(dir, c -> c.withBluesky(new Config.Bluesky(peer.pds, peer.plc)), null);
    app.workspace(app.user("owner@example.com"), "Acme");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void anAccountConnectedInTheFormPublishesAndItsRefreshedTokensAreStored() {
    LocalPds.Account alice = peer.createAccount("alice");
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/channels");
    var done =
        b.post(
            "/w/acme/channels/bluesky",
            "bluesky_handle",
            "@" + alice.handle(),
            "app_password",
            alice.password());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    Channel c = onlyChannel();
    assertThat(c.settings()).containsEntry("did", alice.did());
    assertThat(c.tokenExpiresAt()).isAfter(Instant.now());
    // The reference PDS alone has no AppView: the first read says so on the channel's health.
    assertThat(c.lastError()).contains("no AppView");

    Published published = publish(c, "Hello from Chorus ☕ #interop", "interop-1");
    JsonNode record =
        peer.get(
            "com.atproto.repo.getRecord?repo="
                + alice.did()
                + "&collection=app.bsky.feed.post&rkey="
                + published.rkey());
    assertThat(record.at("/value/text").asText()).isEqualTo("Hello from Chorus ☕ #interop");

    // An access token the PDS refuses is renewed with the refresh token, and the new pair stored.
    BlueskySession.Credentials before = stored(c.id());
    spoilAccessToken(c.id());
    publish(c, "After a refresh", "interop-2");
    BlueskySession.Credentials after = stored(c.id());
    assertThat(after.refreshJwt()).isNotEqualTo(before.refreshJwt());
    assertThat(after.accessJwt()).isNotEqualTo("spoiled");
    // The stored refresh token is the live one: a second renewal works from it.
    spoilAccessToken(c.id());
    publish(c, "After a second refresh", "interop-3");
    assertThat(stored(c.id()).refreshJwt()).isNotEqualTo(after.refreshJwt());
  }

  @Test
  void anAccountConnectedThroughTheApiAsksForAReconnectOnceItsAppPasswordIsRevoked() {
    LocalPds.Account bob = peer.createAccount("bob");
    Api api = ownerApi();
    var created =
        api.send(
            "POST",
            "/api/v1/channels/bluesky",
            "{\"handle\":\"" + bob.handle() + "\",\"app_password\":\"" + bob.password() + "\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.raw()).doesNotContain(bob.password());
    String id = created.json().get("id").asText();

    var wrong =
        api.send(
            "POST",
            "/api/v1/channels/bluesky",
            "{\"handle\":\"" + bob.handle() + "\",\"app_password\":\"wrong-pass-word\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.raw()).contains("app_password");

    // Bob revokes the app password in Bluesky: its sessions end and it no longer signs in.
    peer.post(
        "com.atproto.server.revokeAppPassword",
        LocalPds.JSON.createObjectNode().put("name", "chorus").toString(),
        bob.accessJwt());
    spoilAccessToken(new ChannelId(id));
    Channel c = onlyChannel();
    assertThatThrownBy(() -> publish(c, "Never sent", "interop-revoked"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("reconnect the channel")
        .matches(e -> !((ChannelFailure) e).retryable());
    // (Reads cannot show it here: the reference PDS answers app.bsky reads with "no AppView"
    // before it looks at the token. BlueskyConnectTest shows the health message on a read.)
  }

  /** The record key of a published post. */
  private record Published(String uri) {
    String rkey() {
      return uri.substring(uri.lastIndexOf('/') + 1);
    }
  }

  private Published publish(Channel c, String text, String key) {
    var connector = app.core().connectors.open(c, open(c.id()));
    var ref =
        ((Publishes) connector).publish(new OutgoingPost(text, null, List.of(), null, "en"), key);
    return new Published(ref.id());
  }

  /** Replaces the stored access token with one the PDS cannot verify. */
  private void spoilAccessToken(ChannelId id) {
    BlueskySession.Credentials c = stored(id);
    BlueskySession.Credentials spoiled =
        new BlueskySession.Credentials(
            c.handle(), c.did(), c.pds(), c.appPassword(), "spoiled", c.refreshJwt());
    String sealed = app.core().channelSecrets.seal(id, spoiled.toJson());
    app.core()
        .db
        .inTransaction(
            h ->
                h.createUpdate("UPDATE channels SET secret = :s WHERE id = :id")
                    .bind("s", sealed)
                    .bind("id", id.value())
                    .execute());
  }

  private BlueskySession.Credentials stored(ChannelId id) {
    return BlueskySession.Credentials.fromJson(open(id));
  }

  private String open(ChannelId id) {
    return app.core()
        .channelSecrets
        .open(id, app.core().db.read(h -> app.core().channels.sealedSecret(h, id)).orElseThrow());
  }

  private Channel onlyChannel() {
    var ws = app.core().db.read(h -> app.core().workspaces.bySlug(h, "acme")).orElseThrow();
    return app.core().db.read(h -> app.core().channels.list(h, ws.id())).get(0);
  }

  private Api ownerApi() {
    var owner =
        app.core().db.read(h -> app.core().users.byEmail(h, "owner@example.com")).orElseThrow();
    var ws = app.core().db.read(h -> app.core().workspaces.bySlug(h, "acme")).orElseThrow();
    return new Api(
        app.url(),
        app.core()
            .issueToken
            .issue(new Actor(owner, ws, Role.OWNER, null), "t", TokenScope.WRITE, 0)
            .secret());
  }
}
