package dev.chorus.core.alerts;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;

class PostgresAlertsTest extends AlertsContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.postgres();
  }
}
