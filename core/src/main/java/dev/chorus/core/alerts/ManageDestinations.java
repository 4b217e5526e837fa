package dev.chorus.core.alerts;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Adds and removes where a workspace's alerts go (admins and owners). A webhook gets its own
 * signing secret, shown once and kept sealed; email is offered only when the server can send it.
 * The audit names a webhook without the credentials its address may carry.
 */
public final class ManageDestinations {
  /** A new destination, with the webhook's secret (null for email) to show once. */
  public record Added(Destination destination, String secret) {}

  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

  private final Database db;
  private final AlertStore store;
  private final AlertSecrets secrets;
  private final AlertSender sender;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public ManageDestinations(
      Database db,
      AlertStore store,
      AlertSecrets secrets,
      AlertSender sender,
      AuditLog audit,
      Supplier<String> ids,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.secrets = secrets;
    this.sender = sender;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  public Added addWebhook(Actor actor, String url) {
    actor.require(Role.ADMIN, "choose where alerts go");
    String u = url == null ? "" : url.strip();
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null)
        throw new Invalid("url", "give the webhook's address, starting with https://");
    } catch (URISyntaxException e) {
      throw new Invalid("url", "that is not a web address: " + e.getReason());
    }
    if (u.length() > 2000) throw new Invalid("url", "the address is longer than 2000 characters");
    String secret = Tokens.random("whsec_", 32);
    return add(actor, DestinationKind.WEBHOOK, u, secret);
  }

  public Added addEmail(Actor actor, String address) {
    actor.require(Role.ADMIN, "choose where alerts go");
    if (!sender.kinds().contains(DestinationKind.EMAIL))
      throw new Invalid("kind", "this server has no SMTP settings, so it cannot send email");
    String a = address == null ? "" : address.strip();
    if (a.length() > 320 || !EMAIL.matcher(a).matches())
      throw new Invalid("email", "give an email address such as team@example.com");
    return add(actor, DestinationKind.EMAIL, a, null);
  }

  public void remove(Actor actor, String id) {
    actor.require(Role.ADMIN, "choose where alerts go");
    db.inTransaction(
        h -> {
          Destination d =
              store
                  .destination(h, actor.workspace().id(), id)
                  .orElseThrow(() -> new NotFound("There is no such destination here."));
          store.deleteDestination(h, actor.workspace().id(), id);
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "alert_destination.removed",
              d.shownTarget(),
              null);
          return null;
        });
  }

  private Added add(Actor actor, DestinationKind kind, String target, String secret) {
    Destination d =
        new Destination(ids.get(), actor.workspace().id(), kind, target, clock.instant());
    db.inTransaction(
        h -> {
          store.insertDestination(h, d, secrets.seal(d.id(), secret), actor.user().id().value());
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "alert_destination.added",
              d.shownTarget(),
              kind.key());
          return null;
        });
    return new Added(d, secret);
  }
}
