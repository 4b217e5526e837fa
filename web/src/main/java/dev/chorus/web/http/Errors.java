package dev.chorus.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.chorus.core.error.ChorusException;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.error.RemoteUnavailable;
import dev.chorus.core.error.TooManyAttempts;
import dev.chorus.core.error.Unavailable;
import dev.chorus.core.store.StoreFailures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to HTTP once: the status from the exception's type, the body as JSON for the
 * API and as an error page for people. Unexpected failures are logged with an id the user sees.
 */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  /** Renders an error page for people. */
  public interface PageRenderer {
    void render(Context ctx, int status, String title, String message);
  }

  private final PageRenderer pages;
  private final long maxBodyBytes;

  public Errors(PageRenderer pages, long maxBodyBytes) {
    this.pages = pages;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void register(RoutesConfig routes) {
    routes.exception(ChorusException.class, (e, ctx) -> chorus(e, ctx));
    routes.exception(CsrfRejected.class, (e, ctx) -> send(ctx, 403, "csrf", e.getMessage(), null));
    routes.exception(HttpResponseException.class, (e, ctx) -> javalin(e, ctx));
    routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx));
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            send(ctx, 404, "not_found", "There is no page at " + ctx.path() + ".", null);
          }
        });
  }

  private void chorus(ChorusException e, Context ctx) {
    int status = 500;
    if (e instanceof Invalid) status = 400;
    else if (e instanceof NotFound) status = 404;
    else if (e instanceof NotPermitted) status = 403;
    else if (e instanceof Conflict) status = 409;
    else if (e instanceof TooManyAttempts t) {
      status = 429;
      ctx.header("Retry-After", String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
    } else if (e instanceof Unavailable) {
      status = 503;
      ctx.header("Retry-After", "5");
    } else if (e instanceof RemoteUnavailable) status = 502;
    send(ctx, status, e.code(), e.getMessage(), e instanceof Invalid i ? i.field() : null);
  }

  private void javalin(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String code =
        switch (status) {
          case 400 -> "invalid";
          case 401 -> "unauthenticated";
          case 403 -> "not_permitted";
          case 404 -> "not_found";
          case 405 -> "method_not_allowed";
          case 413 -> "too_large";
          default -> "http_" + status;
        };
    String message = e.getMessage();
    if (status == 413) {
      message = "The request body is larger than the limit of " + maxBodyBytes / 1024 + " KiB.";
    }
    send(ctx, status, code, message, null);
  }

  private void unexpected(Exception e, Context ctx) {
    RuntimeException translated =
        e instanceof RuntimeException r ? StoreFailures.translate(r) : null;
    if (translated instanceof ChorusException c) {
      chorus(c, ctx);
      return;
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof JsonProcessingException j) {
        json(j, ctx);
        return;
      }
      cause = cause.getCause();
    }
    String id = Long.toString(System.nanoTime() & 0xffffffL, 36).toUpperCase(Locale.ROOT);
    LOG.error("unexpected failure {} on {} {}", id, ctx.method(), ctx.path(), e);
    send(
        ctx,
        500,
        "internal",
        "Something went wrong on our side (error " + id + "). It has been logged.",
        null);
  }

  private void json(JsonProcessingException e, Context ctx) {
    String field = null;
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String what =
        e instanceof UnrecognizedPropertyException u
            ? "unknown field '" + u.getPropertyName() + "'"
            : e.getOriginalMessage().replaceAll("\\s*\\(for Object starting at.*$", "");
    if (what.length() > 200) what = what.substring(0, 200) + "…";
    var loc = e.getLocation();
    String where =
        loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    send(
        ctx,
        400,
        "invalid",
        "The JSON body is not valid"
            + (field == null ? "" : " at '" + field + "'")
            + ": "
            + what
            + where,
        field);
  }

  /** Sends an error as JSON or as a page, whichever the request wants. */
  void send(Context ctx, int status, String code, String message, String field) {
    ctx.status(status);
    if (Req.isApi(ctx) || ctx.path().equals("/health")) {
      ctx.json(ErrorBody.of(code, message, field));
    } else {
      pages.render(ctx, status, title(status), message);
    }
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "That did not work";
      case 401 -> "Please sign in";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "That clashes with something";
      case 413 -> "Too large";
      case 429 -> "Too many attempts";
      case 503 -> "Temporarily unavailable";
      default -> "Something went wrong";
    };
  }
}
