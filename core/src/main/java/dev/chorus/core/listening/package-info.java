/**
 * Saved listening queries: {@link dev.chorus.core.listening.SaveQuery} validates a query with the
 * listening engine's parser (an error names its column) and stores it with the channels it listens
 * to; {@link dev.chorus.core.listening.PreviewQuery} shows what it would have matched among what
 * the channels heard recently; {@link dev.chorus.core.listening.QueryStore} lists, enables,
 * disables and deletes them.
 */
package dev.chorus.core.listening;
