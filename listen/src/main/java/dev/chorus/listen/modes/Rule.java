package dev.chorus.listen.modes;

/** The rules of {@link ModeClassifier}, in the order they are tried; see {@code docs/MODES.md}. */
public enum Rule {
  OURS(Mode.SUPPORT, "Written by our account"),
  TEAM_REPLY(Mode.SUPPORT, "A team member answering in a conversation"),
  TEAM(Mode.MENTION, "Written by a team member: never counted as advocacy"),
  RESHARE(Mode.ADVOCACY, "A boost or repost of our post by someone outside the team"),
  REACTION(Mode.MENTION, "A like or follow: nothing to answer or pass on"),
  COMPLAINT(Mode.CONVERSATION, "A complaint addressed to us"),
  QUESTION(Mode.CONVERSATION, "A question addressed to us"),
  REQUEST(Mode.CONVERSATION, "A request for help addressed to us"),
  NEGATIVE(Mode.CONVERSATION, "Strongly negative and addressed to us"),
  RECOMMENDATION(Mode.ADVOCACY, "Recommends us to others"),
  QUOTE(Mode.ADVOCACY, "Quotes our post to pass it on"),
  PRAISE(Mode.ADVOCACY, "Praises us in public"),
  PLAIN(Mode.MENTION, "Mentions us without asking, complaining or recommending");

  private final Mode mode;
  private final String reason;

  Rule(Mode mode, String reason) {
    this.mode = mode;
    this.reason = reason;
  }

  /** The mode this rule decides. */
  public Mode mode() {
    return mode;
  }

  /** Why, in a sentence for people. */
  public String reason() {
    return reason;
  }
}
