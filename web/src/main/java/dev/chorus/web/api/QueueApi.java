package dev.chorus.web.api;

import dev.chorus.core.Core;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.publishing.queue.ImportPosts;
import dev.chorus.core.publishing.queue.WorkspaceZone;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue in the API: add a post to the queue, move a scheduled post, import posts from CSV.
 * {@link ApiRoutes} registers them with the rest.
 */
public final class QueueApi {
  private final Core core;
  private final List<Operation> operations = new ArrayList<>();

  QueueApi(Core core) {
    this.core = core;
    declare();
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  /** A post for the queue: the same text on each channel. */
  public record QueuePostJson(List<String> channels, String text, String contentWarning) {}

  /** Where a post went. */
  public record QueuedJson(String postId, Instant dueAt) {}

  /**
   * A new time: an instant with an offset, or a local date and time in {@code timeZone} (the
   * workspace's when omitted).
   */
  public record RescheduleJson(String dueAt, String timeZone) {}

  /** What moved. */
  public record RescheduledJson(String postId, Instant dueAt, int moved, int stayed) {}

  /** A CSV file's text. */
  public record ImportJson(String csv) {}

  /** One imported row. */
  public record ImportedRowJson(int row, String postId, Instant dueAt) {}

  /** One refused row, with the column and the reason. */
  public record RefusedRowJson(int row, String field, String reason) {}

  /** What happened to every row. */
  public record ImportResultJson(List<ImportedRowJson> imported, List<RefusedRowJson> errors) {}

  private void declare() {
    add(
        HandlerType.POST,
        "/api/v1/queue",
        "queuePost",
        "Add a post to the queue: the next free time slot its channels share (editors)",
        Access.EDITOR,
        QueuePostJson.class,
        QueuedJson.class,
        201,
        this::queue);
    add(
        HandlerType.POST,
        "/api/v1/posts/{postId}/reschedule",
        "reschedulePost",
        "Move a scheduled post; deliveries already on their way keep their time (editors)",
        Access.EDITOR,
        RescheduleJson.class,
        RescheduledJson.class,
        200,
        this::reschedule);
    add(
        HandlerType.POST,
        "/api/v1/posts/import",
        "importPosts",
        "Import scheduled posts from CSV: the good rows are scheduled, each bad row listed with"
            + " its reason (editors)",
        Access.EDITOR,
        ImportJson.class,
        ImportResultJson.class,
        200,
        this::importCsv);
  }

  private void add(
      HandlerType method,
      String path,
      String id,
      String summary,
      Access access,
      Class<?> body,
      Class<?> response,
      int status,
      io.javalin.http.Handler handler) {
    operations.add(
        new Operation(
            method, path, id, "Queue", summary, access, body, response, false, status, List.of(),
            handler));
  }

  private void queue(Context ctx) {
    Actor actor = Req.actor(ctx);
    QueuePostJson req = ctx.bodyAsClass(QueuePostJson.class);
    if (req.channels() == null) throw new Invalid("channels", "choose at least one channel");
    List<SchedulePost.Variant> variants = new ArrayList<>();
    for (String c : req.channels()) {
      variants.add(new SchedulePost.Variant(new ChannelId(c), req.text(), req.contentWarning()));
    }
    var q = core.queue.addToQueue.add(actor, variants);
    ctx.status(201).json(new QueuedJson(q.post().value(), q.dueAt()));
  }

  private void reschedule(Context ctx) {
    Actor actor = Req.actor(ctx);
    RescheduleJson req = ctx.bodyAsClass(RescheduleJson.class);
    ZoneId zone =
        req.timeZone() == null || req.timeZone().isBlank()
            ? core.queue.zones.of(actor.workspace().id())
            : WorkspaceZone.parse("time_zone", req.timeZone());
    var m =
        core.queue.reschedule.reschedule(
            actor,
            new PostId(ctx.pathParam("postId")),
            WorkspaceZone.at("due_at", req.dueAt(), zone));
    ctx.json(new RescheduledJson(m.post().value(), m.dueAt(), m.moved(), m.stayed()));
  }

  private void importCsv(Context ctx) {
    Actor actor = Req.actor(ctx);
    ImportJson req = ctx.bodyAsClass(ImportJson.class);
    ImportPosts.Result r = core.queue.importPosts.run(actor, req.csv());
    ctx.json(
        new ImportResultJson(
            r.imported().stream()
                .map(i -> new ImportedRowJson(i.row(), i.post().value(), i.dueAt()))
                .toList(),
            r.errors().stream()
                .map(e -> new RefusedRowJson(e.row(), e.field(), e.reason()))
                .toList()));
  }
}
