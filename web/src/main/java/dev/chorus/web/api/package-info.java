/**
 * The JSON API under {@code /api/v1}. Each {@link dev.chorus.web.api.Operation} is declared once
 * with its method, path, access, request and response types and handler; {@link
 * dev.chorus.web.api.ApiRoutes} registers the handlers and {@link
 * dev.chorus.web.api.OpenApiDocument} generates {@code /api/openapi.json} from the same
 * declarations and the JSON types themselves (through Jackson), so the document cannot drift from
 * the code. Bodies are snake_case; errors are {@code {"error":{"code","message","field"}}}.
 */
package dev.chorus.web.api;
