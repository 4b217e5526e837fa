package dev.chorus.core.alerts;

import dev.chorus.core.workspace.Workspace;
import java.util.Set;

/**
 * Sends an alert to a destination over the network. Implemented by the channels module (webhooks
 * through SafeHttp, email over SMTP); core only records what happened.
 */
public interface AlertSender {
  /**
   * One delivery attempt.
   *
   * @param secret the destination's signing secret, opened; null for email
   * @param deliveryId stable across retries, so a receiver can drop a repeat
   */
  record Message(
      Alert alert,
      Workspace workspace,
      Destination destination,
      String secret,
      String deliveryId,
      int attempt) {}

  /** The kinds this instance can send: email only when SMTP is configured. */
  Set<DestinationKind> kinds();

  /**
   * Sends {@code m} or throws.
   *
   * @throws DeliveryFailure naming what went wrong and whether a later attempt may succeed
   */
  void send(Message m);

  /** Sends nothing: the app without networks (and tests of core alone). */
  AlertSender NONE =
      new AlertSender() {
        @Override
        public Set<DestinationKind> kinds() {
          return Set.of();
        }

        @Override
        public void send(Message m) {
          throw new DeliveryFailure(
              "this server cannot send " + m.destination().kind().key(), false);
        }
      };
}
