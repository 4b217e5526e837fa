/**
 * The exception hierarchy every layer throws and the web layer maps once: {@link
 * dev.chorus.core.error.Invalid} (400, names the field), {@link dev.chorus.core.error.NotFound}
 * (404, also for another workspace's object), {@link dev.chorus.core.error.NotPermitted} (403),
 * {@link dev.chorus.core.error.Conflict} (409), {@link dev.chorus.core.error.TooManyAttempts}
 * (429), {@link dev.chorus.core.error.Unavailable} (503: the store is locked, full or unreachable)
 * and {@link dev.chorus.core.error.RemoteUnavailable} (502: a network we talk to failed).
 */
package dev.chorus.core.error;
