package dev.chorus.listen.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * One test per rule of docs/MODES.md, with the example the document gives, and the question cues.
 */
class ModeClassifierTest {
  final ModeClassifier modes = new ModeClassifier();

  ModeVerdict said(String text, ItemKind kind, boolean addressesUs, Author author, double s) {
    return modes.classify(new ModeInput(text, kind, addressesUs, author, s));
  }

  ModeVerdict toUs(String text, ItemKind kind) {
    return said(text, kind, true, Author.OUTSIDER, 0);
  }

  ModeVerdict heard(String text) {
    return said(text, ItemKind.POST, false, Author.OUTSIDER, 0);
  }

  @Test
  void whatOurAccountSaysIsSupportWhateverItSays() {
    ModeVerdict v = said("Could you DM us your order number?", ItemKind.REPLY, true, Author.US, 0);
    assertThat(v.mode()).isEqualTo(Mode.SUPPORT);
    assertThat(v.rule()).isEqualTo(Rule.OURS);
    assertThat(v.question()).isTrue();
  }

  @Test
  void aTeamMemberReplyingIsSupportAndOtherwiseNeverAdvocacy() {
    assertThat(
            said("The refund went out this morning", ItemKind.REPLY, true, Author.TEAM, 0).rule())
        .isEqualTo(Rule.TEAM_REPLY);
    ModeVerdict praise =
        said(
            "Highly recommend our new Guji, best we've made",
            ItemKind.POST,
            false,
            Author.TEAM,
            0.8);
    assertThat(praise.mode()).isEqualTo(Mode.MENTION);
    assertThat(praise.rule()).isEqualTo(Rule.TEAM);
    assertThat(said("", ItemKind.REBLOG, true, Author.TEAM, 0).mode()).isEqualTo(Mode.MENTION);
  }

  @Test
  void aBoostOfOurPostByAnOutsiderIsAdvocacy() {
    ModeVerdict v = toUs("", ItemKind.REBLOG);
    assertThat(v.mode()).isEqualTo(Mode.ADVOCACY);
    assertThat(v.rule()).isEqualTo(Rule.RESHARE);
    assertThat(v.cue()).isNull();
  }

  @Test
  void likesAndFollowsArePlainMentions() {
    assertThat(toUs("", ItemKind.FAVOURITE).rule()).isEqualTo(Rule.REACTION);
    assertThat(toUs("", ItemKind.FOLLOW).mode()).isEqualTo(Mode.MENTION);
  }

  @Test
  void aComplaintAddressedToUsIsAConversationInEveryLanguage() {
    assertThat(toUs("@northwind my order never arrived", ItemKind.MENTION))
        .extracting(ModeVerdict::rule, ModeVerdict::cue)
        .containsExactly(Rule.COMPLAINT, "never arrived");
    assertThat(toUs("Your checkout doesn\u2019t work on Firefox", ItemKind.REPLY).cue())
        .isEqualTo("doesn't work");
    assertThat(toUs("Le site ne marche pas depuis ce matin", ItemKind.MENTION).cue())
        .isEqualTo("ne marche pas");
    assertThat(toUs("Die Mühle ist KAPUTT", ItemKind.REPLY).cue()).isEqualTo("kaputt");
    assertThat(toUs("Quiero un reembolso", ItemKind.MENTION).cue()).isEqualTo("reembolso");
    assertThat(toUs("O site não funciona", ItemKind.MENTION).cue()).isEqualTo("nao funciona");
    assertThat(toUs("Il sito non funziona", ItemKind.MENTION).cue()).isEqualTo("non funziona");
    assertThat(toUs("De website werkt niet", ItemKind.MENTION).cue()).isEqualTo("werkt niet");
  }

  @Test
  void aComplaintComesBeforeAQuestion() {
    ModeVerdict v = toUs("Why is the app broken again?", ItemKind.MENTION);
    assertThat(v.rule()).isEqualTo(Rule.COMPLAINT);
    assertThat(v.question()).isTrue();
  }

  @Test
  void praiseThatDeniesAComplaintWordIsNoComplaint() {
    ModeVerdict v = heard("Northwind never disappoints");
    assertThat(v.rule()).isEqualTo(Rule.PRAISE);
    assertThat(v.cue()).isEqualTo("never disappoint");
  }

  @Test
  void aQuestionAddressedToUsIsAConversation() {
    ModeVerdict v = toUs("@northwind do you ship to Canada?", ItemKind.MENTION);
    assertThat(v.mode()).isEqualTo(Mode.CONVERSATION);
    assertThat(v.rule()).isEqualTo(Rule.QUESTION);
    assertThat(v.cue()).isEqualTo("?");
    // Asking what we recommend is a question, not a recommendation.
    assertThat(toUs("What grind do you recommend for a moka pot?", ItemKind.REPLY).rule())
        .isEqualTo(Rule.QUESTION);
  }

  @Test
  void aRequestForHelpAddressedToUsIsAConversationWithoutAQuestionMark() {
    ModeVerdict v = toUs("@northwind please help, I can't find the pause option", ItemKind.MENTION);
    assertThat(v.rule()).isEqualTo(Rule.REQUEST);
    assertThat(v.cue()).isEqualTo("please help");
  }

  @Test
  void aStronglyNegativeItemAddressedToUsIsAConversationEvenWithoutACueWord() {
    ModeVerdict v =
        said(
            "@northwind so sad and angry right now", ItemKind.MENTION, true, Author.OUTSIDER, -0.8);
    assertThat(v.rule()).isEqualTo(Rule.NEGATIVE);
    assertThat(said("@northwind meh", ItemKind.MENTION, true, Author.OUTSIDER, -0.4).rule())
        .isEqualTo(Rule.PLAIN);
  }

  @Test
  void aComplaintNotAddressedToUsIsAPlainMention() {
    ModeVerdict v = heard("Northwind's delivery was late again, the app is broken too");
    assertThat(v.mode()).isEqualTo(Mode.MENTION);
    assertThat(v.rule()).isEqualTo(Rule.PLAIN);
  }

  @Test
  void recommendingUsToOthersIsAdvocacyInEveryLanguage() {
    assertThat(heard("Highly recommend Northwind's Colombia roast"))
        .extracting(ModeVerdict::rule, ModeVerdict::cue)
        .containsExactly(Rule.RECOMMENDATION, "recommend");
    assertThat(heard("Je recommande vivement Northwind").rule()).isEqualTo(Rule.RECOMMENDATION);
    assertThat(heard("Klare Empfehlung für Northwind").cue()).isEqualTo("empfehl");
    assertThat(heard("Os recomiendo Northwind").cue()).isEqualTo("recomiend");
    assertThat(heard("Vale a pena, Northwind").cue()).isEqualTo("vale a pena");
    assertThat(heard("Vi consiglio Northwind").cue()).isEqualTo("consiglio");
    assertThat(heard("Echt een aanrader, Northwind").cue()).isEqualTo("aanrad");
  }

  @Test
  void askingForARecommendationIsNotGivingOne() {
    ModeVerdict v = heard("Can anyone recommend a roaster in Leeds?");
    assertThat(v.mode()).isEqualTo(Mode.MENTION);
    assertThat(v.question()).isTrue();
  }

  @Test
  void aQuoteOfOurPostIsAdvocacyUnlessItComplains() {
    assertThat(toUs("The Kenya is back", ItemKind.QUOTE).rule()).isEqualTo(Rule.QUOTE);
    assertThat(toUs("Prices up again and the bags still leak", ItemKind.QUOTE).rule())
        .isEqualTo(Rule.COMPLAINT);
  }

  @Test
  void publicPraiseIsAdvocacyButThanksInAReplyIsAMention() {
    assertThat(toUs("Love the new cold brew from @northwind", ItemKind.MENTION))
        .extracting(ModeVerdict::rule, ModeVerdict::cue)
        .containsExactly(Rule.PRAISE, "love");
    assertThat(heard("Northwind 😍").cue()).isEqualTo("😍");
    assertThat(toUs("Perfect, thanks, love it", ItemKind.REPLY).rule()).isEqualTo(Rule.PLAIN);
  }

  @Test
  void anythingElseIsAPlainMention() {
    ModeVerdict v = heard("Northwind opens a second shop in York");
    assertThat(v.mode()).isEqualTo(Mode.MENTION);
    assertThat(v.rule()).isEqualTo(Rule.PLAIN);
    assertThat(v.why()).isEqualTo(Rule.PLAIN.reason());
  }

  @Test
  void questionMarksCountInEveryFormButNotInsideLinks() {
    assertThat(heard("vous livrez en Belgique ？").question()).isTrue();
    assertThat(heard("¿Alguien ha probado Northwind").question()).isTrue();
    assertThat(heard("See https://northwind.example/shop?ref=abc").question()).isFalse();
  }

  @Test
  void interrogativeOpenersMakeAQuestionWithoutAMark() {
    assertThat(heard("How long does shipping take to Ireland").cue()).isNull();
    assertThat(heard("How long does shipping take to Ireland").question()).isTrue();
    assertThat(heard("Est-ce que le moulin est compatible").question()).isTrue();
    assertThat(heard("Kann ich das Abo pausieren").question()).isTrue();
    assertThat(heard("Cómo cancelo un pedido").question()).isTrue();
    assertThat(heard("Posso mudar o endereço de entrega").question()).isTrue();
    assertThat(heard("Come posso disdire l'abbonamento").question()).isTrue();
    assertThat(heard("Hoe kan ik mijn abonnement opzeggen").question()).isTrue();
    assertThat(heard("Hey quick one, is the V60 kit still available").question()).isTrue();
  }

  @Test
  void exclamationsAndStatementsThatOpenLikeQuestionsAreNot() {
    assertThat(heard("How lovely is this new blend!").question()).isFalse();
    assertThat(heard("What a great morning at Northwind").question()).isFalse();
    assertThat(heard("Como siempre, excelente").question()).isFalse();
    assertThat(heard("Wie immer top").question()).isFalse();
  }

  @Test
  void theVerdictExplainsItselfWithTheCue() {
    assertThat(toUs("@northwind my order never arrived", ItemKind.MENTION).why())
        .isEqualTo("A complaint addressed to us (\u201cnever arrived\u201d)");
  }

  @Test
  void kindsAreReadInTheChannelsWords() {
    assertThat(ItemKind.parse("reblog")).isEqualTo(ItemKind.REBLOG);
    assertThat(ItemKind.parse("repost")).isEqualTo(ItemKind.REBLOG);
    assertThat(ItemKind.parse("like")).isEqualTo(ItemKind.FAVOURITE);
    assertThat(ItemKind.parse("Entry")).isEqualTo(ItemKind.ENTRY);
    assertThatThrownBy(() -> ItemKind.parse("poke")).hasMessageContaining("poke");
  }

  @Test
  void anInputOutOfRangeIsRefused() {
    assertThatThrownBy(() -> new ModeInput("x", ItemKind.POST, false, Author.OUTSIDER, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
