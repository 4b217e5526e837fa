package dev.chorus.listen.query;

/**
 * A query that cannot be parsed or exceeds a limit. The message reads like "column 14: NEAR needs a
 * number, as in NEAR/5".
 */
public final class QuerySyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int column;
  private final String problem;
  private final String fix;

  /**
   * @param column 1-based column, in code points, where the problem is
   * @param problem what is wrong or what was expected there
   * @param fix how to fix it, or null when there is no single fix
   */
  public QuerySyntaxException(int column, String problem, String fix) {
    super("column " + column + ": " + problem + (fix == null ? "" : ", " + fix));
    this.column = column;
    this.problem = problem;
    this.fix = fix;
  }

  /** 1-based column, in code points. */
  public int column() {
    return column;
  }

  /** What is wrong or was expected, without the column. */
  public String problem() {
    return problem;
  }

  /** A suggested fix, or null. */
  public String fix() {
    return fix;
  }
}
