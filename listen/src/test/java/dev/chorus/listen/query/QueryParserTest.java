package dev.chorus.listen.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParserTest {

  private final QueryParser parser = new QueryParser(QueryLimits.DEFAULT);

  private String tree(String query) {
    return parser.parse(query).root().toString();
  }

  private void fails(String query, String message) {
    assertThatThrownBy(() -> parser.parse(query))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void termsAreFoldedAndAdjacentTermsMeanAnd() {
    assertThat(tree("Café Acme")).isEqualTo("(cafe AND acme)");
  }

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() {
    assertThat(tree("a OR b AND NOT c")).isEqualTo("(a OR (b AND NOT c))");
    assertThat(tree("(a OR b) c -d")).isEqualTo("((a OR b) AND c AND NOT d)");
  }

  @Test
  void phrasesProximityAndNear() {
    assertThat(tree("\"Acme Phone\"")).isEqualTo("\"acme phone\"");
    assertThat(tree("\"acme phone\"~3")).isEqualTo("\"acme phone\"~3");
    assertThat(tree("acme NEAR/5 (launch OR \"new model\")"))
        .isEqualTo("(acme NEAR/5 (launch OR \"new model\"))");
    assertThat(tree("acme NEAR/2f launch")).isEqualTo("(acme NEAR/2f launch)");
  }

  @Test
  void aWordThatAnalysisSplitsBecomesAPhrase() {
    assertThat(tree("e-mail")).isEqualTo("\"e mail\"");
    assertThat(tree("東京都")).isEqualTo("\"東京 京都\"");
  }

  @Test
  void wildcardsExactWordsTagsMentionsAndEmoji() {
    assertThat(tree("Acm* col?r")).isEqualTo("(acm* AND col?r)");
    assertThat(tree("{iPhone}")).isEqualTo("{iPhone}");
    assertThat(tree("#Acme OR @acme@mastodon.social OR 🚀"))
        .isEqualTo("(#acme OR @acme@mastodon.social OR 🚀)");
  }

  @Test
  void fieldsAreNormalised() {
    assertThat(
            tree(
                "author:@Acme lang:pt_BR site:Example.COM url:https://example.com/Blog channel:Mastodon"))
        .isEqualTo(
            "(author:\"acme\" AND lang:\"pt-br\" AND site:\"example.com\" AND url:\"example.com/blog\" AND channel:\"mastodon\")");
    assertThat(tree("title:\"big launch\" authorFollowers:[1000 TO *]"))
        .isEqualTo("(title:\"big launch\" AND authorFollowers:[1000 TO *])");
  }

  @Test
  void nearWithoutANumberSaysHowToWriteIt() {
    fails("acme launch NEAR phone", "column 13: NEAR needs a number, as in NEAR/5");
  }

  @Test
  void bracketErrorsNameWhereTheBracketOpened() {
    fails(
        "(acme OR beta",
        "column 14: expected ) to close the bracket opened at column 1, add ) at the end");
    fails("acme)", "column 5: unexpected ): no bracket is open here, remove it or add ( before it");
    fails("()", "column 2: empty brackets, put a term between ( and )");
  }

  @Test
  void operatorsNeedOperands() {
    fails("acme OR", "column 8: OR needs a term after it, add a term or remove the OR");
    fails("AND acme", "column 1: AND needs a term before it");
    fails("acme NOT", "column 9: NOT needs a term after it, add a term or remove the NOT");
    fails("acme - beta", "column 6: - must touch the word it excludes, as in -spam");
  }

  @Test
  void nearRejectsWhatItCannotMeasure() {
    fails(
        "a NEAR/3 b NEAR/3 c",
        "column 12: NEAR joins exactly two operands, write (a NEAR/5 b) AND (b NEAR/5 c) for a chain");
    fails(
        "(a AND b) NEAR/3 c",
        "column 1: NEAR works between words, phrases and bracketed OR-groups of them, move AND, NOT, ~n and fields outside the NEAR, as in (a NEAR/3 b) AND c");
    fails("a NEAR/3 NOT b", "column 10: NEAR cannot take a NOT, write (a NEAR/5 b) AND NOT c");
    fails(
        "a NEAR/3x b",
        "column 9: NEAR/n may only be followed by f (for \"in this order\"), as in NEAR/5f");
  }

  @Test
  void wildcardsHaveLimitsOfTheirOwn() {
    fails(
        "*acme",
        "column 1: a word cannot start with a wildcard, write at least 2 letters first, as in ac*");
    fails(
        "a*",
        "column 1: a wildcard needs at least 2 letters before it, as in ac*; \"a*\" would match too many words");
    fails("ab*c*d*e*f*", "column 11: \"ab*c*d*e*f*\" has more than 4 wildcards, use fewer * and ?");
    fails(
        "#acm*",
        "column 1: wildcards are not supported in #hashtags and @mentions, write the whole tag");
    fails(
        "ac.m*",
        "column 1: a wildcard works inside one word, and \"ac.m*\" is not one word, remove the punctuation, or put the whole words in a \"phrase\"");
  }

  @Test
  void fieldErrorsGiveAnExample() {
    fails(
        "foo:bar",
        "column 1: unknown field foo:, the fields are author:, lang:, site:, url:, channel:, title:, authorFollowers:; to search the text for it, put it in quotes");
    fails(
        "author: acme", "column 1: author: needs a value right after the colon, as in author:acme");
    fails(
        "site:example.com/x",
        "column 6: site: takes a domain, as in site:example.com; for a page use url:example.com/page");
    fails(
        "authorFollowers:[10 TO 5]",
        "column 17: the range [10 TO 5] is empty, put the smaller number first");
    fails(
        "authorFollowers:[10 5]",
        "column 21: expected TO between the numbers of the range, as in authorFollowers:[1000 TO *]");
    fails(
        "title:(a OR b)",
        "column 7: title: takes one word or a \"phrase\", as in title:launch; for several, write title:a OR title:b");
  }

  @Test
  void phrasesAndExactWordsMustBeClosed() {
    fails("\"acme phone", "column 1: this phrase has no closing \", add \" where the phrase ends");
    fails("{Acme", "column 1: this { has no closing }, an exact word is written {Like} this");
    fails(
        "{Acme Corp}",
        "column 1: {...} holds exactly one word, as in {Apple}; for several words use a \"phrase\"");
    fails("\"a b\"~", "column 6: ~ needs a number, as in \"a b\"~5");
    fails(
        "acme~2",
        "column 5: ~n follows a quoted phrase, as in \"a b\"~5 (fuzzy words are not supported)");
  }

  @Test
  void nothingToSearchForIsAnError() {
    fails("   ", "column 1: the query is empty, write a word to search for");
    fails("!!!", "column 1: \"!!!\" has no letters, digits or emoji to search for");
    fails(
        "https://example.com",
        "column 1: a link is not a word, use url:example.com/page or site:example.com");
  }

  @Test
  void eachLimitHasItsOwnError() {
    fails(
        "a".repeat(4097),
        "column 4097: the query is 4097 characters long; the limit is 4096, split it into several queries");
    fails(
        "(".repeat(40) + "a" + ")".repeat(40),
        "column 33: brackets and NOTs are nested more than 32 deep, simplify the query");
    fails(
        "w ".repeat(257),
        "column 513: the query has more than 256 terms, split it into several queries");
    fails(
        "ab* ".repeat(17),
        "column 65: the query has more than 16 words with wildcards, split it into several queries");
    fails("a NEAR/101 b", "column 8: NEAR distance 101 is too large, the limit is 100");
  }

  @Test
  void columnsCountCodePointsNotChars() {
    fails("🚀🚀 OR", "column 6: OR needs a term after it, add a term or remove the OR");
  }
}
