/**
 * RSS and Atom feeds (blogs, forums, news alerts, any site's feed) through Rome. {@link
 * dev.chorus.channels.rss.FeedConnector} polls with conditional GET (ETag, Last-Modified), turns
 * entries into plain text, and names each by its guid or link so the store deduplicates; {@link
 * dev.chorus.channels.rss.FeedDiscovery} finds a feed from a web page's {@code <link
 * rel="alternate">}.
 */
package dev.chorus.channels.rss;
