package dev.chorus.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.channel.ChannelFailure;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connecting an account: app registration, authorization code with PKCE, revocation. */
class MastodonOAuthTest {
  static final URI CALLBACK = URI.create("https://chorus.example/channels/mastodon/callback");
  final FakeMastodon fake = new FakeMastodon();
  final MastodonOAuth oauth = new MastodonOAuth(Fixtures.http(), Clock.systemUTC());

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void oauthWithPkceGetsATokenAndDisconnectRevokesIt() throws Exception {
    MastodonOAuth.App app =
        oauth.register(fake.uri(), "Chorus", CALLBACK, URI.create("https://chorus.example"));
    MastodonOAuth.Authorization auth = oauth.authorize(app);

    Map<String, String> callback = approveInBrowser(auth.url());
    assertThat(auth.matches(callback.get("state"))).isTrue();
    MastodonOAuth.Token token = oauth.exchange(app, callback.get("code"), auth.codeVerifier());
    MastodonCredentials credentials = token.credentials(app);
    MastodonConnector connected =
        Fixtures.connector(fake, Fixtures.http(), credentials.accessToken());

    assertThat(connected.profile().handle()).isEqualTo("@chorus@127.0.0.1");
    assertThat(token.scope()).isEqualTo(MastodonOAuth.SCOPES);
    assertThat(token.expiresAt()).isNull();

    oauth.revoke(fake.uri(), credentials);

    assertThatThrownBy(connected::profile)
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("the token was revoked or expired: reconnect the channel");
    // Revoking again (a retried disconnect) still succeeds.
    oauth.revoke(fake.uri(), credentials);
  }

  @Test
  void theAuthorizeUrlCarriesAnS256ChallengeAStateAndTheScopes() {
    MastodonOAuth.App app = oauth.register(fake.uri(), "Chorus", CALLBACK, null);

    MastodonOAuth.Authorization auth = oauth.authorize(app);
    Map<String, String> q = query(auth.url().getRawQuery());

    assertThat(auth.url().getPath()).isEqualTo("/oauth/authorize");
    assertThat(q)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", app.clientId())
        .containsEntry("redirect_uri", CALLBACK.toString())
        .containsEntry("scope", MastodonOAuth.SCOPES)
        .containsEntry("state", auth.state())
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("code_challenge", MastodonOAuth.challenge(auth.codeVerifier()));
    assertThat(auth.codeVerifier()).matches("[A-Za-z0-9_-]{43,128}");
    assertThat(oauth.authorize(app).state()).isNotEqualTo(auth.state());
    assertThat(auth.matches("forged")).isFalse();
    assertThat(auth.matches(null)).isFalse();
  }

  @Test
  void theChallengeIsRfc7636s() {
    // The example of RFC 7636, appendix B.
    assertThat(MastodonOAuth.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void aCodeExchangedWithTheWrongVerifierIsRefused() throws Exception {
    MastodonOAuth.App app = oauth.register(fake.uri(), "Chorus", CALLBACK, null);
    MastodonOAuth.Authorization auth = oauth.authorize(app);
    Map<String, String> callback = approveInBrowser(auth.url());

    assertThatThrownBy(
            () ->
                oauth.exchange(
                    app, callback.get("code"), "not-the-verifier-at-all-not-the-verifier"))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(400);
              assertThat(f.retryable()).isFalse();
              assertThat(f.getMessage()).contains("The provided authorization grant is invalid");
            });
  }

  @Test
  void aCodeIsGoodForOneExchangeOnly() throws Exception {
    MastodonOAuth.App app = oauth.register(fake.uri(), "Chorus", CALLBACK, null);
    MastodonOAuth.Authorization auth = oauth.authorize(app);
    Map<String, String> callback = approveInBrowser(auth.url());
    oauth.exchange(app, callback.get("code"), auth.codeVerifier());

    assertThatThrownBy(() -> oauth.exchange(app, callback.get("code"), auth.codeVerifier()))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("invalid");
  }

  @Test
  void aUserWhoDeniesAccessComesBackWithoutACode() throws Exception {
    fake.oauth.deny = true;
    MastodonOAuth.App app = oauth.register(fake.uri(), "Chorus", CALLBACK, null);
    MastodonOAuth.Authorization auth = oauth.authorize(app);

    Map<String, String> callback = approveInBrowser(auth.url());

    assertThat(callback).containsEntry("error", "access_denied").doesNotContainKey("code");
    assertThatThrownBy(() -> oauth.exchange(app, callback.get("code"), auth.codeVerifier()))
        .isInstanceOf(ChannelFailure.class)
        .hasMessage("the instance sent no authorization code back: try connecting again");
  }

  @Test
  void aRegistrationTheInstanceRefusesSaysWhy() {
    assertThatThrownBy(() -> oauth.register(fake.uri(), "", CALLBACK, null))
        .isInstanceOf(ChannelFailure.class)
        .hasMessage(
            "127.0.0.1 refused registering Chorus as an app: Validation failed: Application name"
                + " can't be blank");
  }

  @Test
  void credentialsAreStoredAsJsonAndNeverPrinted() {
    MastodonCredentials c = new MastodonCredentials("tok", "cid", "csecret");

    assertThat(MastodonCredentials.parse(c.toJson())).isEqualTo(c);
    assertThat(c.toString()).doesNotContain("tok").doesNotContain("csecret");
    assertThatThrownBy(() -> MastodonCredentials.parse("{\"access_token\":\"x\"}"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessage("the stored Mastodon credentials are unreadable: reconnect the channel");
  }

  /** What the user's browser does: open the page, click Authorize, follow the redirect home. */
  private static Map<String, String> approveInBrowser(URI authorize) throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    URI back = URI.create(page.headers().firstValue("Location").orElseThrow());
    assertThat(back.getScheme() + "://" + back.getAuthority() + back.getPath())
        .isEqualTo(CALLBACK.toString());
    return query(back.getRawQuery());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }
}
