package dev.chorus.core.publishing.links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The UTM parameters a tracked link adds to its target: {@code utm_source} (the network), {@code
 * utm_medium=social}, {@code utm_campaign} (the workspace's, "chorus" by default) and {@code
 * utm_content} (the post's id). A parameter the author already wrote into the link is kept as
 * written, never replaced. Pure.
 */
public record Utm(String source, String medium, String campaign, String content) {
  public Utm {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(medium, "medium");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(content, "content");
  }

  /** {@code url} with the parameters it does not have yet, before its fragment. */
  public String addTo(String url) {
    int hash = url.indexOf('#');
    String fragment = hash < 0 ? "" : url.substring(hash);
    String base = hash < 0 ? url : url.substring(0, hash);
    int q = base.indexOf('?');
    Set<String> present = new HashSet<>();
    if (q >= 0) {
      for (String pair : base.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        present.add(name.toLowerCase(Locale.ROOT));
      }
    }
    Map<String, String> add = new LinkedHashMap<>();
    add.put("utm_source", source);
    add.put("utm_medium", medium);
    add.put("utm_campaign", campaign);
    add.put("utm_content", content);
    StringBuilder b = new StringBuilder(base);
    boolean first = q < 0;
    for (Map.Entry<String, String> e : add.entrySet()) {
      if (present.contains(e.getKey())) continue;
      if (first) {
        b.append('?');
        first = false;
      } else if (!(b.charAt(b.length() - 1) == '?' || b.charAt(b.length() - 1) == '&')) {
        b.append('&');
      }
      b.append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return b + fragment;
  }
}
