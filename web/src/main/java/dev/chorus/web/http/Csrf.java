package dev.chorus.web.http;

import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.security.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Base64;
import java.util.Set;

/**
 * Signed CSRF tokens (OWASP's "signed double-submit" pattern): the token is an HMAC, under the
 * instance key, of a secret the browser holds in an HttpOnly cookie (the session cookie when signed
 * in, else a pre-session cookie). Another site can make the browser send the cookie but cannot read
 * it or compute the token. Every POST, PUT, PATCH and DELETE from a browser must carry the token as
 * the form field {@value #FIELD} or the header {@value #HEADER}.
 */
public final class Csrf {
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  static final String PRE_SESSION_COOKIE = "chorus_pre";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private final InstanceKey key;
  private final boolean secureCookies;

  public Csrf(InstanceKey key, boolean secureCookies) {
    this.key = key;
    this.secureCookies = secureCookies;
  }

  /** The token for forms on this response; sets the pre-session cookie when needed. */
  public String token(Context ctx) {
    String sessionSecret = ctx.attribute(Req.SESSION_SECRET);
    if (sessionSecret != null) return sign("s:" + sessionSecret);
    return sign("p:" + preSession(ctx));
  }

  /** Throws {@link CsrfRejected} when a state-changing request lacks a valid token. */
  void verify(Context ctx) {
    if (SAFE.contains(ctx.method().name())) return;
    String sent = ctx.header(HEADER);
    if (sent == null) sent = ctx.formParam(FIELD);
    String sessionSecret = ctx.attribute(Req.SESSION_SECRET);
    String pre = ctx.cookie(PRE_SESSION_COOKIE);
    boolean ok =
        (sessionSecret != null && Tokens.constantTimeEquals(sent, sign("s:" + sessionSecret)))
            || (pre != null && Tokens.constantTimeEquals(sent, sign("p:" + pre)));
    if (!ok) throw new CsrfRejected();
  }

  private String preSession(Context ctx) {
    String existing = ctx.attribute(Req.ANON);
    if (existing == null) existing = ctx.cookie(PRE_SESSION_COOKIE);
    if (existing == null || existing.length() < 20 || existing.length() > 100) {
      existing = Tokens.random("", 24);
      Cookie c = new Cookie(PRE_SESSION_COOKIE, existing);
      c.setHttpOnly(true);
      c.setSecure(secureCookies);
      c.setSameSite(SameSite.LAX);
      c.setPath("/");
      ctx.cookie(c);
    }
    ctx.attribute(Req.ANON, existing);
    return existing;
  }

  private String sign(String binding) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign("csrf", binding));
  }
}
