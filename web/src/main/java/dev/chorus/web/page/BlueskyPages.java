package dev.chorus.web.page;

import dev.chorus.channels.bluesky.ConnectBluesky;
import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Connecting a Bluesky account with its handle and an app password. Errors are shown on the field
 * they concern (a network that cannot be reached on the handle); the password is never sent back.
 */
public final class BlueskyPages {
  private final Core core;
  private final ChannelPages channelPages;
  private final ConnectBluesky connectBluesky;

  public BlueskyPages(Core core, ChannelPages channelPages, ConnectBluesky connectBluesky) {
    this.core = core;
    this.channelPages = channelPages;
    this.connectBluesky = connectBluesky;
  }

  public void register(RoutesConfig r) {
    r.post("/w/{slug}/channels/bluesky", this::connect, Access.ADMIN);
  }

  private void connect(Context ctx) {
    Actor actor = Req.actor(ctx);
    // The password is deliberately left out of the form that is rendered again.
    Form form =
        Form.empty()
            .with("interval", "15")
            .with("bluesky_handle", ctx.formParam("bluesky_handle"))
            .with("bluesky_name", ctx.formParam("bluesky_name"));
    try {
      Channel c =
          connectBluesky.connect(
              actor,
              ctx.formParam("bluesky_handle"),
              ctx.formParam("app_password"),
              ctx.formParam("bluesky_name"));
      core.pollChannel.poll(c);
      ctx.redirect("/w/" + actor.workspace().slug() + "/channels/" + c.id() + "?notice=connected");
    } catch (Invalid e) {
      ctx.status(400);
      channelPages.renderList(ctx, form.failed(new Invalid(formField(e.field()), e.getMessage())));
    } catch (ChannelFailure e) {
      // Bluesky or the account's server could not be reached: nothing is wrong with the input.
      ctx.status(502);
      String why =
          "Bluesky did not answer as expected ("
              + e.getMessage()
              + "). Nothing was connected; try again in a moment.";
      channelPages.renderList(ctx, form.failed(new Invalid("bluesky_handle", why)));
    }
  }

  private static String formField(String field) {
    return switch (field) {
      case "app_password" -> "app_password";
      case "name" -> "bluesky_name";
      default -> "bluesky_handle";
    };
  }
}
