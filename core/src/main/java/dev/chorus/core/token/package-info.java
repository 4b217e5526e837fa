/**
 * Personal access tokens for the API. A token belongs to one user in one workspace, is scoped read
 * or write, is stored only as a SHA-256 hash, can expire and be revoked, and records when it was
 * last used. {@link dev.chorus.core.token.IssueToken}, {@link dev.chorus.core.token.RevokeToken},
 * {@link dev.chorus.core.token.AuthenticateToken}.
 */
package dev.chorus.core.token;
