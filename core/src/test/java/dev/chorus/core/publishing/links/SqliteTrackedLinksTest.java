package dev.chorus.core.publishing.links;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrackedLinksTest extends TrackedLinksContract {
  @TempDir Path folder;

  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.sqlite(folder);
  }
}
