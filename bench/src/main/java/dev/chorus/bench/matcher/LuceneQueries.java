package dev.chorus.bench.matcher;

import dev.chorus.listen.query.Node;
import dev.chorus.listen.query.Node.Slot;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Translates a Chorus syntax tree into the Lucene query with the same meaning, field by field:
 * {@code body}, {@code title}, {@code exact}, {@code author}, {@code lang}, {@code channel}, {@code
 * site}, {@code url} and the point field {@code followers} (see {@link LuceneDocuments}).
 *
 * <p>Phrases are ordered span-near queries with slop 0, {@code "..."~n} an unordered span-near with
 * slop n, NEAR/n a span-near over span-or groups: Lucene's span slop counts the positions between
 * spans, which is Chorus's definition. NOT becomes MUST_NOT beside MatchAll when it has no positive
 * sibling.
 */
final class LuceneQueries {

  private LuceneQueries() {}

  static Query of(Node node) {
    if (node instanceof Node.Single single) {
      String field = field(single.space());
      return single.slot() instanceof Node.Wildcard
          ? new WildcardQuery(new Term(field, single.slot().text()))
          : new TermQuery(new Term(field, single.slot().text()));
    }
    if (node instanceof Node.Phrase || node instanceof Node.Proximity) {
      return span(node);
    }
    if (node instanceof Node.Exact exact) {
      return new TermQuery(new Term("exact", exact.text()));
    }
    if (node instanceof Node.FieldIs is) {
      String field =
          switch (is.field()) {
            case AUTHOR -> "author";
            case LANG -> "lang";
            case CHANNEL -> "channel";
            case SITE -> "site";
          };
      return new TermQuery(new Term(field, is.value()));
    }
    if (node instanceof Node.UrlPrefix url) {
      return new PrefixQuery(new Term("url", url.prefix()));
    }
    if (node instanceof Node.Followers range) {
      return LongPoint.newRangeQuery("followers", range.min(), range.max());
    }
    if (node instanceof Node.Near near) {
      return new SpanNearQuery(
          new SpanQuery[] {span(near.left()), span(near.right())}, near.distance(), near.ordered());
    }
    if (node instanceof Node.And and) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder();
      boolean positive = false;
      for (Node child : and.children()) {
        if (child instanceof Node.Not not) {
          builder.add(of(not.child()), Occur.MUST_NOT);
        } else {
          builder.add(of(child), Occur.MUST);
          positive = true;
        }
      }
      if (!positive) {
        builder.add(new MatchAllDocsQuery(), Occur.MUST);
      }
      return builder.build();
    }
    if (node instanceof Node.Or or) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder();
      for (Node child : or.children()) {
        builder.add(of(child), Occur.SHOULD);
      }
      return builder.build();
    }
    if (node instanceof Node.Not not) {
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.MUST)
          .add(of(not.child()), Occur.MUST_NOT)
          .build();
    }
    throw new IllegalArgumentException("no Lucene equivalent for " + node);
  }

  private static SpanQuery span(Node node) {
    if (node instanceof Node.Single single) {
      return slot(field(single.space()), single.slot());
    }
    if (node instanceof Node.Phrase phrase) {
      return new SpanNearQuery(slots(field(phrase.space()), phrase.slots()), 0, true);
    }
    if (node instanceof Node.Proximity proximity) {
      return new SpanNearQuery(
          slots(field(proximity.space()), proximity.slots()), proximity.slop(), false);
    }
    if (node instanceof Node.Or or) {
      SpanQuery[] children =
          or.children().stream().map(LuceneQueries::span).toArray(SpanQuery[]::new);
      return new SpanOrQuery(children);
    }
    throw new IllegalArgumentException("not a span: " + node);
  }

  private static SpanQuery[] slots(String field, List<Slot> slots) {
    return slots.stream().map(slot -> slot(field, slot)).toArray(SpanQuery[]::new);
  }

  private static SpanQuery slot(String field, Slot slot) {
    Term term = new Term(field, slot.text());
    return slot instanceof Node.Wildcard
        ? new SpanMultiTermQueryWrapper<>(new WildcardQuery(term))
        : new SpanTermQuery(term);
  }

  private static String field(Node.Space space) {
    return space == Node.Space.TITLE ? "title" : "body";
  }
}
