package dev.chorus.core;

import dev.chorus.core.account.ChangePassword;
import dev.chorus.core.account.CreateUser;
import dev.chorus.core.account.Sessions;
import dev.chorus.core.account.SignIn;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.UserStore;
import dev.chorus.core.alerts.AlertSender;
import dev.chorus.core.alerts.Alerts;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.channel.ChangeSources;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.DisconnectChannel;
import dev.chorus.core.channel.HeardItems;
import dev.chorus.core.channel.PollChannel;
import dev.chorus.core.channel.PollDueChannels;
import dev.chorus.core.channel.ReconnectChannel;
import dev.chorus.core.channel.SourceStore;
import dev.chorus.core.channel.StreamChannels;
import dev.chorus.core.inbox.AddNote;
import dev.chorus.core.inbox.CannedReplies;
import dev.chorus.core.inbox.ConversationStore;
import dev.chorus.core.inbox.ReplyToConversation;
import dev.chorus.core.inbox.SearchIndex;
import dev.chorus.core.inbox.TriageConversations;
import dev.chorus.core.listening.AnnotateItems;
import dev.chorus.core.listening.PreviewQuery;
import dev.chorus.core.listening.QueryCheck;
import dev.chorus.core.listening.QueryStore;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.listening.WorkspaceMatchers;
import dev.chorus.core.member.AcceptInvitation;
import dev.chorus.core.member.ChangeRole;
import dev.chorus.core.member.InvitationStore;
import dev.chorus.core.member.InviteMember;
import dev.chorus.core.member.MemberStore;
import dev.chorus.core.member.RemoveMember;
import dev.chorus.core.member.RevokeInvitation;
import dev.chorus.core.member.WorkspaceAccess;
import dev.chorus.core.pipeline.ClassifyModes;
import dev.chorus.core.pipeline.CursorStore;
import dev.chorus.core.pipeline.InProcessPipeline;
import dev.chorus.core.pipeline.InboxEvents;
import dev.chorus.core.pipeline.StoreHeard;
import dev.chorus.core.publishing.Deliveries;
import dev.chorus.core.publishing.PublishScheduler;
import dev.chorus.core.publishing.PublishingProblems;
import dev.chorus.core.publishing.Retries;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.publishing.SendDelivery;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.security.PasswordHasher;
import dev.chorus.core.security.SecretBox;
import dev.chorus.core.setup.CompleteSetup;
import dev.chorus.core.setup.SetupLink;
import dev.chorus.core.store.Database;
import dev.chorus.core.token.AuthenticateToken;
import dev.chorus.core.token.IssueToken;
import dev.chorus.core.token.RevokeToken;
import dev.chorus.core.token.TokenStore;
import dev.chorus.core.workspace.CreateWorkspace;
import dev.chorus.core.workspace.WorkspaceStore;
import dev.chorus.listen.language.OpenNlpLanguageIdentifier;
import dev.chorus.listen.sentiment.SentimentScorer;
import dev.chorus.listen.sentiment.VaderLexicon;
import java.time.Clock;

/**
 * The core services, built with {@code new} from a database, a clock, the instance key and the
 * connectors (which the {@code channels} module provides). The application's composition root
 * ({@code App.create}) makes one; tests make one over a temporary database. Fields are public and
 * final: this is wiring, not behaviour.
 */
public final class Core {
  public final Database db;
  public final Clock clock;
  public final Ids ids;
  public final UserStore users;
  public final WorkspaceStore workspaces;
  public final MemberStore members;
  public final InvitationStore invitations;
  public final TokenStore tokens;
  public final AuditLog audit;
  public final PasswordHasher hasher;
  public final SignInThrottle throttle;
  public final CreateUser createUser;
  public final SignIn signIn;
  public final Sessions sessions;
  public final ChangePassword changePassword;
  public final CreateWorkspace createWorkspace;
  public final WorkspaceAccess access;
  public final InviteMember inviteMember;
  public final AcceptInvitation acceptInvitation;
  public final RevokeInvitation revokeInvitation;
  public final ChangeRole changeRole;
  public final RemoveMember removeMember;
  public final IssueToken issueToken;
  public final RevokeToken revokeToken;
  public final AuthenticateToken authenticateToken;
  public final SetupLink setupLink;
  public final CompleteSetup completeSetup;
  public final ChannelStore channels;
  public final ChannelSecrets channelSecrets;
  public final ConnectorFactory connectors;
  public final ConnectChannel connectChannel;
  public final DisconnectChannel disconnectChannel;
  public final ReconnectChannel reconnectChannel;
  public final SourceStore sources;
  public final HeardItems heardItems;
  public final PollChannel pollChannel;
  public final StreamChannels streams;
  public final ChangeSources changeSources;
  public final PollDueChannels pollDueChannels;
  public final QueryStore queries;
  public final QueryCheck queryCheck;
  public final WorkspaceMatchers matchers;
  public final AnnotateItems annotateItems;
  public final SaveQuery saveQuery;
  public final PreviewQuery previewQuery;
  public final InboxEvents inboxEvents;
  public final StoreHeard storeHeard;
  public final InProcessPipeline pipeline;
  public final ConversationStore conversations;

  /**
   * The SQLite store's search index, in a file of its own and kept by a thread the app starts; null
   * on PostgreSQL.
   */
  public final SearchIndex searchIndex;

  public final TriageConversations triage;
  public final AddNote addNote;
  public final CannedReplies cannedReplies;
  public final ReplyToConversation replyToConversation;

  public final Alerts alerts;

  public final Deliveries deliveries;
  public final SendDelivery sendDelivery;
  public final dev.chorus.core.publishing.links.TrackedLinks links;
  // Built here, started by the app with its settings, closed before the store.
  public final PublishScheduler publishScheduler;
  public final SchedulePost schedulePost;
  public final PublishingProblems publishingProblems;
  // The composer: drafts, their attachments, checks per channel, scheduling, hashtag groups.
  public final dev.chorus.core.publishing.PublishLimits publishLimits;
  public final dev.chorus.core.publishing.Drafts drafts;
  public final dev.chorus.core.publishing.PostMedia postMedia;
  public final dev.chorus.core.publishing.ValidatePost validatePost;
  public final dev.chorus.core.publishing.ScheduleDraft scheduleDraft;
  // Approvals: contributors submit, editors (or a guest with a link) approve or reject.
  public final dev.chorus.core.publishing.approvals.Approvals approvals;
  public final dev.chorus.core.publishing.HashtagGroups hashtagGroups;
  public final dev.chorus.core.publishing.queue.Queue queue;

  public Core(
      Database db,
      Clock clock,
      SignInThrottle.Limits throttleLimits,
      InstanceKey key,
      ConnectorFactory connectors) {
    this(db, clock, throttleLimits, key, connectors, AlertSender.NONE);
  }

  /** As above, with what sends alerts to webhooks and email (the channels module provides it). */
  public Core(
      Database db,
      Clock clock,
      SignInThrottle.Limits throttleLimits,
      InstanceKey key,
      ConnectorFactory connectors,
      AlertSender alertSender) {
    this(db, clock, throttleLimits, key, connectors, alertSender, () -> null);
  }

  /**
   * As above, with the address people reach Chorus at ({@code publicUrl} answers null while it is
   * unknown), for the tracked links in sent posts.
   */
  public Core(
      Database db,
      Clock clock,
      SignInThrottle.Limits throttleLimits,
      InstanceKey key,
      ConnectorFactory connectors,
      AlertSender alertSender,
      java.util.function.Supplier<String> publicUrl) {
    this.db = db;
    this.clock = clock;
    this.ids = new Ids(clock);
    this.users = new UserStore();
    this.workspaces = new WorkspaceStore();
    this.members = new MemberStore(clock);
    this.invitations = new InvitationStore();
    this.tokens = new TokenStore();
    this.audit = new AuditLog(db, ids, clock);
    this.hasher = new PasswordHasher();
    this.throttle = new SignInThrottle(throttleLimits, clock);
    this.createUser = new CreateUser(users, hasher, ids, clock);
    this.signIn = new SignIn(db, users, hasher, throttle);
    this.sessions = new Sessions(db, users, clock);
    this.changePassword = new ChangePassword(db, users, sessions, hasher, clock);
    this.createWorkspace = new CreateWorkspace(workspaces, members, audit, ids, clock);
    this.access = new WorkspaceAccess(db, workspaces, members, users);
    this.inviteMember = new InviteMember(db, invitations, members, users, audit, ids, clock);
    this.acceptInvitation =
        new AcceptInvitation(db, invitations, members, workspaces, audit, clock);
    this.revokeInvitation = new RevokeInvitation(db, invitations, audit, clock);
    this.changeRole = new ChangeRole(db, members, audit);
    this.removeMember = new RemoveMember(db, members, audit, clock);
    this.issueToken = new IssueToken(db, tokens, audit, ids, clock);
    this.revokeToken = new RevokeToken(db, tokens, audit, clock);
    this.authenticateToken = new AuthenticateToken(db, tokens, users, workspaces, members, clock);
    this.setupLink = new SetupLink(db, users, clock);
    this.completeSetup = new CompleteSetup(db, users, createUser, createWorkspace, audit, clock);
    this.channels = new ChannelStore();
    this.channelSecrets = new ChannelSecrets(new SecretBox(key));
    this.connectors = connectors;
    this.connectChannel = new ConnectChannel(db, channels, channelSecrets, audit, ids, clock);
    this.disconnectChannel =
        new DisconnectChannel(db, channels, channelSecrets, connectors, audit, clock);
    this.reconnectChannel = new ReconnectChannel(db, channels, channelSecrets, audit, clock);
    this.queries = new QueryStore();
    this.queryCheck = new QueryCheck();
    this.matchers = new WorkspaceMatchers(db, queries, queryCheck);
    this.annotateItems =
        new AnnotateItems(
            matchers,
            new SentimentScorer(VaderLexicon.bundled()),
            new Lazy<>(OpenNlpLanguageIdentifier::new));
    this.sources = new SourceStore();
    this.inboxEvents = new InboxEvents();
    this.storeHeard = new StoreHeard(ids::next, !db.url().isSqlite());
    this.pipeline =
        new InProcessPipeline(
            db,
            annotateItems,
            new ClassifyModes(),
            storeHeard,
            CursorStore.of(sources, clock),
            inboxEvents,
            clock,
            InProcessPipeline.Limits.standard());
    this.heardItems = new HeardItems(pipeline);
    this.pollChannel =
        new PollChannel(db, channels, sources, channelSecrets, connectors, heardItems, clock);
    // Built here, started by the app (Core itself runs nothing in the background).
    this.streams =
        new StreamChannels(
            db,
            channels,
            sources,
            channelSecrets,
            connectors,
            heardItems,
            clock,
            StreamChannels.Settings.standard());
    this.changeSources = new ChangeSources(db, channels, sources, audit, clock, streams::refresh);
    this.pollDueChannels = new PollDueChannels(db, channels, pollChannel, clock);
    this.saveQuery = new SaveQuery(db, queries, channels, queryCheck, matchers, audit, ids, clock);
    this.previewQuery = new PreviewQuery(db, queryCheck, clock);
    this.searchIndex = db.url().isSqlite() ? new SearchIndex(db) : null;
    this.conversations = new ConversationStore(searchIndex);
    this.triage = new TriageConversations(db, clock);
    this.addNote = new AddNote(db, ids, clock);
    this.cannedReplies = new CannedReplies(db, ids, clock);
    this.replyToConversation =
        new ReplyToConversation(db, channels, channelSecrets, connectors, inboxEvents, ids, clock);
    this.alerts =
        new Alerts(
            db, queries, workspaces, audit, new SecretBox(key), alertSender, ids::next, clock);
    this.deliveries = new Deliveries();
    this.links =
        new dev.chorus.core.publishing.links.TrackedLinks(db, key, audit, publicUrl, clock);
    this.sendDelivery =
        new SendDelivery(
            db,
            deliveries,
            channels,
            channelSecrets,
            connectors,
            audit,
            Retries.standard(),
            ids::next,
            clock,
            links.wrap);
    this.publishScheduler =
        new PublishScheduler(db, deliveries, sendDelivery, audit, ids::next, clock);
    this.schedulePost = new SchedulePost(channels, ids::next, clock, publishScheduler::wake);
    this.publishingProblems =
        new PublishingProblems(
            db, deliveries, Retries.standard(), audit, clock, publishScheduler::wake);
    this.publishLimits =
        new dev.chorus.core.publishing.PublishLimits(
            db, channels, channelSecrets, connectors, clock);
    this.drafts = new dev.chorus.core.publishing.Drafts(db, channels, audit, ids::next, clock);
    this.postMedia =
        new dev.chorus.core.publishing.PostMedia(
            db, drafts, channels, publishLimits, audit, ids::next, clock);
    this.validatePost = new dev.chorus.core.publishing.ValidatePost(db, channels, publishLimits);
    this.scheduleDraft =
        new dev.chorus.core.publishing.ScheduleDraft(
            db, drafts, postMedia, validatePost, schedulePost, audit, clock);
    this.hashtagGroups = new dev.chorus.core.publishing.HashtagGroups(db, audit, ids::next, clock);
    this.queue =
        new dev.chorus.core.publishing.queue.Queue(
            db,
            channels,
            channelSecrets,
            connectors,
            schedulePost,
            audit,
            ids::next,
            clock,
            publishScheduler::wake);
    this.approvals =
        new dev.chorus.core.publishing.approvals.Approvals(
            db,
            scheduleDraft,
            queue.addToQueue,
            drafts,
            users,
            workspaces,
            members,
            audit,
            ids::next,
            clock);
  }
}
