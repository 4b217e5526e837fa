package dev.chorus.app.demo;

import dev.chorus.channels.demo.DemoNetwork;
import dev.chorus.core.Core;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
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
import java.util.List;
import java.util.Objects;

/**
 * Creates the demo workspace once (a team, a pending invitation, saved queries and a channel on the
 * simulated demo network, already holding the last two hours of its audience's posts) and tells the
 * login on every start.
 */
public final class DemoWorkspace {
  public static final String EMAIL = "demo@chorus.example";

  /** The demo channel's name: it says what it is wherever it is listed. */
  public static final String CHANNEL_NAME = "Demo network: Northwind Coffee's audience (simulated)";

  /** The demo audience's seed: every demo hears the same stream, shifted to its own start. */
  static final long SEED = 20261130L;

  /** How much the audience has already said when the demo opens. */
  static final Duration HISTORY = Duration.ofHours(2);

  /** How often the demo channel is read, in seconds. */
  static final int POLL_SECONDS = 5;

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
   * The saved queries and a channel on the demo network, labelled as the demo's: its audience
   * started talking two hours ago, so the channel is read up to now before the demo opens (through
   * the same path as every channel: annotated, matched, threaded, stored), then every few seconds.
   */
  private void listen(Actor actor) {
    // The brand's name, less the posts that use the word in another sense (the sample database,
    // the wind, the ferry, the band, the street).
    core.saveQuery.save(
        actor,
        null,
        new SaveQuery.Draft(
            "Northwind mentions",
            "(northwind OR @northwindcoffee OR #northwind) NOT (traders OR sql OR database OR dbo"
                + " OR tutorial OR gusts OR ferry OR band OR street OR lake OR souffle OR sturmböen"
                + " OR sopla OR soprando OR バンド)",
            List.of()));
    core.saveQuery.save(
        actor,
        null,
        new SaveQuery.Draft(
            "Oat latte feedback",
            "(\"oat latte\" OR \"latte à l'avoine\" OR \"hafer latte\" OR \"latte de avena\" OR"
                + " \"latte de aveia\" OR オーツラテ) NEAR/12 (love OR worth OR best OR lukewarm OR"
                + " sweetened OR ruined OR prices OR excellent OR adore OR wert OR vale OR encanta OR"
                + " 美味しい OR 甘い)",
            List.of()));
    core.saveQuery.save(
        actor,
        null,
        new SaveQuery.Draft(
            "Orders and shipping problems",
            "\"hasn't arrived\" OR \"split open\" OR \"charged me twice\" OR \"charge twice\" OR"
                + " checkout OR \"got decaf\" OR \"pas arrivé\" OR \"nicht da\" OR \"sin llegar\" OR"
                + " \"não chegou\" OR 届かない",
            List.of()));
    Instant now = core.clock.instant();
    Channel demo =
        core.connectChannel.connect(
            actor,
            new ConnectChannel.Spec(
                Network.DEMO,
                CHANNEL_NAME,
                "@northwindcoffee on the demo network",
                DemoNetwork.settings(SEED, now.minus(HISTORY), POLL_SECONDS),
                null,
                null));
    // Two hours of history, a few hundred items per read: caught up in a handful of reads, when
    // a read no longer moves the channel's position.
    String before = null;
    for (int read = 0; read < 50; read++) {
      Channel current =
          core.db.read(h -> core.channels.find(h, actor.workspace().id(), demo.id())).orElseThrow();
      if (read > 0 && Objects.equals(current.cursor(), before)) break;
      before = current.cursor();
      if (core.pollChannel.poll(current).error() != null) break;
    }
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
