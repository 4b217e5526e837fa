package dev.chorus.core.publishing;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;

class PostgresPublishingTest extends PublishingContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.postgres();
  }
}
