/**
 * Connectors to networks, one package per network. Each implements the capability interfaces that
 * core declares; nothing here knows HTTP routes or pages.
 */
package dev.chorus.channels;
