package org.eelt.deploy.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.eelt.deploy.campaign.Campaign;
import org.eelt.deploy.campaign.CampaignResult;
import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.CampaignStatus;

/**
 * The campaign manager: a plain typed actor (so that it can run as a cluster singleton) that runs
 * several campaigns concurrently in its actor system, each a {@link Campaign} child with its own
 * run directory {@code DATA/campaigns/<id>/} (campaign.conf, RocksDB store, summary.json). It
 * submits, lists, stops, pauses and resumes campaigns, refreshes each one's live
 * {@link CampaignStatus} every status interval, and on start finds the run directories of the
 * data directory again: finished campaigns are listed, unfinished ones resume from their store.
 * Blocking work (store open, summary, downloads) runs on {@value #BLOCKING_DISPATCHER}.
 */
public final class CampaignManager extends AbstractBehavior<CampaignManager.Command> {
    /** The dispatcher of the manager's blocking work. */
    public static final String BLOCKING_DISPATCHER = "eelt-service-blocking-dispatcher";

    /** Messages of the manager. */
    public sealed interface Command permits ManagerProtocol.Submit, ManagerProtocol.ListCampaigns,
            ManagerProtocol.GetCampaign, ManagerProtocol.Control, ManagerProtocol.Download, ManagerProtocol.Shutdown,
            Recovered, Started, Finished, ChildTerminated, Evaluated, Closed, FinalStatus, Tick, LiveStatus {
    }

    record Recovered(List<CampaignJobs.Found> found, Throwable error) implements Command,
            NoSerializationVerificationNeeded {
    }

    record Started(String id, CampaignRunner.Prepared prepared, Throwable error) implements Command,
            NoSerializationVerificationNeeded {
    }

    record Finished(String id, CampaignResult result) implements Command, NoSerializationVerificationNeeded {
    }

    record ChildTerminated(String id) implements Command, NoSerializationVerificationNeeded {
    }

    record Evaluated(String id, String summaryJson, Throwable error) implements Command,
            NoSerializationVerificationNeeded {
    }

    record Closed(String id) implements Command, NoSerializationVerificationNeeded {
    }

    record FinalStatus(String id, CampaignStatus status) implements Command, NoSerializationVerificationNeeded {
    }

    record Tick() implements Command, NoSerializationVerificationNeeded {
    }

    record LiveStatus(String id, CampaignStatus status) implements Command, NoSerializationVerificationNeeded {
    }

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final ServiceConfig config;
    private final SubmissionPolicy policy;
    private final StashBuffer<Command> stash;
    private final Executor blocking;
    private final Map<String, ManagedCampaign> campaigns = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom();
    private final long tickMillis;
    private boolean recovered;
    private ActorRef<ManagerProtocol.ShutdownDone> shutdownReply;
    private int shutdownOpen;
    private int shutdownCount;

    private CampaignManager(ActorContext<Command> ctx, TimerScheduler<Command> timers, StashBuffer<Command> stash,
                            ServiceConfig config) {
        super(ctx);
        this.config = config;
        this.stash = stash;
        this.policy = new SubmissionPolicy(config.oracles(), config.allowBuiltinOracles());
        this.blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(BLOCKING_DISPATCHER));
        this.tickMillis = Math.max(200, config.statusInterval().toMillis());
        timers.startTimerWithFixedDelay(new Tick(), config.statusInterval());
        Path dir = config.campaignsDir();
        ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> {
            try {
                return CampaignJobs.scan(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, blocking), (found, err) -> new Recovered(found, err));
    }

    /**
     * @param config the service configuration (data directory, oracles, intervals)
     * @return the manager's behavior
     */
    public static Behavior<Command> create(ServiceConfig config) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(10_000,
                stash -> new CampaignManager(ctx, timers, stash, config))));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Recovered.class, this::onRecovered)
                .onMessage(ManagerProtocol.Submit.class, m -> ready(m, this::onSubmit))
                .onMessage(ManagerProtocol.ListCampaigns.class, m -> ready(m, this::onList))
                .onMessage(ManagerProtocol.GetCampaign.class, m -> ready(m, this::onGet))
                .onMessage(ManagerProtocol.Control.class, m -> ready(m, this::onControl))
                .onMessage(ManagerProtocol.Download.class, m -> ready(m, this::onDownload))
                .onMessage(ManagerProtocol.Shutdown.class, m -> ready(m, this::onShutdown))
                .onMessage(Started.class, this::onStarted)
                .onMessage(Finished.class, this::onFinished)
                .onMessage(ChildTerminated.class, this::onChildTerminated)
                .onMessage(Evaluated.class, this::onEvaluated)
                .onMessage(Closed.class, this::onClosed)
                .onMessage(FinalStatus.class, this::onFinalStatus)
                .onMessage(Tick.class, this::onTick)
                .onMessage(LiveStatus.class, this::onLiveStatus)
                .build();
    }

    private interface Handler<T> {
        Behavior<Command> apply(T m);
    }

    /** Requests wait in the stash until the data directory was scanned. */
    private <T extends Command> Behavior<Command> ready(T m, Handler<T> h) {
        if (!recovered) {
            stash.stash(m);
            return this;
        }
        return h.apply(m);
    }

    private Behavior<Command> onRecovered(Recovered m) {
        recovered = true;
        if (m.error() != null) {
            getContext().getLog().error("campaign manager: cannot list {}: {}", config.campaignsDir(), m.error().toString());
        } else {
            for (CampaignJobs.Found f : m.found()) {
                ManagedCampaign c = new ManagedCampaign(f.id(), f.name(), f.kind(), f.createdMs(), f.runDir());
                campaigns.put(c.id, c);
                if (f.summaryJson() != null) {
                    String[] s = CampaignJobs.statusOf(f.summaryJson());
                    c.status = s[0];
                    c.reason = s[1];
                    c.summaryJson = f.summaryJson();
                } else {
                    getContext().getLog().info("campaign manager: resuming campaign {} from {}", c.id, c.runDir);
                    c.pauseRequested = f.paused();
                    run(c, () -> CampaignJobs.resume(c, tickMillis));
                }
            }
        }
        return stash.unstashAll(this);
    }

    private interface PrepareJob {
        CampaignRunner.Prepared run() throws IOException;
    }

    private void run(ManagedCampaign c, PrepareJob job) {
        String id = c.id;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> {
            try {
                return job.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, blocking), (p, err) -> new Started(id, p, err));
    }

    private Behavior<Command> onSubmit(ManagerProtocol.Submit m) {
        if (shutdownReply != null) {
            m.replyTo().tell(new ManagerProtocol.SubmitReply(null, "the service is shutting down"));
            return this;
        }
        SubmissionPolicy.Accepted a;
        try {
            a = policy.check(m.specText(), m.name(), config.campaignsDir());
        } catch (SubmissionException e) {
            m.replyTo().tell(new ManagerProtocol.SubmitReply(null, e.getMessage()));
            return this;
        } catch (RuntimeException e) {
            // a spec the checks did not anticipate must not take the manager (and every campaign) down
            getContext().getLog().error("campaign manager: unexpected error while checking a submitted spec", e);
            m.replyTo().tell(new ManagerProtocol.SubmitReply(null, "eelt.campaign: the spec could not be checked (" + e + ");"
                    + " please report this together with the spec"));
            return this;
        }
        String id = newId();
        ManagedCampaign c = new ManagedCampaign(id, a.name(), a.kind(), System.currentTimeMillis(),
                config.campaignsDir().resolve(id));
        campaigns.put(id, c);
        run(c, () -> CampaignJobs.create(c, a.specText(), tickMillis));
        m.replyTo().tell(new ManagerProtocol.SubmitReply(id, null));
        return this;
    }

    private String newId() {
        String base = LocalDateTime.now(ZoneOffset.UTC).format(ID_TIME);
        String id;
        do {
            id = "c" + base + "-" + String.format("%04x", random.nextInt(0x10000));
        } while (campaigns.containsKey(id));
        return id;
    }

    private Behavior<Command> onStarted(Started m) {
        ManagedCampaign c = campaigns.get(m.id());
        if (m.error() != null) {
            Throwable e = m.error() instanceof java.util.concurrent.CompletionException && m.error().getCause() != null
                    ? m.error().getCause() : m.error();
            if (e instanceof java.io.UncheckedIOException u) {
                e = u.getCause();
            }
            fail(c, "could not start: " + e.getMessage());
            if (shutdownReply != null) {
                shutdownStep();
            }
            return this;
        }
        c.prepared = m.prepared();
        if (shutdownReply != null) {
            closeForShutdown(c);
            return this;
        }
        // one forwarder per campaign (a message adapter per class would be shared by all campaigns)
        ActorRef<Command> self = getContext().getSelf();
        String id = c.id;
        ActorRef<CampaignResult> done = getContext().spawn(Behaviors.<CampaignResult>receiveMessage(r -> {
            self.tell(new Finished(id, r));
            return Behaviors.stopped();
        }), "result-" + c.id);
        c.actor = getContext().spawn(Campaign.create(m.prepared().env(), done), "campaign-" + c.id);
        getContext().watchWith(c.actor, new ChildTerminated(c.id));
        c.status = "running";
        if (c.stopRequested) {
            c.actor.tell(new Campaign.Stop("stopped", "stopped over the API"));
            c.status = "stopping";
        } else if (c.pauseRequested) {
            c.actor.tell(new Campaign.Pause());
            c.status = "paused";
        }
        return this;
    }

    private void fail(ManagedCampaign c, String reason) {
        getContext().getLog().error("campaign {} failed: {}", c.id, reason);
        c.status = "failed";
        c.reason = reason;
        Path dir = c.runDir;
        String name = c.name;
        c.summaryJson = CampaignJobs.failureJson(name, reason);
        CompletableFuture.runAsync(() -> CampaignJobs.writeFailure(dir, name, reason), blocking);
    }

    private Behavior<Command> onFinished(Finished m) {
        ManagedCampaign c = campaigns.get(m.id());
        c.result = m.result();
        c.status = "evaluating";
        String id = c.id;
        // the final counts, then stop the campaign's agents (its store closes after the summary)
        getContext().ask(CampaignStatus.class, c.actor, Duration.ofSeconds(5), Campaign.GetStatus::new,
                (s, err) -> new FinalStatus(id, s));
        return this;
    }

    private Behavior<Command> onFinalStatus(FinalStatus m) {
        ManagedCampaign c = campaigns.get(m.id());
        if (m.status() != null) {
            c.live = m.status();
        }
        if (c.actor != null) {
            getContext().stop(c.actor);
        }
        return this;
    }

    private Behavior<Command> onChildTerminated(ChildTerminated m) {
        ManagedCampaign c = campaigns.get(m.id());
        c.actor = null;
        CampaignRunner.Prepared p = c.prepared;
        if (shutdownReply != null && c.result == null) {
            closeForShutdown(c);
            return this;
        }
        if (c.result == null) {
            if (p != null) {
                c.prepared = null;
                CompletableFuture.runAsync(p::close, blocking);
            }
            fail(c, "the campaign actor stopped unexpectedly (see the service log)");
            return this;
        }
        CampaignResult r = c.result;
        c.prepared = null;
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> {
            try {
                return CampaignJobs.evaluate(p, r);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, blocking), (json, err) -> new Evaluated(c.id, json, err));
        return this;
    }

    private Behavior<Command> onEvaluated(Evaluated m) {
        ManagedCampaign c = campaigns.get(m.id());
        if (m.error() != null) {
            fail(c, "the final summary failed: " + m.error());
        } else {
            String[] s = CampaignJobs.statusOf(m.summaryJson());
            c.summaryJson = m.summaryJson();
            c.status = s[0];
            c.reason = s[1];
        }
        if (shutdownReply != null) {
            shutdownStep();
        }
        return this;
    }

    private Behavior<Command> onTick(Tick m) {
        for (ManagedCampaign c : campaigns.values()) {
            if (c.actor == null || c.result != null) {
                continue;
            }
            String id = c.id;
            getContext().ask(CampaignStatus.class, c.actor, config.statusInterval().plus(Duration.ofSeconds(2)),
                    Campaign.GetStatus::new, (s, err) -> new LiveStatus(id, s));
        }
        return this;
    }

    private Behavior<Command> onLiveStatus(LiveStatus m) {
        ManagedCampaign c = campaigns.get(m.id());
        if (c == null || m.status() == null || c.result != null) {
            return this; // after the result, FinalStatus carries the last snapshot
        }
        c.live = m.status();
        if ((c.status.equals("running") || c.status.equals("paused")) && !m.status().state().equals("finished")) {
            c.status = m.status().state();
        }
        return this;
    }

    private Behavior<Command> onList(ManagerProtocol.ListCampaigns m) {
        List<CampaignView> out = new ArrayList<>();
        campaigns.values().forEach(c -> out.add(c.view()));
        m.replyTo().tell(new ManagerProtocol.CampaignList(List.copyOf(out)));
        return this;
    }

    private Behavior<Command> onGet(ManagerProtocol.GetCampaign m) {
        ManagedCampaign c = campaigns.get(m.id());
        m.replyTo().tell(new ManagerProtocol.CampaignReply(c == null ? null : c.view()));
        return this;
    }

    private Behavior<Command> onControl(ManagerProtocol.Control m) {
        ManagedCampaign c = campaigns.get(m.id());
        if (c == null) {
            m.replyTo().tell(new ManagerProtocol.ControlReply(404, "no campaign with id '" + m.id() + "'; GET /api/campaigns lists them"));
            return this;
        }
        if (c.finished() || c.status.equals("evaluating") || c.status.equals("stopping")) {
            m.replyTo().tell(new ManagerProtocol.ControlReply(409, "campaign " + c.id + " is " + c.status + "; it cannot "
                    + m.action().name().toLowerCase(java.util.Locale.ROOT) + " any more"));
            return this;
        }
        switch (m.action()) {
            case STOP -> {
                c.stopRequested = true;
                if (c.actor != null) {
                    c.actor.tell(new Campaign.Stop("stopped", "stopped over the API"));
                }
                c.status = "stopping";
            }
            case PAUSE -> {
                c.pauseRequested = true;
                markPaused(c, true);
                if (c.actor != null) {
                    c.actor.tell(new Campaign.Pause());
                    c.status = "paused";
                }
            }
            case RESUME -> {
                c.pauseRequested = false;
                markPaused(c, false);
                if (c.actor != null) {
                    c.actor.tell(new Campaign.Resume());
                    c.status = "running";
                }
            }
        }
        m.replyTo().tell(new ManagerProtocol.ControlReply(200, "campaign " + c.id + ": " + c.status));
        return this;
    }

    /** Pausing is durable: a campaign paused when the service stops stays paused after a restart. */
    private void markPaused(ManagedCampaign c, boolean paused) {
        Path dir = c.runDir;
        CompletableFuture.runAsync(() -> CampaignJobs.markPaused(dir, paused), blocking);
    }

    private Behavior<Command> onDownload(ManagerProtocol.Download m) {
        ManagedCampaign c = campaigns.get(m.id());
        if (c == null) {
            m.replyTo().tell(new ManagerProtocol.DownloadReply(404, "no campaign with id '" + m.id() + "'", null, null, null, Map.of()));
            return this;
        }
        var store = c.prepared == null ? null : c.prepared.store();
        Path dir = c.runDir;
        if (store == null && !c.finished()) {
            m.replyTo().tell(new ManagerProtocol.DownloadReply(409, "campaign " + c.id + " is " + c.status + "; its store is busy,"
                    + " retry in a moment", null, null, null, Map.of()));
            return this;
        }
        ActorRef<ManagerProtocol.DownloadReply> to = m.replyTo();
        CompletableFuture.supplyAsync(() -> switch (m.what()) {
            case MODEL -> CampaignJobs.latestModel(store, dir, m.member());
            case EXTXYZ -> CampaignJobs.export(store, dir, "extxyz");
            case DEEPMD -> CampaignJobs.export(store, dir, "deepmd");
        }, blocking).whenComplete((d, err) -> to.tell(err != null
                ? new ManagerProtocol.DownloadReply(500, "download failed: " + err, null, null, null, Map.of())
                : new ManagerProtocol.DownloadReply(d.code(), d.error(), d.contentType(), d.fileName(), d.bytes(), d.headers())));
        return this;
    }

    private Behavior<Command> onShutdown(ManagerProtocol.Shutdown m) {
        shutdownReply = m.replyTo();
        getContext().getLog().info("campaign manager: shutting down; persisting running campaigns for resume");
        for (ManagedCampaign c : campaigns.values()) {
            if (c.actor != null && c.result == null) {
                shutdownOpen++;
                shutdownCount++;
                getContext().stop(c.actor);
            } else if (c.status.equals("evaluating") || c.status.equals("starting")) {
                shutdownOpen++;
            }
        }
        if (shutdownOpen == 0) {
            m.replyTo().tell(new ManagerProtocol.ShutdownDone(0));
        }
        return this;
    }

    private void closeForShutdown(ManagedCampaign c) {
        CampaignRunner.Prepared p = c.prepared;
        c.prepared = null;
        c.status = "stopped-for-restart";
        String id = c.id;
        getContext().pipeToSelf(CompletableFuture.runAsync(() -> {
            if (p != null) {
                p.close();
            }
        }, blocking), (v, err) -> new Closed(id));
    }

    private Behavior<Command> onClosed(Closed m) {
        shutdownStep();
        return this;
    }

    private void shutdownStep() {
        shutdownOpen--;
        if (shutdownOpen <= 0 && shutdownReply != null) {
            shutdownReply.tell(new ManagerProtocol.ShutdownDone(shutdownCount));
        }
    }
}
