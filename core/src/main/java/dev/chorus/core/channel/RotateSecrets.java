package dev.chorus.core.channel;

import dev.chorus.core.security.SecretBox;
import dev.chorus.core.store.Database;
import java.util.List;

/**
 * Re-seals every stored channel secret under a new key, in one transaction. Secrets already under
 * the new key are left alone, so an interrupted rotation can simply be run again.
 */
public final class RotateSecrets {
  private final Database db;

  public RotateSecrets(Database db) {
    this.db = db;
  }

  /** Returns how many secrets were re-sealed. */
  public int rotate(SecretBox from, SecretBox to) {
    return db.inTransaction(
        h -> {
          record Row(String id, String secret) {}
          List<Row> rows =
              h.createQuery("SELECT id, secret FROM channels WHERE secret IS NOT NULL")
                  .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("secret")))
                  .list();
          int n = 0;
          for (Row r : rows) {
            if (r.secret().startsWith("v1." + to.keyId() + ".")) continue;
            String aad = "channel:" + r.id();
            String plain = from.open(r.secret(), aad);
            h.createUpdate("UPDATE channels SET secret = :s WHERE id = :id")
                .bind("s", to.seal(plain, aad))
                .bind("id", r.id())
                .execute();
            n++;
          }
          // Alert webhooks' signing secrets are sealed the same way, bound to their own ids.
          List<Row> destinations =
              h.createQuery("SELECT id, secret FROM alert_destinations WHERE secret IS NOT NULL")
                  .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("secret")))
                  .list();
          for (Row r : destinations) {
            if (r.secret().startsWith("v1." + to.keyId() + ".")) continue;
            String aad = "alert-destination:" + r.id();
            h.createUpdate("UPDATE alert_destinations SET secret = :s WHERE id = :id")
                .bind("s", to.seal(from.open(r.secret(), aad), aad))
                .bind("id", r.id())
                .execute();
            n++;
          }
          return n;
        });
  }
}
