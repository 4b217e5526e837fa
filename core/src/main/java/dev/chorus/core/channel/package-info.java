/**
 * The channel layer's contract: what Chorus needs from a network, as small capability interfaces a
 * connector implements only where the network can ({@link dev.chorus.core.channel.Publishes},
 * {@link dev.chorus.core.channel.ReadsMentions}, {@link dev.chorus.core.channel.Streams}, {@link
 * dev.chorus.core.channel.ReadsProfile}, {@link dev.chorus.core.channel.ReadsPostMetrics}, {@link
 * dev.chorus.core.channel.ReadsFollowers}). A post says who may see it ({@link
 * dev.chorus.core.channel.Visibility}); a network that cannot honour that refuses it. A connector
 * declares its {@link dev.chorus.core.channel.ChannelLimits}; the UI hides what a channel cannot
 * do. Connectors live in the {@code channels} module, one package per network; failures are {@link
 * dev.chorus.core.channel.ChannelFailure}s classified retryable or not in one place.
 */
package dev.chorus.core.channel;
