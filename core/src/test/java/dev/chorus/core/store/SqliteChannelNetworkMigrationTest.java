package dev.chorus.core.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteChannelNetworkMigrationTest extends ChannelNetworkMigrationContract {
  @TempDir Path folder;

  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.sqlite(folder);
  }
}
