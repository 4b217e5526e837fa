package dev.chorus.core.store;

class PostgresStoreTest extends StoreContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.postgres();
  }
}
