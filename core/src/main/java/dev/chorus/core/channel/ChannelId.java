package dev.chorus.core.channel;

/** The id of a connected channel. */
public record ChannelId(String value) {
  public ChannelId {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("channel id is blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
