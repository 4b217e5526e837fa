package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.queue.FeedAutomations;
import dev.chorus.core.publishing.queue.ImportPosts;
import dev.chorus.core.publishing.queue.PostSeries;
import dev.chorus.core.publishing.queue.Repeat;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recurring and evergreen posts, CSV import and feed automations. Everyone in the workspace sees
 * the series and automations; editors create, pause and delete them and import.
 */
public final class QueueToolPages {
  /** The recurring page. */
  public record SeriesPage(
      List<PostSeries.Series> series,
      List<Channel> channels,
      Map<String, String> names,
      Form form) {}

  /** The import page; {@code result} is null before an upload. */
  public record ImportPage(ImportPosts.Result result, Form form, String zone) {}

  /** The automations page. */
  public record AutomationsPage(
      List<FeedAutomations.Automation> automations,
      List<Channel> channels,
      Map<String, String> names,
      Form form) {}

  private final Core core;
  private final Pages pages;

  public QueueToolPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/publish/recurring", this::series, Access.VIEWER);
    r.post("/w/{slug}/publish/recurring", this::createSeries, Access.EDITOR);
    r.post("/w/{slug}/publish/recurring/{id}/pause", ctx -> enable(ctx, false), Access.EDITOR);
    r.post("/w/{slug}/publish/recurring/{id}/resume", ctx -> enable(ctx, true), Access.EDITOR);
    r.post("/w/{slug}/publish/recurring/{id}/delete", this::deleteSeries, Access.EDITOR);
    r.get("/w/{slug}/publish/import", this::importForm, Access.EDITOR);
    r.post("/w/{slug}/publish/import", this::importCsv, Access.EDITOR);
    r.get("/w/{slug}/publish/automations", this::automations, Access.VIEWER);
    r.post("/w/{slug}/publish/automations", this::createAutomation, Access.EDITOR);
    r.post("/w/{slug}/publish/automations/{id}/delete", this::deleteAutomation, Access.EDITOR);
  }

  private List<Channel> publishing(Actor actor) {
    return core.db.read(h -> core.channels.list(h, actor.workspace().id())).stream()
        .filter(c -> c.disconnectedAt() == null && QueuePages.publishes(c))
        .toList();
  }

  private Map<String, String> names(Actor actor) {
    Map<String, String> out = new HashMap<>();
    for (Channel c : core.db.read(h -> core.channels.list(h, actor.workspace().id()))) {
      out.put(c.id().value(), c.name());
    }
    return out;
  }

  // --- recurring ---

  private void series(Context ctx) {
    renderSeries(ctx, Form.empty().with("unit", "week").with("every", "1").with("min_gap", "12"));
  }

  private void renderSeries(Context ctx, Form form) {
    Actor actor = Req.actor(ctx);
    var list = core.db.read(h -> core.queue.series.list(h, actor.workspace().id()));
    Map<String, Object> p = new HashMap<>();
    p.put("page", new SeriesPage(list, publishing(actor), names(actor), form));
    p.put("zone", core.queue.zones.of(actor.workspace().id()).getId());
    p.put("shell", pages.shell(ctx, "Recurring posts").withNotice(QueuePages.notice(ctx)));
    pages.render(ctx, "publish-recurring.jte", p);
  }

  private void createSeries(Context ctx) {
    Actor actor = Req.actor(ctx);
    List<String> channels = ctx.formParams("channels");
    List<String> weekdays = ctx.formParams("weekdays");
    Form f = Form.empty();
    for (String k :
        List.of("kind", "name", "text", "content_warning", "unit", "every", "time", "starts_on")) {
      f.with(k, ctx.formParam(k));
    }
    f.with("min_gap", ctx.formParam("min_gap"))
        .with("channels", String.join(",", channels))
        .with("weekdays", String.join(",", weekdays));
    try {
      PostSeries.Kind kind = PostSeries.Kind.parse("kind", f.value("kind"));
      List<String> texts =
          kind == PostSeries.Kind.EVERGREEN
              ? List.of(f.value("text").split("\\R\\s*---\\s*\\R"))
              : List.of(f.value("text"));
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (String d : weekdays) days.add(DayOfWeek.of(number(d, "weekdays", 1, 7)));
      ZoneId zone = core.queue.zones.of(actor.workspace().id());
      LocalDate starts =
          f.value("starts_on").isBlank()
              ? core.clock.instant().atZone(zone).toLocalDate()
              : date(f.value("starts_on"));
      Repeat repeat =
          new Repeat(
              Repeat.Unit.parse("unit", f.value("unit")),
              number(f.value("every"), "every", 1, 365),
              days,
              time(f.value("time")),
              starts);
      List<ChannelId> ids = channels.stream().map(ChannelId::new).toList();
      core.queue.series.create(
          actor,
          new PostSeries.Spec(
              kind,
              f.value("name"),
              ids,
              texts,
              f.value("content_warning"),
              repeat,
              Duration.ofHours(number(f.value("min_gap"), "min_gap", 1, 24 * 90))));
      // The first occurrence at once, so it shows on the calendar.
      core.queue.fireSeries.fire();
      ctx.redirect(QueuePages.base(actor) + "/recurring?notice=series-saved");
    } catch (Invalid e) {
      ctx.status(400);
      renderSeries(ctx, f.failed(e));
    }
  }

  private static int number(String s, String field, int min, int max) {
    try {
      int n = Integer.parseInt(s.strip());
      if (n < min || n > max) throw new Invalid(field, "give a number from " + min + " to " + max);
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid(field, "give a whole number");
    }
  }

  private static LocalTime time(String s) {
    try {
      return LocalTime.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new Invalid("time", "give a time such as 09:30");
    }
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new Invalid("starts_on", "give a date such as 2026-12-01");
    }
  }

  private void enable(Context ctx, boolean enabled) {
    Actor actor = Req.actor(ctx);
    core.queue.series.setEnabled(actor, ctx.pathParam("id"), enabled);
    ctx.redirect(
        QueuePages.base(actor)
            + "/recurring?notice="
            + (enabled ? "series-resumed" : "series-paused"));
  }

  private void deleteSeries(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.queue.series.delete(actor, ctx.pathParam("id"));
    ctx.redirect(QueuePages.base(actor) + "/recurring?notice=series-deleted");
  }

  // --- import ---

  private void importForm(Context ctx) {
    renderImport(ctx, null, Form.empty());
  }

  private void renderImport(Context ctx, ImportPosts.Result result, Form form) {
    Actor actor = Req.actor(ctx);
    Map<String, Object> p = new HashMap<>();
    p.put(
        "page", new ImportPage(result, form, core.queue.zones.of(actor.workspace().id()).getId()));
    p.put("shell", pages.shell(ctx, "Import posts"));
    pages.render(ctx, "publish-import.jte", p);
  }

  private void importCsv(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form f = Form.empty();
    try {
      String csv = ctx.formParam("csv");
      UploadedFile file = ctx.uploadedFile("file");
      if (file != null && file.size() > 0) {
        if (file.size() > ImportPosts.MAX_BYTES) {
          throw new Invalid("file", "the file is larger than 1 MB; split it");
        }
        try (InputStream in = file.content()) {
          csv = new String(in.readNBytes(ImportPosts.MAX_BYTES + 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new Invalid("file", "the file could not be read");
        }
      }
      if (csv == null || csv.isBlank()) throw new Invalid("file", "choose a CSV file or paste it");
      f.with("csv", file != null && file.size() > 0 ? "" : csv);
      ImportPosts.Result result = core.queue.importPosts.run(actor, csv);
      if (!result.errors().isEmpty()) ctx.status(result.imported().isEmpty() ? 400 : 200);
      renderImport(ctx, result, f);
    } catch (Invalid e) {
      ctx.status(400);
      renderImport(ctx, null, f.failed(e));
    }
  }

  // --- automations ---

  private void automations(Context ctx) {
    renderAutomations(
        ctx,
        Form.empty()
            .with("template", "{title} {link}")
            .with("first_poll", "1")
            .with("interval", "60")
            .with("mode", "queue"));
  }

  private void renderAutomations(Context ctx, Form form) {
    Actor actor = Req.actor(ctx);
    var list = core.db.read(h -> core.queue.feeds.list(h, actor.workspace().id()));
    Map<String, Object> p = new HashMap<>();
    p.put("page", new AutomationsPage(list, publishing(actor), names(actor), form));
    p.put("shell", pages.shell(ctx, "Feed automations").withNotice(QueuePages.notice(ctx)));
    pages.render(ctx, "publish-automations.jte", p);
  }

  private void createAutomation(Context ctx) {
    Actor actor = Req.actor(ctx);
    List<String> channels = ctx.formParams("channels");
    Form f = Form.empty();
    for (String k : List.of("name", "feed_url", "mode", "template", "first_poll", "interval")) {
      f.with(k, ctx.formParam(k));
    }
    f.with("channels", String.join(",", channels));
    try {
      core.queue.feeds.create(
          actor,
          new FeedAutomations.Spec(
              f.value("name"),
              f.value("feed_url"),
              FeedAutomations.Mode.parse("mode", f.value("mode")),
              f.value("template"),
              channels.stream().map(ChannelId::new).toList(),
              number(f.value("first_poll"), "first_poll", 0, FeedAutomations.MAX_FIRST_POLL),
              number(f.value("interval"), "interval", 1, 100_000)));
      ctx.redirect(QueuePages.base(actor) + "/automations?notice=automation-saved");
    } catch (Invalid e) {
      ctx.status(400);
      renderAutomations(ctx, f.failed(e));
    }
  }

  private void deleteAutomation(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.queue.feeds.delete(actor, ctx.pathParam("id"));
    ctx.redirect(QueuePages.base(actor) + "/automations?notice=automation-deleted");
  }

  public static List<String> channelNames(List<ChannelId> ids, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    for (ChannelId c : ids) out.add(names.getOrDefault(c.value(), "(removed channel)"));
    return out;
  }
}
