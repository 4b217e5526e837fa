package dev.chorus.core.listening;

import dev.chorus.core.error.Invalid;
import dev.chorus.listen.query.Query;
import dev.chorus.listen.query.QueryLimits;
import dev.chorus.listen.query.QueryParser;
import dev.chorus.listen.query.QuerySyntaxException;

/** Parses query text with the listening engine, turning its errors into {@link Invalid}. */
public final class QueryCheck {
  private final QueryParser parser = new QueryParser(QueryLimits.DEFAULT);

  /**
   * The parsed query.
   *
   * @throws Invalid on field {@code query} with the parser's message ("column 14: NEAR needs a
   *     number, as in NEAR/5")
   */
  public Query parse(String text) {
    if (text == null || text.isBlank())
      throw new Invalid("query", "write a query, such as \"northwind coffee\" OR #northwind");
    try {
      return parser.parse(text);
    } catch (QuerySyntaxException e) {
      throw new Invalid("query", e.getMessage());
    }
  }
}
