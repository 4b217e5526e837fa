/**
 * Bluesky over the AT Protocol. Entry points: {@link dev.chorus.channels.bluesky.ConnectBluesky}
 * (the connect form: handle and app password), {@link dev.chorus.channels.bluesky.BlueskyConnector}
 * (publish, quote, delete, notifications, search, profile) and {@link
 * dev.chorus.channels.bluesky.JetstreamConsumer} (the firehose as JSON over a WebSocket, resumable
 * from a {@code time_us} cursor).
 *
 * <p>Moving parts: {@link dev.chorus.channels.bluesky.BlueskyDirectory} finds an account's PDS
 * (handle → DID → DID document → {@code #atproto_pds}); {@link
 * dev.chorus.channels.bluesky.BlueskySession} signs in and keeps the tokens fresh; {@code
 * PublishPost} writes post records under a {@link dev.chorus.channels.bluesky.RecordKeys record
 * key} derived from the idempotency key; {@link dev.chorus.channels.bluesky.Facets} finds links,
 * mentions and tags with UTF-8 byte offsets; {@link dev.chorus.channels.bluesky.BlueskyErrors}
 * turns XRPC errors into failures classified retryable or not. Every HTTP call goes through {@code
 * SafeHttp}.
 */
package dev.chorus.channels.bluesky;
