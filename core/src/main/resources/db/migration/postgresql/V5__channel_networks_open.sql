-- Networks are the application's to name (core.channel.Network), so the database no longer lists
-- them: a new network needs no migration. V2's column CHECK got PostgreSQL's default name.
ALTER TABLE channels DROP CONSTRAINT IF EXISTS channels_network_check;
