/**
 * The inbox: conversations made by the pipeline from what channels heard, and what the team does
 * with them. {@link dev.chorus.core.inbox.ConversationStore} lists (filters, full-text search,
 * keyset pages) and reads a thread; one-verb services change it: {@link
 * dev.chorus.core.inbox.TriageConversations} (status, assignee, tags, for one or many), {@link
 * dev.chorus.core.inbox.AddNote}, {@link dev.chorus.core.inbox.ReplyToConversation} (through the
 * conversation's channel, keeping the draft when the network refuses), {@link
 * dev.chorus.core.inbox.CannedReplies}.
 */
package dev.chorus.core.inbox;
