package dev.chorus.core.store;

class PostgresChannelNetworkMigrationTest extends ChannelNetworkMigrationContract {
  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.postgres();
  }
}
