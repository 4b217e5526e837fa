/**
 * The demo workspace that {@code ./chorus demo} creates on first run: a brand with a small team and
 * a pending invitation, and a login whose random password is kept (mode 0600) in the data folder so
 * every demo start can print it.
 */
package dev.chorus.app.demo;
