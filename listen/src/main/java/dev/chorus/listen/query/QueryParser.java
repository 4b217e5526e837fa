package dev.chorus.listen.query;

import dev.chorus.listen.query.Node.Space;
import dev.chorus.listen.query.QueryLexer.Lexeme;
import dev.chorus.listen.query.QueryLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses query text into a {@link Query}.
 *
 * <p>Precedence, tightest first: {@code NOT} and {@code -}, {@code NEAR/n}, {@code AND} (also
 * written as plain adjacency), {@code OR}. Brackets group. Errors are {@link QuerySyntaxException}s
 * naming the column.
 *
 * <p>Immutable and thread-safe; each call parses independently in time linear in the text.
 */
public final class QueryParser {

  private static final String FIELDS =
      "author:, lang:, site:, url:, channel:, title:, authorFollowers:";

  private final QueryLimits limits;

  public QueryParser(QueryLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Parses {@code text}.
   *
   * @throws QuerySyntaxException if it is not a valid query or exceeds a limit
   */
  public Query parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > limits.maxLength()) {
      throw error(
          text,
          limits.maxLength(),
          "the query is " + text.length() + " characters long; the limit is " + limits.maxLength(),
          "split it into several queries");
    }
    if (text.isBlank()) {
      throw error(text, 0, "the query is empty", "write a word to search for");
    }
    return new Query(text, new Run(text).parseQuery());
  }

  /**
   * A syntax error at char index {@code at} of {@code text}, reported by 1-based code point column.
   */
  static QuerySyntaxException error(String text, int at, String problem, String fix) {
    int index = Math.max(0, Math.min(at, text.length()));
    return new QuerySyntaxException(text.codePointCount(0, index) + 1, problem, fix);
  }

  /** Reading position in the lexemes, for readers of multi-lexeme constructs. */
  interface Cursor {
    Lexeme peek();

    Lexeme take();
  }

  /** The state of one parse. */
  private final class Run implements Cursor {
    private final String text;
    private final List<Lexeme> lexemes;
    private final WordReader words;
    private int next;
    private int depth;

    Run(String text) {
      this.text = text;
      this.lexemes = QueryLexer.lex(text, limits);
      this.words = new WordReader(text, limits);
    }

    Node parseQuery() {
      Node root = parseOr();
      Lexeme extra = peek();
      if (extra.type() == Type.RPAREN) {
        throw fail(extra, "unexpected ): no bracket is open here", "remove it or add ( before it");
      }
      if (extra.type() != Type.END) {
        throw fail(extra, "unexpected " + describe(extra), null);
      }
      return root;
    }

    private Node parseOr() {
      List<Node> children = new ArrayList<>();
      children.add(parseAnd());
      while (peek().type() == Type.OR) {
        Lexeme or = take();
        requireOperand(or, "OR");
        children.add(parseAnd());
      }
      return children.size() == 1 ? children.get(0) : new Node.Or(children);
    }

    private Node parseAnd() {
      List<Node> children = new ArrayList<>();
      children.add(parseUnary());
      while (true) {
        Lexeme lexeme = peek();
        if (lexeme.type() == Type.AND) {
          take();
          requireOperand(lexeme, "AND");
          children.add(parseUnary());
        } else if (startsOperand(lexeme.type())) {
          children.add(parseUnary());
        } else {
          break;
        }
      }
      return children.size() == 1 ? children.get(0) : new Node.And(children);
    }

    private Node parseUnary() {
      Lexeme lexeme = peek();
      if (lexeme.type() == Type.NOT || lexeme.type() == Type.MINUS) {
        take();
        requireOperand(lexeme, lexeme.type() == Type.NOT ? "NOT" : "-");
        enter(lexeme);
        Node child = parseUnary();
        depth--;
        return new Node.Not(child);
      }
      return parseNear();
    }

    private Node parseNear() {
      Lexeme leftStart = peek();
      Node left = parsePrimary();
      if (peek().type() != Type.NEAR) {
        return left;
      }
      Lexeme near = take();
      requireNearOperand(left, leftStart, near);
      Lexeme rightStart = peek();
      if (rightStart.type() == Type.NOT || rightStart.type() == Type.MINUS) {
        throw fail(rightStart, "NEAR cannot take a NOT", "write (a NEAR/5 b) AND NOT c");
      }
      requireOperand(near, "NEAR/" + near.number());
      Node right = parsePrimary();
      requireNearOperand(right, rightStart, near);
      if (peek().type() == Type.NEAR) {
        throw fail(
            peek(),
            "NEAR joins exactly two operands",
            "write (a NEAR/5 b) AND (b NEAR/5 c) for a chain");
      }
      return new Node.Near(left, right, near.number(), near.ordered());
    }

    private Node parsePrimary() {
      Lexeme lexeme = take();
      switch (lexeme.type()) {
        case LPAREN -> {
          enter(lexeme);
          if (peek().type() == Type.RPAREN) {
            throw fail(peek(), "empty brackets", "put a term between ( and )");
          }
          Node inner = parseOr();
          if (peek().type() != Type.RPAREN) {
            throw fail(
                peek(),
                "expected ) to close the bracket opened at column " + column(lexeme),
                peek().type() == Type.END ? "add ) at the end" : null);
          }
          take();
          depth--;
          return inner;
        }
        case WORD -> {
          return words.word(lexeme.text(), lexeme.start(), Space.TEXT);
        }
        case QUOTED -> {
          return words.quoted(lexeme.text(), lexeme.start(), lexeme.number(), Space.TEXT);
        }
        case EXACT -> {
          return words.exact(lexeme.text(), lexeme.start());
        }
        case FIELD -> {
          return new FieldReader(text, words).read(lexeme, this);
        }
        case END -> throw fail(lexeme, "expected a term at the end of the query", null);
        case RPAREN -> throw fail(lexeme, "expected a term before )", null);
        case NEAR -> throw fail(lexeme, "NEAR needs a term before it", "as in acme NEAR/5 launch");
        case AND, OR -> throw fail(lexeme, lexeme.text() + " needs a term before it", null);
        default -> throw fail(lexeme, "unexpected " + describe(lexeme), null);
      }
    }

    private void requireNearOperand(Node node, Lexeme start, Lexeme near) {
      if (!isSpan(node)) {
        throw fail(
            start,
            "NEAR works between words, phrases and bracketed OR-groups of them",
            "move AND, NOT, ~n and fields outside the NEAR, as in (a NEAR/"
                + near.number()
                + " b) AND c");
      }
    }

    private boolean isSpan(Node node) {
      if (node instanceof Node.Single single) {
        return single.space() == Space.TEXT;
      }
      if (node instanceof Node.Phrase phrase) {
        return phrase.space() == Space.TEXT;
      }
      if (node instanceof Node.Or or) {
        for (Node child : or.children()) {
          if (!isSpan(child)) {
            return false;
          }
        }
        return true;
      }
      return false;
    }

    private void requireOperand(Lexeme operator, String name) {
      Type type = peek().type();
      if (!startsOperand(type)) {
        throw fail(
            peek(),
            name + " needs a term after it",
            type == Type.END ? "add a term or remove the " + name : null);
      }
    }

    private boolean startsOperand(Type type) {
      return switch (type) {
        case WORD, QUOTED, EXACT, FIELD, LPAREN, NOT, MINUS -> true;
        default -> false;
      };
    }

    private void enter(Lexeme at) {
      if (++depth > limits.maxDepth()) {
        throw fail(
            at,
            "brackets and NOTs are nested more than " + limits.maxDepth() + " deep",
            "simplify the query");
      }
    }

    @Override
    public Lexeme peek() {
      return lexemes.get(next);
    }

    @Override
    public Lexeme take() {
      Lexeme lexeme = lexemes.get(next);
      if (lexeme.type() != Type.END) {
        next++;
      }
      return lexeme;
    }

    private int column(Lexeme lexeme) {
      return text.codePointCount(0, lexeme.start()) + 1;
    }

    private QuerySyntaxException fail(Lexeme at, String problem, String fix) {
      return error(text, at.start(), problem, fix);
    }
  }

  static String describe(Lexeme lexeme) {
    return switch (lexeme.type()) {
      case END -> "end of the query";
      case QUOTED -> "phrase";
      case FIELD -> "field " + lexeme.text() + ":";
      default -> "\"" + lexeme.text() + "\"";
    };
  }

  static String fields() {
    return FIELDS;
  }
}
