package dev.chorus.core.setup;

import dev.chorus.core.account.CreateUser;
import dev.chorus.core.account.User;
import dev.chorus.core.account.UserStore;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.CreateWorkspace;
import dev.chorus.core.workspace.Workspace;
import java.time.Clock;

/** Redeems the setup secret: creates the owner account and the first workspace, once. */
public final class CompleteSetup {
  /** The new owner and their workspace. */
  public record Done(User owner, Workspace workspace) {}

  private final Database db;
  private final UserStore users;
  private final CreateUser createUser;
  private final CreateWorkspace createWorkspace;
  private final AuditLog audit;
  private final Clock clock;

  public CompleteSetup(
      Database db,
      UserStore users,
      CreateUser createUser,
      CreateWorkspace createWorkspace,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.createUser = createUser;
    this.createWorkspace = createWorkspace;
    this.audit = audit;
    this.clock = clock;
  }

  /** Throws {@link NotFound} unless {@code secret} is the live setup secret. */
  public void check(String secret) {
    db.read(h -> live(h, secret));
  }

  /**
   * @throws NotFound when the link is unknown, used or expired, or setup already happened
   * @throws dev.chorus.core.error.Invalid naming the field at fault
   */
  public Done complete(
      String secret, String email, String name, String password, String workspace, String ip) {
    try {
      CreateWorkspace.validName(workspace);
    } catch (Invalid e) {
      // The setup form calls the workspace's name "workspace"; "name" is the person's.
      throw new Invalid("workspace", e.getMessage());
    }
    return db.inTransaction(
        h -> {
          String hash = live(h, secret);
          User owner = createUser.create(h, email, name, password);
          Workspace w = createWorkspace.create(h, owner, workspace, ip);
          h.createUpdate("UPDATE setup_tokens SET used_at = :now WHERE token_hash = :hash")
              .bind("now", clock.millis())
              .bind("hash", hash)
              .execute();
          audit.record(
              h,
              w.id(),
              new AuditLog.Who(owner.id().value(), owner.displayName(), ip),
              "instance.setup",
              owner.email(),
              "first owner account");
          return new Done(owner, w);
        });
  }

  private String live(org.jdbi.v3.core.Handle h, String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      throw new NotFound("This setup link is not valid.");
    }
    if (users.count(h) > 0) {
      throw new NotFound("Chorus is already set up. Sign in instead.");
    }
    String hash = Tokens.hash(secret);
    var exp =
        h.createQuery(
                "SELECT expires_at FROM setup_tokens WHERE token_hash = :hash AND used_at IS NULL")
            .bind("hash", hash)
            .mapTo(Long.class)
            .findOne()
            .orElseThrow(
                () ->
                    new NotFound(
                        "This setup link is not valid. Restart Chorus to print a new one."));
    if (clock.millis() >= exp) {
      throw new NotFound("This setup link expired. Restart Chorus to print a new one.");
    }
    return hash;
  }
}
