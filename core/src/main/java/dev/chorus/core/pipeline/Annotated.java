package dev.chorus.core.pipeline;

import dev.chorus.core.channel.InboundItem;
import java.util.List;
import java.util.Objects;

/**
 * An item with what the listening engine found in it, ready to store.
 *
 * @param language an ISO 639-1 code or "und"
 * @param sentiment VADER's compound score, -1 to 1
 * @param queryIds the workspace's saved queries it matched, within their sources
 * @param mode conversation, advocacy or mention (see docs/MODES.md)
 * @param question whether it asks something
 */
public record Annotated(
    InboundItem item,
    String language,
    double sentiment,
    List<String> queryIds,
    String mode,
    boolean question) {
  public Annotated {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(mode, "mode");
    queryIds = List.copyOf(queryIds);
  }
}
