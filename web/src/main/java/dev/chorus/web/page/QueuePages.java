package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.publishing.queue.CalendarPosts;
import dev.chorus.core.publishing.queue.Slot;
import dev.chorus.core.publishing.queue.WorkspaceZone;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.CalendarView;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The queue (the workspace's time zone, each channel's time slots, posts waiting in the queue) and
 * the calendar (week and month, drag or a form to reschedule). Everyone in the workspace sees them;
 * editors change slots, queue posts and reschedule.
 */
public final class QueuePages {
  /** A channel with its slots, as text for its form. */
  public record ChannelSlots(Channel channel, List<Slot> slots, String text, Form form) {}

  /** The queue page. */
  public record QueuePage(
      String zone,
      List<ChannelSlots> channels,
      List<CalendarView.Item> queued,
      Form zoneForm,
      Form addForm,
      List<Channel> connected) {}

  /** The reschedule form. */
  public record MovePage(CalendarView.Item item, String zone, Form form, String back) {}

  static final Map<String, String> NOTICES =
      Map.of(
          "zone-saved", "Time zone saved: slots and the calendar follow it.",
          "slots-saved", "Time slots saved.",
          "moved", "Post moved.",
          "series-saved", "Recurring post saved: its next occurrence is on the calendar shortly.",
          "series-paused", "Paused: no new occurrence is created.",
          "series-resumed", "Resumed.",
          "series-deleted", "Deleted. An occurrence already scheduled stays on the calendar.",
          "automation-saved", "Feed automation saved: the feed is read within a minute.",
          "automation-deleted", "Feed automation deleted. The posts it made stay.");

  private static final DateTimeFormatter LOCAL_INPUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);

  private final Core core;
  private final Pages pages;

  public QueuePages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/publish/queue", this::queue, Access.VIEWER);
    r.post("/w/{slug}/publish/queue/zone", this::changeZone, Access.EDITOR);
    r.post("/w/{slug}/publish/queue/slots/{channel}", this::changeSlots, Access.EDITOR);
    r.post("/w/{slug}/publish/queue/add", this::add, Access.EDITOR);
    r.get("/w/{slug}/publish/calendar", this::calendar, Access.VIEWER);
    r.get("/w/{slug}/publish/calendar/{post}/move", this::moveForm, Access.EDITOR);
    r.post("/w/{slug}/publish/calendar/{post}/move", this::move, Access.EDITOR);
  }

  static String notice(Context ctx) {
    String key = ctx.queryParam("notice");
    return key == null ? null : NOTICES.get(key);
  }

  // --- queue ---

  private void queue(Context ctx) {
    renderQueue(ctx, Form.empty(), Form.empty(), null, null);
  }

  private void renderQueue(
      Context ctx, Form zoneForm, Form addForm, ChannelId failedChannel, Form slotForm) {
    Actor actor = Req.actor(ctx);
    QueuePage page =
        core.db.read(
            h -> {
              ZoneId zone = core.queue.zones.of(h, actor.workspace().id());
              Map<ChannelId, List<Slot>> slots = core.queue.slots.all(h, actor.workspace().id());
              List<ChannelSlots> rows = new ArrayList<>();
              List<Channel> connected = new ArrayList<>();
              for (Channel c : core.channels.list(h, actor.workspace().id())) {
                if (c.disconnectedAt() != null || !publishes(c)) continue;
                connected.add(c);
                List<Slot> mine = slots.getOrDefault(c.id(), List.of());
                Form f =
                    c.id().equals(failedChannel)
                        ? slotForm
                        : Form.empty().with("slots", text(mine));
                rows.add(new ChannelSlots(c, mine, text(mine), f));
              }
              List<CalendarView.Item> queued = new ArrayList<>();
              for (CalendarPosts.Entry e :
                  core.queue.calendar.queued(h, actor.workspace().id(), 200)) {
                queued.add(CalendarView.item(e, zone));
              }
              return new QueuePage(
                  zone.getId(),
                  rows,
                  queued,
                  zoneForm.value("time_zone").isEmpty()
                      ? zoneForm.with("time_zone", zone.getId())
                      : zoneForm,
                  addForm,
                  connected);
            });
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    p.put("zones", ZoneIds.ALL);
    p.put("shell", pages.shell(ctx, "Queue").withNotice(notice(ctx)));
    pages.render(ctx, "publish-queue.jte", p);
  }

  private void changeZone(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form f = Form.empty().with("time_zone", ctx.formParam("time_zone"));
    try {
      core.queue.zones.change(actor, f.value("time_zone"));
      ctx.redirect(base(actor) + "/queue?notice=zone-saved");
    } catch (Invalid e) {
      ctx.status(400);
      renderQueue(ctx, f.failed(e), Form.empty(), null, null);
    }
  }

  private void changeSlots(Context ctx) {
    Actor actor = Req.actor(ctx);
    ChannelId channel = new ChannelId(ctx.pathParam("channel"));
    Form f = Form.empty().with("slots", ctx.formParam("slots"));
    try {
      core.queue.slots.replace(actor, channel, parseSlots(f.value("slots")));
      ctx.redirect(base(actor) + "/queue?notice=slots-saved#channel-" + channel.value());
    } catch (Invalid e) {
      ctx.status(400);
      renderQueue(ctx, Form.empty(), Form.empty(), channel, f.failed(e));
    }
  }

  private void add(Context ctx) {
    Actor actor = Req.actor(ctx);
    List<String> channels = ctx.formParams("channels");
    Form f =
        Form.empty()
            .with("text", ctx.formParam("text"))
            .with("content_warning", ctx.formParam("content_warning"))
            .with("channels", String.join(",", channels));
    try {
      String cw = f.value("content_warning").isBlank() ? null : f.value("content_warning");
      List<SchedulePost.Variant> variants = new ArrayList<>();
      for (String c : channels) {
        variants.add(new SchedulePost.Variant(new ChannelId(c), f.value("text"), cw));
      }
      var q = core.queue.addToQueue.add(actor, variants);
      ZoneId zone = core.queue.zones.of(actor.workspace().id());
      ctx.redirect(
          base(actor)
              + "/calendar?view=week&date="
              + q.dueAt().atZone(zone).toLocalDate()
              + "&notice=moved#post-"
              + q.post().value());
    } catch (Invalid e) {
      ctx.status(400);
      renderQueue(ctx, Form.empty(), f.failed(e), null, null);
    }
  }

  /**
   * Slots written one per line or comma-separated, as "Monday 09:30"; "daily", "weekdays" and
   * "weekends" stand for several days.
   */
  static List<Slot> parseSlots(String text) {
    List<Slot> out = new ArrayList<>();
    for (String part : text.split("[,\\n]")) {
      String s = part.strip();
      if (s.isEmpty()) continue;
      String[] w = s.split("\\s+");
      if (w.length != 2) {
        throw new Invalid("slots", "“" + s + "”: write a day and a time, as Monday 09:30");
      }
      for (DayOfWeek d : days(w[0])) out.add(Slot.parse(d.name(), w[1]));
    }
    return out;
  }

  private static Set<DayOfWeek> days(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "daily":
        return EnumSet.allOf(DayOfWeek.class);
      case "weekdays":
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      case "weekends":
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      default:
        String w = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
          String name = d.name().toLowerCase(Locale.ROOT);
          if (w.length() >= 3 && name.startsWith(w)) return EnumSet.of(d);
        }
        throw new Invalid(
            "slots", "“" + word + "” is not a day (Monday … Sunday, daily, weekdays)");
    }
  }

  static String text(List<Slot> slots) {
    StringBuilder b = new StringBuilder();
    for (Slot s : slots) {
      if (b.length() > 0) b.append('\n');
      String day = s.day().name();
      b.append(day.charAt(0)).append(day.substring(1).toLowerCase(Locale.ROOT)).append(' ');
      b.append(s.time());
    }
    return b.toString();
  }

  // --- calendar ---

  private void calendar(Context ctx) {
    Actor actor = Req.actor(ctx);
    String view = "month".equals(ctx.queryParam("view")) ? "month" : "week";
    ZoneId zone = core.queue.zones.of(actor.workspace().id());
    LocalDate today = core.clock.instant().atZone(zone).toLocalDate();
    LocalDate date = today;
    String d = ctx.queryParam("date");
    if (d != null && !d.isBlank()) {
      try {
        date = LocalDate.parse(d.strip());
      } catch (DateTimeParseException e) {
        throw new Invalid("date", "“" + d + "” is not a date; write 2026-12-01");
      }
    }
    CalendarView.Range range = CalendarView.range(view, date, zone);
    List<CalendarPosts.Entry> entries =
        core.db.read(
            h -> core.queue.calendar.between(h, actor.workspace().id(), range.from(), range.to()));
    CalendarView cal =
        CalendarView.build(
            view,
            date,
            today,
            zone,
            entries,
            actor.role().atLeast(dev.chorus.core.member.Role.EDITOR));
    Map<String, Object> p = new HashMap<>();
    p.put("cal", cal);
    p.put("shell", pages.shell(ctx, "Calendar").withNotice(notice(ctx)));
    pages.render(ctx, "publish-calendar.jte", p);
  }

  private void moveForm(Context ctx) {
    renderMove(ctx, Form.empty());
  }

  private void renderMove(Context ctx, Form form) {
    Actor actor = Req.actor(ctx);
    PostId id = new PostId(ctx.pathParam("post"));
    ZoneId zone = core.queue.zones.of(actor.workspace().id());
    CalendarPosts.Entry e =
        core.db
            .read(h -> core.queue.calendar.find(h, actor.workspace().id(), id))
            .orElseThrow(NotFoundResponse::new);
    CalendarView.Item item = CalendarView.item(e, zone);
    if (form.value("due").isEmpty()) {
      form.with("due", e.dueAt().atZone(zone).toLocalDateTime().format(LOCAL_INPUT));
    }
    String back =
        base(actor)
            + "/calendar?view=week&date="
            + e.dueAt().atZone(zone).toLocalDate()
            + "#post-"
            + id.value();
    Map<String, Object> p = new HashMap<>();
    p.put("page", new MovePage(item, zone.getId(), form, back));
    p.put("shell", pages.shell(ctx, "Reschedule"));
    pages.render(ctx, "publish-move.jte", p);
  }

  private void move(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId id = new PostId(ctx.pathParam("post"));
    boolean json = wantsJson(ctx);
    Form f = Form.empty().with("due", ctx.formParam("due"));
    try {
      ZoneId zone = core.queue.zones.of(actor.workspace().id());
      var moved =
          core.queue.reschedule.reschedule(
              actor, id, WorkspaceZone.at("due", f.value("due"), zone));
      if (json) {
        ctx.json(
            Map.of(
                "post", id.value(),
                "due_at", moved.dueAt().toString(),
                "moved", moved.moved(),
                "stayed", moved.stayed()));
        return;
      }
      ctx.redirect(
          base(actor)
              + "/calendar?view=week&date="
              + moved.dueAt().atZone(zone).toLocalDate()
              + "&notice=moved#post-"
              + id.value());
    } catch (Invalid | Conflict e) {
      int status = e instanceof Invalid ? 400 : 409;
      if (json) {
        ctx.status(status).json(Map.of("error", Map.of("message", e.getMessage())));
        return;
      }
      ctx.status(status);
      renderMove(ctx, e instanceof Invalid i ? f.failed(i) : f.failed(e.getMessage()));
    }
  }

  private static boolean wantsJson(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json");
  }

  /** Channels of networks Chorus publishes to (feeds and inbound webhooks only listen). */
  static boolean publishes(Channel c) {
    return c.network() != dev.chorus.core.channel.Network.RSS
        && c.network() != dev.chorus.core.channel.Network.WEBHOOK;
  }

  static String base(Actor actor) {
    return "/w/" + actor.workspace().slug() + "/publish";
  }
}
