/**
 * Pages for people, one class per area: {@link dev.chorus.web.page.AuthPages} (sign-in, setup,
 * invitations), {@link dev.chorus.web.page.WorkspacePages} (dashboard, switching, creating), {@link
 * dev.chorus.web.page.MemberPages}, {@link dev.chorus.web.page.AuditPages}, {@link
 * dev.chorus.web.page.TokenPages} and {@link dev.chorus.web.page.AccountPages}. Each registers its
 * routes with their {@link dev.chorus.web.http.Access}; {@link dev.chorus.web.page.Pages} renders
 * templates inside the shell.
 */
package dev.chorus.web.page;
