/**
 * HTTP for people and programs. {@link dev.chorus.web.WebServer} builds the Javalin server: the
 * filters in {@code http} (security headers, sessions and tokens, CSRF, route access, request log,
 * metrics, errors), the pages in {@code page} rendered from precompiled JTE templates, and the JSON
 * API in {@code api} with its generated OpenAPI document. Below this module nothing knows HTTP.
 */
package dev.chorus.web;
