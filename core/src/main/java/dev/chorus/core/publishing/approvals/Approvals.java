package dev.chorus.core.publishing.approvals;

import dev.chorus.core.account.UserStore;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.member.MemberStore;
import dev.chorus.core.publishing.Drafts;
import dev.chorus.core.publishing.ScheduleDraft;
import dev.chorus.core.publishing.queue.AddToQueue;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceStore;
import java.time.Clock;
import java.util.function.Supplier;

/** The approval services, wired once by {@code Core}. Fields are public and final: wiring. */
public final class Approvals {
  public final ApprovalStore store;
  public final SubmitForApproval submit;
  public final DecideApproval decide;
  public final GuestApprovals guests;

  public Approvals(
      Database db,
      ScheduleDraft scheduleDraft,
      AddToQueue queue,
      Drafts drafts,
      UserStore users,
      WorkspaceStore workspaces,
      MemberStore members,
      AuditLog audit,
      Supplier<String> ids,
      Clock clock) {
    this.store = new ApprovalStore();
    this.submit = new SubmitForApproval(db, store, audit, ids, clock);
    this.decide = new DecideApproval(db, store, scheduleDraft, queue, audit, ids, clock);
    this.guests =
        new GuestApprovals(
            db, store, decide, drafts, users, workspaces, members, audit, ids, clock);
  }
}
