package dev.chorus.core.pipeline;

import dev.chorus.core.workspace.WorkspaceId;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stage: tells listeners (the web's event streams) which conversations changed, after the
 * change is committed. Listeners must be quick and never block; a failing listener is logged and
 * skipped.
 */
public final class InboxEvents {
  private static final Logger LOG = LoggerFactory.getLogger(InboxEvents.class);

  private final CopyOnWriteArrayList<BiConsumer<WorkspaceId, Set<String>>> listeners =
      new CopyOnWriteArrayList<>();

  /** Subscribes; the returned handle unsubscribes. */
  public AutoCloseable listen(BiConsumer<WorkspaceId, Set<String>> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Tells every listener that these conversations of the workspace changed. */
  public void changed(WorkspaceId workspace, Set<String> conversationIds) {
    if (conversationIds.isEmpty()) return;
    Set<String> ids = Set.copyOf(conversationIds);
    for (BiConsumer<WorkspaceId, Set<String>> l : listeners) {
      try {
        l.accept(workspace, ids);
      } catch (RuntimeException e) {
        LOG.warn("an inbox listener failed", e);
      }
    }
  }

  public int listeners() {
    return listeners.size();
  }
}
