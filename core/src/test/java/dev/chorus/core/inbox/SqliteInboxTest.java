package dev.chorus.core.inbox;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteInboxTest extends InboxContract {
  @TempDir Path folder;

  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.sqlite(folder);
  }
}
