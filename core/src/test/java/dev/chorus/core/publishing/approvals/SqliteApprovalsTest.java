package dev.chorus.core.publishing.approvals;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteApprovalsTest extends ApprovalsContract {
  @TempDir Path folder;

  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.sqlite(folder);
  }
}
