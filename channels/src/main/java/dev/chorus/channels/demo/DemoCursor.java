package dev.chorus.channels.demo;

import dev.chorus.core.channel.ChannelFailure;

/**
 * Where a reader of a demo channel is: the last stream position it has, and the last answer to the
 * brand's posts. Written {@code "1234"}, or {@code "1234/5"} once answers were read.
 */
record DemoCursor(long stream, long answers) {
  DemoCursor {
    if (stream < 0 || answers < 0) throw new IllegalArgumentException("negative cursor");
  }

  /** Reads a stored cursor; null is the start of the stream. */
  static DemoCursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) return new DemoCursor(0, 0);
    String[] parts = cursor.strip().split("/", -1);
    try {
      if (parts.length == 1) return new DemoCursor(Long.parseLong(parts[0]), 0);
      if (parts.length == 2) {
        return new DemoCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the failure below.
    }
    throw new ChannelFailure(
        "The demo network does not understand the stored position '"
            + cursor
            + "'; disconnect this channel and start the demo again.",
        false,
        null,
        0,
        null);
  }

  @Override
  public String toString() {
    return answers == 0 ? Long.toString(stream) : stream + "/" + answers;
  }
}
