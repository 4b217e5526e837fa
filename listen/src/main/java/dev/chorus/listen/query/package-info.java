/**
 * The listening query language: parser, syntax tree, limits and errors.
 *
 * <p>Entry point: {@code new QueryParser(QueryLimits.DEFAULT).parse(text)} returns a {@link
 * dev.chorus.listen.query.Query} (the source text and its {@link dev.chorus.listen.query.Node}
 * tree) or throws {@link dev.chorus.listen.query.QuerySyntaxException} naming the column, what was
 * expected there and, where it can, a fix. Any string gives one or the other, in time linear in its
 * length; {@link dev.chorus.listen.query.QueryLimits} bounds length, nesting, terms and wildcards.
 *
 * <p>Moving parts: {@code QueryLexer} (characters to tokens with columns), {@code QueryParser}
 * (recursive descent with precedence NOT, NEAR, AND, OR), {@code WordReader} (a written word,
 * phrase or field value to terms, through the same {@link dev.chorus.listen.text.TextAnalyzer} as
 * posts). The language is described with an example per feature in {@code docs/QUERY-LANGUAGE.md}.
 */
package dev.chorus.listen.query;
