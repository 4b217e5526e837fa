/**
 * Approvals: contributors submit drafts; editors approve (scheduled at the wished time, a new time,
 * or in the queue) or reject with a comment; a guest link lets a client without an account decide
 * about one post.
 *
 * <p>Entry points: {@link dev.chorus.core.publishing.approvals.SubmitForApproval}, {@link
 * dev.chorus.core.publishing.approvals.DecideApproval}, {@link
 * dev.chorus.core.publishing.approvals.GuestApprovals}. {@link
 * dev.chorus.core.publishing.approvals.ApprovalStore} keeps requests, the review thread and guest
 * links (V12). A decision names a request: editing a waiting post withdraws its request ({@link
 * dev.chorus.core.publishing.approvals.ApprovalStore#withdraw}, called by {@code Drafts.update}),
 * so an approval never applies to text nobody approved.
 */
package dev.chorus.core.publishing.approvals;
