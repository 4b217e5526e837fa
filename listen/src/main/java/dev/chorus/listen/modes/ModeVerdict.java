package dev.chorus.listen.modes;

import java.util.Objects;

/**
 * The classifier's answer.
 *
 * @param question whether the text asks something (a question mark, ¿ or ？, or an interrogative
 *     opener such as "how do", "est-ce que", "kann ich"), whatever the mode
 * @param rule the rule that decided the mode, for a "why" tooltip
 * @param cue the words (folded: lower case, no accents) that fired the rule, or null when the rule
 *     needs none (a boost, our own reply)
 */
public record ModeVerdict(Mode mode, boolean question, Rule rule, String cue) {
  public ModeVerdict {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(rule, "rule");
  }

  /** A sentence for a tooltip: the rule's reason, with its cue when there is one. */
  public String why() {
    return cue == null ? rule.reason() : rule.reason() + " (\u201c" + cue + "\u201d)";
  }
}
