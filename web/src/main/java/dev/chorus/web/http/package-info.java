/**
 * What every request passes through: {@link dev.chorus.web.http.Access} (each route's declared
 * access, checked in one place), {@link dev.chorus.web.http.Auth} (session cookies and bearer
 * tokens), {@link dev.chorus.web.http.Csrf} (signed tokens on every state-changing form), {@link
 * dev.chorus.web.http.SecurityHeaders}, {@link dev.chorus.web.http.Errors} (the exception hierarchy
 * mapped to HTTP once, as a page or as JSON) and {@link dev.chorus.web.http.RequestMetrics}.
 */
package dev.chorus.web.http;
