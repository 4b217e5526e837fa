package dev.chorus.app.demo;

import dev.chorus.channels.webhook.CreateWebhook;
import dev.chorus.core.Core;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.core.workspace.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the demo workspace once (a team, a pending invitation, two saved queries and a demo
 * channel with sample mentions) and tells the login on every start.
 */
public final class DemoWorkspace {
  public static final String EMAIL = "demo@chorus.example";

  /** The demo login; {@code password} is null when the user has since changed it. */
  public record Login(String email, String password, String workspaceSlug) {}

  private final Core core;
  private final Path dataDir;

  public DemoWorkspace(Core core, Path dataDir) {
    this.core = core;
    this.dataDir = dataDir;
  }

  /** Creates the demo data if the demo user does not exist yet; returns the login. */
  public Login ensure() {
    Path file = dataDir.resolve("demo-login.txt");
    var existing = core.db.read(h -> core.users.byEmail(h, EMAIL));
    if (existing.isPresent()) {
      String password = read(file);
      String hash =
          core.db.read(h -> core.users.passwordHash(h, existing.get().id())).orElseThrow();
      boolean still = password != null && core.hasher.verify(password, hash);
      // The main demo workspace is the one the demo user last opened (set on creation).
      String slug =
          core.db.read(
              h ->
                  core.users
                      .lastWorkspace(h, existing.get().id())
                      .flatMap(id -> core.workspaces.byId(h, new WorkspaceId(id)))
                      .map(Workspace::slug)
                      .orElse(null));
      return new Login(EMAIL, still ? password : null, slug);
    }
    String password = Tokens.random("", 12);
    Workspace main =
        core.db.inTransaction(
            h -> {
              User owner = core.createUser.create(h, EMAIL, "Dana Demo", password);
              Workspace w = core.createWorkspace.create(h, owner, "Northwind Coffee", null);
              core.createWorkspace.create(h, owner, "Harbor Books (client)", null);
              for (var p :
                  List.of(
                      new Object[] {"ana@northwind.example", "Ana Ortiz", Role.ADMIN},
                      new Object[] {"ben@northwind.example", "Ben Okafor", Role.EDITOR},
                      new Object[] {"chloe@northwind.example", "Chloé Martin", Role.CONTRIBUTOR},
                      new Object[] {"dev@northwind.example", "Dev Patel", Role.VIEWER})) {
                // Teammates cannot sign in: their passwords are random and never shown.
                User u =
                    core.createUser.create(h, (String) p[0], (String) p[1], Tokens.random("", 24));
                core.members.add(h, w.id(), u.id(), (Role) p[2]);
              }
              core.users.rememberWorkspace(h, owner.id(), w.id().value());
              return w;
            });
    User owner = core.db.read(h -> core.users.byEmail(h, EMAIL)).orElseThrow();
    Actor actor = new Actor(owner, main, Role.OWNER, null);
    core.inviteMember.invite(actor, "sam@agency.example", Role.EDITOR);
    listen(actor);
    write(file, password);
    return new Login(EMAIL, password, main.slug());
  }

  /**
   * A saved query and a webhook channel, labelled as the demo's, holding a few sample mentions that
   * went through the same path as real ones (annotated, matched, stored).
   */
  private void listen(Actor actor) {
    core.saveQuery.save(
        actor,
        null,
        new SaveQuery.Draft(
            "Northwind mentions", "northwind OR #northwind OR @northwind", List.of()));
    core.saveQuery.save(
        actor,
        null,
        new SaveQuery.Draft(
            "Oat latte feedback",
            "(\"oat latte\" OR oatlatte) NEAR/10 (love OR hate OR worth)",
            List.of()));
    Channel demo =
        new CreateWebhook(core.connectChannel)
            .create(actor, "Demo network (sample mentions)")
            .channel();
    Instant now = core.clock.instant();
    List<InboundItem> items = new ArrayList<>();
    String[][] samples = {
      {
        "@mara",
        "Mara K.",
        "Does #northwind open early on Sundays? Need my coffee before the market"
      },
      {"@jtorres", "J. Torres", "Honestly the oat latte at Northwind is worth every cent, love it"},
      {
        "@linh",
        "Linh",
        "Waited 25 minutes at Northwind downtown and my order was wrong. Not great."
      },
      {"@coffeeguide", "Coffee Guide", "Best roasters this winter: @northwind, Bean There, Kiln"},
      {"@paulo", "Paulo", "O café da Northwind é excelente, recomendo muito!"},
      {"@sam", "Sam", "Traffic on the bridge again this morning"},
    };
    for (int i = 0; i < samples.length; i++) {
      items.add(
          new InboundItem(
              Network.WEBHOOK,
              "mention",
              new RemoteRef("demo-" + (i + 1), null, null),
              samples[i][0],
              samples[i][1],
              null,
              null,
              samples[i][2],
              now.minus(Duration.ofHours(3L * (samples.length - i))),
              null,
              null));
    }
    var annotated = core.annotateItems.annotate(demo, items);
    core.db.inTransaction(h -> core.channels.storeItems(h, demo, annotated, core.ids::next, now));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void write(Path file, String password) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
