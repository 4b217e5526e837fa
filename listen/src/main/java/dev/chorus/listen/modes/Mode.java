package dev.chorus.listen.modes;

import java.util.Locale;

/** What an inbound item is to the team; see {@code docs/MODES.md}. */
public enum Mode {
  /** A question, complaint or request addressed to us: someone started a conversation. */
  CONVERSATION,
  /** An unsolicited recommendation, praise to others or reshare by someone outside the team. */
  ADVOCACY,
  /** Anything else said to or about us: news, chatter, thanks, likes, follows. */
  MENTION,
  /** Our own side of a conversation: what our account, or a team member replying, said. */
  SUPPORT;

  /** The lower-case name, as stored and shown: {@code conversation}, {@code advocacy}, … */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
