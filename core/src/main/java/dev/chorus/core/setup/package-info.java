/**
 * First start. When an instance has no users, {@link dev.chorus.core.setup.SetupLink} issues a
 * one-time link (printed on the console, valid for a day) and {@link
 * dev.chorus.core.setup.CompleteSetup} redeems it to create the owner account and the first
 * workspace. There are no default passwords.
 */
package dev.chorus.core.setup;
