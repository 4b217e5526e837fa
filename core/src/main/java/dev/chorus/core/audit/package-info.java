/**
 * Who did what, when: {@link dev.chorus.core.audit.AuditLog} records an entry inside the same
 * transaction as the change it describes, so the log and the data never disagree, and pages through
 * a workspace's entries newest first.
 */
package dev.chorus.core.audit;
