/**
 * Every outbound call a connector makes goes through {@link dev.chorus.channels.net.SafeHttp}:
 * connect and read timeouts, a cap on response size, a bounded number of redirects each checked
 * again, no requests to private, loopback or link-local addresses unless the {@link
 * dev.chorus.channels.net.NetworkPolicy} allows them, and retries with backoff and jitter only for
 * failures {@link dev.chorus.channels.net.Retries#classify classified} as retryable.
 */
package dev.chorus.channels.net;
