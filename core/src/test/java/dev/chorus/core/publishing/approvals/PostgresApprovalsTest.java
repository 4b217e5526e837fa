package dev.chorus.core.publishing.approvals;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;

class PostgresApprovalsTest extends ApprovalsContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.postgres();
  }
}
