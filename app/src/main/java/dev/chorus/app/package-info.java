/**
 * The command line ({@link dev.chorus.app.Main}: demo, serve, migrate, backup, restore, user,
 * version) and the one composition root, {@link dev.chorus.app.App#create(Config)}, which builds
 * every part with {@code new}.
 */
package dev.chorus.app;
