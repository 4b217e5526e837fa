package dev.chorus.core.inbox;

import java.util.Objects;

/** A conversation's id. */
public record ConversationId(String value) {
  public ConversationId {
    Objects.requireNonNull(value, "value");
  }
}
