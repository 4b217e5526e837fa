/**
 * Secrets: random tokens and their one-way hashes ({@link dev.chorus.core.security.Tokens}), the
 * instance key that signs CSRF tokens and will encrypt channel credentials ({@link
 * dev.chorus.core.security.InstanceKey}), and password hashing with Argon2id ({@link
 * dev.chorus.core.security.PasswordHasher}).
 */
package dev.chorus.core.security;
