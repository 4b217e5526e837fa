package dev.chorus.bench.matcher;

import dev.chorus.listen.match.Post;
import dev.chorus.listen.match.PostView;
import dev.chorus.listen.text.Token;
import dev.chorus.listen.text.TokenKind;
import dev.chorus.listen.text.Urls;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.TextField;

/**
 * A post as a Lucene document whose fields carry Chorus's tokens with their positions (several
 * tokens may share one, as a hashtag and its word do), so Lucene and Chorus compare the same terms.
 */
final class LuceneDocuments {

  private LuceneDocuments() {}

  static Document of(Post post) {
    PostView view = PostView.of(post);
    Document doc = new Document();
    List<String> body = new ArrayList<>();
    List<Integer> bodyPositions = new ArrayList<>();
    List<String> exact = new ArrayList<>();
    List<Integer> exactPositions = new ArrayList<>();
    for (Token token : view.text().tokens()) {
      body.add(token.text());
      bodyPositions.add(token.position());
      if (token.kind() == TokenKind.WORD) {
        exact.add(token.raw());
        exactPositions.add(token.position());
      }
    }
    add(doc, "body", body, bodyPositions);
    add(doc, "exact", exact, exactPositions);
    List<String> title = new ArrayList<>();
    List<Integer> titlePositions = new ArrayList<>();
    for (Token token : view.title().tokens()) {
      title.add(token.text());
      titlePositions.add(token.position());
    }
    add(doc, "title", title, titlePositions);
    List<String> sites = new ArrayList<>();
    for (String url : view.urls()) {
      sites.addAll(Urls.sites(url));
    }
    add(doc, "site", sites, null);
    add(doc, "url", view.urls(), null);
    add(doc, "author", view.author().isEmpty() ? List.of() : List.of(view.author()), null);
    add(doc, "lang", view.langs(), null);
    add(doc, "channel", view.channel().isEmpty() ? List.of() : List.of(view.channel()), null);
    if (view.followers() >= 0) {
      doc.add(new LongPoint("followers", view.followers()));
    }
    return doc;
  }

  private static void add(Document doc, String field, List<String> terms, List<Integer> positions) {
    if (!terms.isEmpty()) {
      doc.add(new Field(field, new Tokens(terms, positions), TextField.TYPE_NOT_STORED));
    }
  }

  /** Pre-analysed tokens; without positions, each value takes the next position. */
  private static final class Tokens extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final List<String> terms;
    private final List<Integer> positions;
    private int next;
    private int previous = -1;

    Tokens(List<String> terms, List<Integer> positions) {
      this.terms = terms;
      this.positions = positions;
    }

    @Override
    public boolean incrementToken() {
      if (next == terms.size()) {
        return false;
      }
      clearAttributes();
      int position = positions == null ? next : positions.get(next);
      term.setEmpty().append(terms.get(next));
      increment.setPositionIncrement(position - previous);
      previous = position;
      next++;
      return true;
    }

    @Override
    public void reset() throws java.io.IOException {
      super.reset();
      next = 0;
      previous = -1;
    }
  }
}
