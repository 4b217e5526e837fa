package dev.chorus.core.channel;

/**
 * A connection to one account or feed on one network. A connector implements the capability
 * interfaces its network supports and nothing else. Implementations are thread-safe.
 */
public interface Connector {
  Network network();

  /** The limits of a post here; connectors that cannot publish still answer (for previews). */
  ChannelLimits limits();
}
