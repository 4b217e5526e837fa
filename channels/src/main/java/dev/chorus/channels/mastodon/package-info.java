/**
 * Mastodon (and Mastodon-API servers) through the REST and streaming APIs.
 *
 * <p>Entry points: {@link dev.chorus.channels.mastodon.MastodonOAuth} connects an account (app
 * registration per instance, authorization code with PKCE S256 and a state, token revocation);
 * {@link dev.chorus.channels.mastodon.MastodonConnector} is the connected account: it publishes
 * statuses and threads ({@code Idempotency-Key}, visibility, language, content warning, replies,
 * media through {@code /api/v2/media} with alt text, waiting out the asynchronous 202), reads
 * notifications forward from a cursor, reads hashtag timelines and search as listening sources,
 * streams over WebSocket with reconnection, and reads the profile and the instance's limits. The
 * sealed secret is {@link dev.chorus.channels.mastodon.MastodonCredentials} as JSON.
 *
 * <p>Moving parts: {@code MastodonClient} (every call through {@code SafeHttp}, the bearer token,
 * the rate limit honoured from {@code X-RateLimit-*} and 429), {@link
 * dev.chorus.channels.mastodon.MastodonErrors} (one method classifying refusals), {@code
 * ReadForward} ({@code min_id} paging with the {@code Link} header), {@code MastodonItems}
 * (entities to items, HTML to text through jsoup), {@code PublishStatus}, {@code MastodonStream}.
 */
package dev.chorus.channels.mastodon;
