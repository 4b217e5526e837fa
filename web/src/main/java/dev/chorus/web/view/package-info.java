/**
 * What templates receive: {@link dev.chorus.web.view.Shell} (the frame around every signed-in page:
 * user, workspace, switcher, navigation grouped by pillar), {@link dev.chorus.web.view.Form}
 * (submitted values and inline errors) and {@link dev.chorus.web.view.Nav}, which lists only the
 * features that exist.
 */
package dev.chorus.web.view;
