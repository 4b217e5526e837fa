/**
 * Workspaces: one per brand or client. {@link dev.chorus.core.workspace.CreateWorkspace} makes one
 * with its creator as owner; {@link dev.chorus.core.workspace.WorkspaceStore} finds them. Every
 * other object in Chorus belongs to exactly one workspace, and another workspace's object is
 * reported as not found.
 */
package dev.chorus.core.workspace;
