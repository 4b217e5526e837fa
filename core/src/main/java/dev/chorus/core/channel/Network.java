package dev.chorus.core.channel;

import dev.chorus.core.error.Invalid;
import java.util.Locale;

/** The networks Chorus connects to. */
public enum Network {
  MASTODON("Mastodon"),
  BLUESKY("Bluesky"),
  RSS("RSS / Atom feed"),
  WEBHOOK("Inbound webhook"),
  /**
   * A simulated network that Chorus itself generates for the demo brand: never a real audience, so
   * it is labelled as a demo wherever it shows.
   */
  DEMO("Demo network");

  private final String label;

  Network(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the simulated demo network, which the UI labels as a demo. */
  public boolean isDemo() {
    return this == DEMO;
  }

  public static Network parse(String field, String value) {
    for (Network n : values()) if (n.key().equals(value)) return n;
    throw new Invalid(
        field, "unknown network '" + value + "': use mastodon, bluesky, rss, webhook or demo");
  }
}
