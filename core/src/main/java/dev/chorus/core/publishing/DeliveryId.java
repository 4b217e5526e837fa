package dev.chorus.core.publishing;

/** The id of one post's delivery to one channel; also its idempotency key on the network. */
public record DeliveryId(String value) {
  public DeliveryId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("delivery id is blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
