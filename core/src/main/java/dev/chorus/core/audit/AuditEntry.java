package dev.chorus.core.audit;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param actorUserId null when the actor was the system or the command line
 * @param target what was acted on, such as an email address; null when nothing in particular
 * @param detail more about the change, such as "editor → admin"; null when nothing more
 * @param ip the network address of the request; null for the command line
 */
public record AuditEntry(
    String id,
    String actorUserId,
    String actorLabel,
    String action,
    String target,
    String detail,
    String ip,
    Instant at) {}
