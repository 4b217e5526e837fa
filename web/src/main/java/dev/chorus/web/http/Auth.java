package dev.chorus.web.http;

import dev.chorus.core.Core;
import dev.chorus.core.account.Sessions;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.token.AuthenticateToken;
import dev.chorus.core.token.TokenScope;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Finds who is asking (a session cookie for pages, a bearer token for the API) and enforces each
 * route's {@link Access} before its handler runs. A workspace the user does not belong to is not
 * found; a role too low for the route is not permitted.
 */
public final class Auth {
  public static final String SESSION_COOKIE = "chorus_session";
  private final Core core;
  private final Csrf csrf;
  private final boolean secureCookies;

  public Auth(Core core, Csrf csrf, boolean secureCookies) {
    this.core = core;
    this.csrf = csrf;
    this.secureCookies = secureCookies;
  }

  /** Runs before every request: identifies the caller. */
  public void identify(Context ctx) {
    if (Req.isApi(ctx)) {
      String header = ctx.header("Authorization");
      if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        core.authenticateToken
            .authenticate(header.substring(7).strip(), Req.ip(ctx))
            .ifPresent(p -> ctx.attribute(Req.PRINCIPAL, p));
      }
      return;
    }
    String secret = ctx.cookie(SESSION_COOKIE);
    if (secret != null) {
      core.sessions
          .find(secret)
          .ifPresentOrElse(
              s -> {
                ctx.attribute(Req.SESSION, s);
                ctx.attribute(Req.SESSION_SECRET, secret);
              },
              () -> ctx.removeCookie(SESSION_COOKIE, "/"));
    }
  }

  /** Runs before every matched route: enforces its declared access, then CSRF for browsers. */
  public void enforce(Context ctx) {
    Access access = declared(ctx);
    if (Req.isApi(ctx)) {
      enforceApi(ctx, access);
      return;
    }
    csrf.verify(ctx);
    if (access == Access.PUBLIC) return;
    Sessions.Session s = Req.session(ctx);
    if (s == null) {
      if (ctx.method().name().equals("GET")) {
        String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
        return;
      }
      throw new UnauthorizedResponse("Sign in first.");
    }
    if (access == Access.SIGNED_IN) return;
    String slug = ctx.pathParam("slug");
    Actor actor = core.access.enter(s.user(), slug, Req.ip(ctx));
    ctx.attribute(Req.ACTOR, actor);
    actor.require(access.role(), "open this page");
  }

  private void enforceApi(Context ctx, Access access) {
    if (access == Access.PUBLIC) return;
    AuthenticateToken.Principal p = Req.principal(ctx);
    if (p == null) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"chorus\"");
      throw new UnauthorizedResponse(
          "Send a personal access token as 'Authorization: Bearer chorus_pat_...'; this one is"
              + " missing, unknown, expired or revoked.");
    }
    ctx.attribute(Req.ACTOR, p.actor());
    boolean writes = !Set.of("GET", "HEAD", "OPTIONS").contains(ctx.method().name());
    if (writes && p.token().scope() != TokenScope.WRITE) {
      throw new NotPermitted("This token is read-only; this request needs a write token.");
    }
    if (access.role() != null) p.actor().require(access.role(), "do this");
  }

  private static Access declared(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    for (RouteRole r : roles) if (r instanceof Access a) return a;
    // Static files (/assets, /webjars) reach this filter under Javalin's catch-all endpoint.
    boolean read = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
    if (read && ctx.endpoint().path.equals("*")) return Access.PUBLIC;
    // A route without a declared access is a programming error: refuse rather than guess.
    throw new IllegalStateException(
        ctx.method() + " " + ctx.endpoint().path + " declares no Access");
  }

  /** Starts a session for a signed-in user: sets the cookie. */
  public void startSession(Context ctx, dev.chorus.core.account.User user) {
    String secret = core.sessions.start(user.id(), Req.ip(ctx), ctx.userAgent());
    Cookie c = new Cookie(SESSION_COOKIE, secret);
    c.setHttpOnly(true);
    c.setSecure(secureCookies);
    c.setSameSite(SameSite.LAX);
    c.setPath("/");
    c.setMaxAge((int) Sessions.ABSOLUTE.toSeconds());
    ctx.cookie(c);
    ctx.attribute(Req.SESSION_SECRET, secret);
  }

  /** Ends the request's session and clears the cookie. */
  public void endSession(Context ctx) {
    core.sessions.end(ctx.cookie(SESSION_COOKIE));
    ctx.removeCookie(SESSION_COOKIE, "/");
    ctx.status(HttpStatus.FOUND);
  }
}
