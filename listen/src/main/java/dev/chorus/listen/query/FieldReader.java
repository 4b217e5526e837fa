package dev.chorus.listen.query;

import dev.chorus.listen.query.Node.Field;
import dev.chorus.listen.query.Node.Space;
import dev.chorus.listen.query.QueryLexer.Lexeme;
import dev.chorus.listen.query.QueryLexer.Type;
import dev.chorus.listen.text.Folding;
import dev.chorus.listen.text.Urls;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the value after {@code name:} into a node. */
final class FieldReader {

  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");

  private final String query;
  private final WordReader words;

  FieldReader(String query, WordReader words) {
    this.query = query;
    this.words = words;
  }

  Node read(Lexeme field, QueryParser.Cursor cursor) {
    String name = field.text();
    Lexeme value = cursor.peek();
    String example = example(name);
    if (example == null) {
      throw fail(
          field,
          "unknown field " + name + ":",
          "the fields are "
              + QueryParser.fields()
              + "; to search the text for it, put it in quotes");
    }
    if (value.spaced() || value.type() == Type.END) {
      throw fail(field, name + ": needs a value right after the colon", "as in " + example);
    }
    return switch (name) {
      case "title" -> title(cursor, example);
      case "authorfollowers" -> followers(cursor, example);
      default -> whole(name, cursor, example);
    };
  }

  private Node title(QueryParser.Cursor cursor, String example) {
    Lexeme value = cursor.take();
    return switch (value.type()) {
      case WORD -> words.word(value.text(), value.start(), Space.TITLE);
      case QUOTED -> words.quoted(value.text(), value.start(), value.number(), Space.TITLE);
      default ->
          throw fail(
              value,
              "title: takes one word or a \"phrase\"",
              "as in " + example + "; for several, write title:a OR title:b");
    };
  }

  private Node whole(String name, QueryParser.Cursor cursor, String example) {
    Lexeme value = cursor.take();
    if (value.type() != Type.WORD && value.type() != Type.QUOTED) {
      throw fail(value, name + ": takes one value", "as in " + example);
    }
    String text = value.text().strip();
    if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0 && !name.equals("url")) {
      throw fail(
          value,
          "wildcards are not supported in " + name + ":",
          "write the whole value, as in " + example);
    }
    Node node =
        switch (name) {
          case "author" -> author(value, text, example);
          case "lang" -> lang(value, text, example);
          case "channel" ->
              new Node.FieldIs(Field.CHANNEL, nonEmpty(value, Folding.fold(text), example));
          case "site" -> site(value, text, example);
          case "url" -> new Node.UrlPrefix(nonEmpty(value, Urls.normalize(text), example));
          default -> throw new IllegalStateException("no reader for field " + name);
        };
    words.countValue(value.start());
    return node;
  }

  private Node author(Lexeme value, String text, String example) {
    String author = Folding.fold(text);
    if (author.startsWith("@")) {
      author = author.substring(1);
    }
    return new Node.FieldIs(Field.AUTHOR, nonEmpty(value, author, example));
  }

  private Node lang(Lexeme value, String text, String example) {
    String lang = text.toLowerCase(Locale.ROOT).replace('_', '-');
    if (!LANG.matcher(lang).matches()) {
      throw fail(value, "lang: takes a language code", "as in " + example + " or lang:pt-br");
    }
    return new Node.FieldIs(Field.LANG, lang);
  }

  private Node site(Lexeme value, String text, String example) {
    String site = Urls.normalize(text);
    if (!Urls.host(site).equals(site)) {
      throw fail(
          value,
          "site: takes a domain",
          "as in " + example + "; for a page use url:example.com/page");
    }
    // www. is kept: site:www.example.com means that host and its subdomains only.
    if (!DOMAIN.matcher(site).matches()) {
      throw fail(value, "\"" + text + "\" is not a domain", "as in " + example);
    }
    return new Node.FieldIs(Field.SITE, site);
  }

  private Node followers(QueryParser.Cursor cursor, String example) {
    Lexeme open = cursor.take();
    if (open.type() != Type.LBRACKET) {
      throw fail(open, "authorFollowers: takes a range", "as in " + example);
    }
    long min = bound(cursor.take(), 0, example);
    Lexeme to = cursor.take();
    if (to.type() != Type.WORD || !to.text().equals("TO")) {
      throw fail(to, "expected TO between the numbers of the range", "as in " + example);
    }
    long max = bound(cursor.take(), Long.MAX_VALUE, example);
    Lexeme close = cursor.take();
    if (close.type() != Type.RBRACKET) {
      throw fail(close, "expected ] to close the range", "as in " + example);
    }
    if (max < min) {
      throw fail(
          open, "the range [" + min + " TO " + max + "] is empty", "put the smaller number first");
    }
    words.countValue(open.start());
    return new Node.Followers(min, max);
  }

  private long bound(Lexeme lexeme, long open, String example) {
    if (lexeme.type() == Type.WORD && lexeme.text().equals("*")) {
      return open;
    }
    if (lexeme.type() != Type.WORD || !lexeme.text().matches("[0-9]{1,18}")) {
      throw fail(lexeme, "expected a whole number or * in the range", "as in " + example);
    }
    return Long.parseLong(lexeme.text());
  }

  private String nonEmpty(Lexeme at, String value, String example) {
    if (value.isEmpty()) {
      throw fail(at, "the value is empty", "as in " + example);
    }
    return value;
  }

  private static String example(String name) {
    return switch (name) {
      case "author" -> "author:acme";
      case "lang" -> "lang:en";
      case "site" -> "site:example.com";
      case "url" -> "url:example.com/blog";
      case "channel" -> "channel:mastodon";
      case "title" -> "title:launch";
      case "authorfollowers" -> "authorFollowers:[1000 TO *]";
      default -> null;
    };
  }

  private QuerySyntaxException fail(Lexeme at, String problem, String fix) {
    return QueryParser.error(query, at.start(), problem, fix);
  }
}
