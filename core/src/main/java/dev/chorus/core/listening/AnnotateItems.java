package dev.chorus.core.listening;

import dev.chorus.core.channel.Annotator;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.listen.language.LanguageIdentifier;
import dev.chorus.listen.match.MatchResult;
import dev.chorus.listen.sentiment.SentimentScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the listening engine over items as they arrive: the language, the sentiment (VADER compound,
 * -1 to 1) and the enabled saved queries of the channel's workspace that match, in the channel's
 * scope. A query that fails on one item is logged and skipped for that item only.
 */
public final class AnnotateItems implements Annotator {
  private static final Logger LOG = LoggerFactory.getLogger(AnnotateItems.class);

  private final WorkspaceMatchers matchers;
  private final SentimentScorer sentiment;
  private final Supplier<LanguageIdentifier> languages;

  /**
   * @param languages made on first use: the model takes a second and ~85 MB to load
   */
  public AnnotateItems(
      WorkspaceMatchers matchers,
      SentimentScorer sentiment,
      Supplier<LanguageIdentifier> languages) {
    this.matchers = matchers;
    this.sentiment = sentiment;
    this.languages = languages;
  }

  @Override
  public List<ChannelStore.NewItem> annotate(Channel channel, List<InboundItem> items) {
    WorkspaceMatchers.Compiled compiled = matchers.of(channel.workspaceId());
    List<ChannelStore.NewItem> out = new ArrayList<>(items.size());
    for (InboundItem i : items) {
      String text =
          i.title() == null || i.title().isBlank() ? i.text() : i.title() + "\n" + i.text();
      // The network's language when it gives one (the author chose it); else the model's guess.
      String lang =
          i.language() != null && !i.language().isBlank()
              ? i.language()
              : languages.get().identify(text).language();
      MatchResult r = compiled.matcher().match(PreviewQuery.post(i, lang));
      for (MatchResult.QueryFailure f : r.failures()) {
        LOG.warn(
            "query {} failed on an item of channel {}: {}", f.queryId(), channel.id(), f.reason());
      }
      List<String> ids = new ArrayList<>();
      for (String id : r.matches()) {
        List<String> sources = compiled.sources().get(id);
        if (sources == null || sources.isEmpty() || sources.contains(channel.id().value()))
          ids.add(id);
      }
      out.add(new ChannelStore.NewItem(i, lang, sentiment.score(text).compound(), ids));
    }
    return out;
  }
}
