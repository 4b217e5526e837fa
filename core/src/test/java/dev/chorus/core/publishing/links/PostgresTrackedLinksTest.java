package dev.chorus.core.publishing.links;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;

class PostgresTrackedLinksTest extends TrackedLinksContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.postgres();
  }
}
