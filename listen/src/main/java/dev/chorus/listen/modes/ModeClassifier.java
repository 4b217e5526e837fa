package dev.chorus.listen.modes;

/**
 * Classifies an inbound item as a conversation, advocacy, a plain mention or our own support, and
 * says whether it asks a question. Rule-based and documented rule by rule in {@code docs/MODES.md}:
 * the first rule that applies decides, and the verdict names it (and the words that fired it) for a
 * "why" tooltip.
 *
 * <pre>{@code
 * ModeClassifier modes = new ModeClassifier();
 * ModeVerdict v = modes.classify(
 *     new ModeInput("@northwind my order never arrived", ItemKind.MENTION, true, Author.OUTSIDER, -0.4));
 * v.mode();     // CONVERSATION
 * v.rule();     // COMPLAINT
 * v.cue();      // "never arrived"
 * }</pre>
 *
 * <p>Cues cover English, French, German, Spanish, Portuguese, Italian and Dutch; in any language a
 * question mark (also ¿ and ？) makes a question. Sentiment is VADER's, which reads English: in the
 * other languages the cue words carry the decision. Pure (a folded copy of the text and its words,
 * then one pass over the words per cue list), immutable and safe for concurrent use.
 */
public final class ModeClassifier {
  /**
   * At or below this VADER compound, an item addressed to us is a complaint without a cue word.
   * Sentiment decides nothing else: VADER reads English, and misreads other languages (the German
   * article "die" scores as the English verb), so praise and recommendations go by their words.
   */
  static final double NEGATIVE = -0.5;

  public ModeVerdict classify(ModeInput in) {
    CueText text = CueText.of(in.text());
    Question q = question(text);
    boolean question = q != null;
    String asked = q == null ? null : q.cue;
    switch (in.author()) {
      case US:
        return new ModeVerdict(Mode.SUPPORT, question, Rule.OURS, null);
      case TEAM:
        return in.kind() == ItemKind.REPLY
            ? new ModeVerdict(Mode.SUPPORT, question, Rule.TEAM_REPLY, null)
            : new ModeVerdict(Mode.MENTION, question, Rule.TEAM, null);
      default:
        break;
    }
    if (in.kind() == ItemKind.REBLOG) {
      return new ModeVerdict(Mode.ADVOCACY, question, Rule.RESHARE, null);
    }
    if (in.kind() == ItemKind.FAVOURITE || in.kind() == ItemKind.FOLLOW) {
      return new ModeVerdict(Mode.MENTION, question, Rule.REACTION, null);
    }
    String praiseDenyingComplaint = Cues.NOT_A_COMPLAINT.find(text);
    String complaint = praiseDenyingComplaint == null ? Cues.COMPLAINT.find(text) : null;
    if (in.addressesUs()) {
      if (complaint != null) return verdict(Rule.COMPLAINT, question, complaint);
      if (question) return verdict(Rule.QUESTION, true, asked);
      String request = Cues.REQUEST.find(text);
      if (request != null) return verdict(Rule.REQUEST, false, request);
      if (in.sentiment() <= NEGATIVE) return verdict(Rule.NEGATIVE, false, null);
    }
    String recommendation = Cues.RECOMMENDATION.find(text);
    // Asking for a recommendation ("can anyone recommend…?") is not giving one.
    if (complaint == null && recommendation != null && !question) {
      return verdict(Rule.RECOMMENDATION, question, recommendation);
    }
    if (in.kind() == ItemKind.QUOTE && in.addressesUs() && complaint == null) {
      return verdict(Rule.QUOTE, question, null);
    }
    // Thanks in a reply to us is the end of a conversation, not praise to others.
    if (in.kind() != ItemKind.REPLY && complaint == null) {
      String praise =
          praiseDenyingComplaint != null ? praiseDenyingComplaint : Cues.PRAISE.find(text);
      if (praise == null) praise = praiseEmoji(in.text());
      if (praise != null) return verdict(Rule.PRAISE, question, praise);
    }
    return verdict(Rule.PLAIN, question, null);
  }

  private static ModeVerdict verdict(Rule rule, boolean question, String cue) {
    return new ModeVerdict(rule.mode(), question, rule, cue);
  }

  /** Why a text is a question: the mark or the opener that says so. */
  private record Question(String cue) {}

  private static Question question(CueText text) {
    String f = text.folded();
    // Folding made ？ a "?"; ¿ opens a Spanish question; ؟ is the Arabic mark.
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '?' || c == '\u00bf' || c == '\u061f') return new Question(String.valueOf(c));
    }
    for (CueText.Sentence s : text.sentences()) {
      if (s.exclaims()) continue;
      String opener = Cues.QUESTION_OPENERS.opens(s.words());
      // "What a day" and "how lovely" exclaim; an opener alone is not a question either.
      if (opener != null
          && Cues.NOT_QUESTION_OPENERS.opens(s.words()) == null
          && !s.words().startsWith(" what a ")
          && s.words().length() > opener.length() + 3) {
        return new Question(opener);
      }
    }
    return null;
  }

  private static String praiseEmoji(String raw) {
    for (String e : Cues.PRAISE_EMOJI) if (raw.contains(e)) return e;
    return null;
  }
}
