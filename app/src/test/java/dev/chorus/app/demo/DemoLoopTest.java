package dev.chorus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.demo.DemoNetwork;
import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.inbox.ConversationId;
import dev.chorus.core.inbox.ReplyToConversation;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.WorkspaceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation loop on the demo network, on a clock the test moves: the team answers questions
 * from the inbox, the replies "send" into the demo network, and the people answered come back in
 * the same conversations a little later.
 */
class DemoLoopTest {
  @TempDir Path dir;

  @Test
  void repliesFromTheInboxReachTheDemoNetworkAndItsPeopleAnswerInTheSameConversation() {
    MutableClock clock = MutableClock.atFixedStart();
    DemoNetwork network = new DemoNetwork(clock);
    Database db = TestDatabases.open(TestDatabases.sqlite(dir));
    Core core =
        new Core(
            db,
            clock,
            SignInThrottle.Limits.defaults(),
            InstanceKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])),
            (channel, secret) -> network.open(channel));
    try {
      var login = new DemoWorkspace(core, dir).ensure();
      Map<String, Object> row =
          db.read(
              h ->
                  h.createQuery("SELECT id, workspace_id FROM channels WHERE network = 'demo'")
                      .mapToMap()
                      .one());
      WorkspaceId ws = new WorkspaceId((String) row.get("workspace_id"));
      ChannelId channelId = new ChannelId((String) row.get("id"));
      var owner = db.read(h -> core.users.byEmail(h, login.email())).orElseThrow();
      var workspace = db.read(h -> core.workspaces.byId(h, ws)).orElseThrow();
      Actor actor = new Actor(owner, workspace, Role.OWNER, null);

      // Ten questions, answered from the inbox.
      List<String> asked =
          db.read(
              h ->
                  h.createQuery(
                          "SELECT id FROM conversations WHERE channel_id = :c AND question = 1"
                              + " ORDER BY last_item_at DESC LIMIT 10")
                      .bind("c", channelId.value())
                      .mapTo(String.class)
                      .list());
      assertThat(asked).hasSize(10);
      for (String conversation : asked) {
        ReplyToConversation.Result r =
            core.replyToConversation.reply(
                actor, new ConversationId(conversation), "Thanks for asking! We open at 7.");
        assertThat(r.error()).isNull();
        assertThat(r.status()).isEqualTo("sent");
      }
      List<String> sent =
          db.read(
              h ->
                  h.createQuery("SELECT remote_id FROM replies WHERE channel_id = :c")
                      .bind("c", channelId.value())
                      .mapTo(String.class)
                      .list());
      assertThat(sent).hasSize(10).allMatch(id -> id.startsWith("dr-"));

      // A minute and a half later, most of them have come back, each in its own conversation.
      for (int i = 0; i < 18; i++) {
        clock.advance(Duration.ofSeconds(5));
        Channel c = db.read(h -> core.channels.find(h, ws, channelId)).orElseThrow();
        assertThat(core.pollChannel.poll(c).error()).isNull();
      }
      List<Map<String, Object>> answers =
          db.read(
              h ->
                  h.createQuery(
                          "SELECT i.conversation_id, i.author_handle, i.in_reply_to FROM"
                              + " inbound_items i WHERE i.channel_id = :c AND i.remote_id LIKE"
                              + " 'da-%'")
                      .bind("c", channelId.value())
                      .mapToMap()
                      .list());
      assertThat(answers).hasSizeBetween(3, 10);
      for (Map<String, Object> a : answers) {
        assertThat(asked).contains((String) a.get("conversation_id"));
        assertThat(sent).contains((String) a.get("in_reply_to"));
        // The one who answers is someone the reply answered, in that conversation.
        List<String> people =
            db.read(
                h ->
                    h.createQuery(
                            "SELECT author_handle FROM inbound_items WHERE conversation_id = :c"
                                + " AND remote_id LIKE 'dm-%'")
                        .bind("c", a.get("conversation_id"))
                        .mapTo(String.class)
                        .list());
        assertThat(people).contains((String) a.get("author_handle"));
      }
    } finally {
      core.pipeline.close();
      db.close();
    }
  }
}
