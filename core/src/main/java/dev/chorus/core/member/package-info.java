/**
 * Who belongs to a workspace and with which {@link dev.chorus.core.member.Role}. {@link
 * dev.chorus.core.member.WorkspaceAccess} turns a signed-in user and a workspace slug into an
 * {@link dev.chorus.core.member.Actor} (or not found). {@link dev.chorus.core.member.InviteMember}
 * issues expiring invitation links, {@link dev.chorus.core.member.AcceptInvitation} redeems them,
 * {@link dev.chorus.core.member.ChangeRole} and {@link dev.chorus.core.member.RemoveMember} manage
 * members; a workspace always keeps at least one owner.
 */
package dev.chorus.core.member;
