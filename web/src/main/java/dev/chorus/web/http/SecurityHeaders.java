package dev.chorus.web.http;

import io.javalin.http.Context;

/** Headers every response carries. */
public final class SecurityHeaders {
  // No inline script or style anywhere: templates link /assets files only.
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  public static void apply(Context ctx, boolean https) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    // Invitation and setup links carry secrets in the path: never leak them to another site.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
  }
}
