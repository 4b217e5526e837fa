/**
 * People who sign in. {@link dev.chorus.core.account.CreateUser} makes an account, {@link
 * dev.chorus.core.account.SignIn} checks a password under per-account and per-address throttling
 * ({@link dev.chorus.core.account.SignInThrottle}), {@link dev.chorus.core.account.Sessions}
 * starts, finds and ends browser sessions (only a hash of the cookie is stored), {@link
 * dev.chorus.core.account.ChangePassword} changes a password and ends the other sessions.
 */
package dev.chorus.core.account;
