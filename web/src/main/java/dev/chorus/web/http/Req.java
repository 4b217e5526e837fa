package dev.chorus.web.http;

import dev.chorus.core.account.Sessions;
import dev.chorus.core.account.User;
import dev.chorus.core.member.Actor;
import dev.chorus.core.token.AuthenticateToken;
import io.javalin.http.Context;

/** What the filters found out about a request, read by handlers. */
public final class Req {
  static final String SESSION = "chorus.session";
  static final String SESSION_SECRET = "chorus.sessionSecret";
  static final String ACTOR = "chorus.actor";
  static final String PRINCIPAL = "chorus.principal";
  static final String ANON = "chorus.anon";

  private Req() {}

  /** The signed-in session, or null. */
  public static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** The signed-in user; only call on routes that need one. */
  public static User user(Context ctx) {
    Sessions.Session s = session(ctx);
    if (s != null) return s.user();
    AuthenticateToken.Principal p = ctx.attribute(PRINCIPAL);
    if (p != null) return p.actor().user();
    throw new IllegalStateException("no user on " + ctx.path() + ": the route is not SIGNED_IN");
  }

  /** The actor in the route's workspace; only call on workspace routes. */
  public static Actor actor(Context ctx) {
    Actor a = ctx.attribute(ACTOR);
    if (a == null) {
      throw new IllegalStateException("no workspace on " + ctx.path() + ": not a workspace route");
    }
    return a;
  }

  /** The actor in the route's workspace, or null outside workspace routes. */
  public static Actor actorOrNull(Context ctx) {
    return ctx.attribute(ACTOR);
  }

  /** The API token's principal, or null for a browser request. */
  public static AuthenticateToken.Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  /** The client's address as the server sees it. */
  public static String ip(Context ctx) {
    return ctx.ip();
  }

  public static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/");
  }
}
