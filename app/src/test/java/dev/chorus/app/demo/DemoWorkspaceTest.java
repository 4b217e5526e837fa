package dev.chorus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.Browser;
import dev.chorus.app.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceTest {
  @TempDir Path dir;

  @Test
  void theDemoIsCreatedOnceAndItsRandomLoginWorks() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      var first = new DemoWorkspace(app.core(), dir).ensure();
      var again = new DemoWorkspace(app.core(), dir).ensure();
      assertThat(again).isEqualTo(first);
      assertThat(first.password()).hasSizeGreaterThanOrEqualTo(16);
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir.resolve("demo-login.txt"))))
          .isEqualTo("rw-------");
      Browser b = new Browser(app.url()).signIn(first.email(), first.password());
      var members = b.get("/w/" + first.workspaceSlug() + "/members");
      assertThat(members.statusCode()).isEqualTo(200);
      assertThat(members.body()).contains("Ana Ortiz").contains("sam@agency.example");
      assertThat(b.get("/w/harbor-books-client").statusCode()).isEqualTo(200);
      assertThat(b.get("/w/" + first.workspaceSlug() + "/queries").body())
          .contains("Northwind mentions")
          .contains("Oat latte feedback");
      String channels = b.get("/w/" + first.workspaceSlug() + "/channels").body();
      assertThat(channels).contains("Demo network (sample mentions)");
      int matched =
          app.core()
              .db
              .read(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM item_matches")
                          .mapTo(Integer.class)
                          .one());
      // Five samples name Northwind; the oat latte one also matches its own query.
      assertThat(matched).isEqualTo(6);
    }
  }

  @Test
  void afterThePasswordChangesTheDemoNoLongerPrintsTheOldOne() {
    try (TestApp app = TestApp.start(dir)) {
      var login = new DemoWorkspace(app.core(), dir).ensure();
      var user = app.core().db.read(h -> app.core().users.byEmail(h, login.email())).orElseThrow();
      app.core().changePassword.change(user, login.password(), "my own new password", null);
      assertThat(new DemoWorkspace(app.core(), dir).ensure().password()).isNull();
    }
  }
}
