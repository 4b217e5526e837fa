/**
 * The domain of Chorus and the services that change it. Features are packages ({@code account},
 * {@code workspace}, {@code member}, {@code token}, {@code audit}, {@code setup}); {@code store}
 * owns the database (SQLite or PostgreSQL, Flyway, JDBI) and {@code error} the small exception
 * hierarchy that the web layer maps to HTTP once. Nothing here knows HTTP.
 */
package dev.chorus.core;
