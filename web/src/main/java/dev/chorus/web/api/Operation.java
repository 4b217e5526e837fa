package dev.chorus.web.api;

import dev.chorus.web.http.Access;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;

/**
 * One API operation, declared once: the route, who may call it, what it takes and gives back.
 *
 * @param body the request body's type, or null when it takes none
 * @param response the response body's type, or null for 204 No Content
 * @param paged true when the response is a page of {@code response} items
 */
public record Operation(
    HandlerType method,
    String path,
    String id,
    String tag,
    String summary,
    Access access,
    Class<?> body,
    Class<?> response,
    boolean paged,
    int status,
    List<QueryParam> query,
    Handler handler) {
  public Operation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
    query = List.copyOf(query);
  }

  /** A query parameter. */
  public record QueryParam(String name, String type, String description) {}

  /** The standard cursor and limit parameters of a paged list. */
  public static List<QueryParam> paging() {
    return List.of(
        new QueryParam(
            "cursor", "string", "The next_cursor of the previous page; omit for the first"),
        new QueryParam("limit", "integer", "Items per page, 1 to 200 (default 50)"));
  }
}
