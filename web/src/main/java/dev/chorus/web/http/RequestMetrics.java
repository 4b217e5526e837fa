package dev.chorus.web.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times every request for {@code /metrics} and writes one structured log line per request. */
public final class RequestMetrics {
  private static final Logger LOG = LoggerFactory.getLogger("chorus.http");
  private final MeterRegistry registry;

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(Context ctx, Float millis) {
    String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
    if (route.startsWith("/webjars") || route.startsWith("/assets")) route = "static";
    Timer.builder("chorus_http_requests")
        .description("HTTP requests by route, method and status")
        .tag("route", route)
        .tag("method", ctx.method().name())
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(registry)
        .record((long) (millis * 1_000_000L), java.util.concurrent.TimeUnit.NANOSECONDS);
    if (!route.equals("static") && !route.equals("/metrics") && !route.equals("/health")) {
      LOG.atInfo()
          .addKeyValue("method", ctx.method().name())
          .addKeyValue("route", route)
          .addKeyValue("status", ctx.statusCode())
          .addKeyValue("ms", Math.round(millis * 10) / 10.0)
          .addKeyValue("ip", ctx.ip())
          .log("{} {} {}", ctx.method(), ctx.path(), ctx.statusCode());
    }
  }
}
