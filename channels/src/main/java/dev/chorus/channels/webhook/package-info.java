/**
 * The inbound webhook source: anything else can push mentions into Chorus. Each webhook channel has
 * its own signing secret; a request is accepted only with {@code X-Chorus-Timestamp} within the
 * replay window and {@code X-Chorus-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." +
 * body))}. {@link dev.chorus.channels.webhook.ReceiveWebhook} verifies, parses and stores.
 */
package dev.chorus.channels.webhook;
