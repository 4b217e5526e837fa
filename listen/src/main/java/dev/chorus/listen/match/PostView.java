package dev.chorus.listen.match;

import dev.chorus.listen.text.AnalyzedText;
import dev.chorus.listen.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A post analysed into plain lists, for the reference evaluator and explanations.
 *
 * @param text the analysed body
 * @param title the analysed title
 * @param urls normalised URLs: those in the body and title, then the post's own
 * @param author folded author without a leading @
 * @param langs the language code and its primary subtag
 * @param channel folded channel
 * @param followers follower count or -1
 */
public record PostView(
    AnalyzedText text,
    AnalyzedText title,
    List<String> urls,
    String author,
    List<String> langs,
    String channel,
    long followers) {

  public PostView {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(title, "title");
    urls = List.copyOf(urls);
    Objects.requireNonNull(author, "author");
    langs = List.copyOf(langs);
    Objects.requireNonNull(channel, "channel");
  }

  /** Analyses {@code post}. */
  public static PostView of(Post post) {
    AnalyzedText text = TextAnalyzer.analyze(post.text());
    AnalyzedText title = TextAnalyzer.analyze(post.title());
    List<String> urls = new ArrayList<>(text.urls());
    urls.addAll(title.urls());
    String own = PostFields.url(post);
    if (!own.isEmpty()) {
      urls.add(own);
    }
    return new PostView(
        text,
        title,
        urls,
        PostFields.author(post),
        PostFields.langs(post),
        PostFields.channel(post),
        post.authorFollowers());
  }
}
