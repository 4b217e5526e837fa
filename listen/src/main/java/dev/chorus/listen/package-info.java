/**
 * The listening library: text analysis, the query language and its matcher, sentiment and language
 * identification. Pure computation: no I/O, no database, no HTTP.
 */
package dev.chorus.listen;
