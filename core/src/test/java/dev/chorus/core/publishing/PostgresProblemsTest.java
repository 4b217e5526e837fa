package dev.chorus.core.publishing;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;

class PostgresProblemsTest extends ProblemsContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.postgres();
  }
}
