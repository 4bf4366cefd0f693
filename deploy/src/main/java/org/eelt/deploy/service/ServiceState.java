package org.eelt.deploy.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The service's non-blocking facade over the {@link CampaignManager}: every method asks the manager
 * (ask pattern with the configured timeout) and returns a {@link CompletionStage}. Used by the HTTP
 * routes and by the dashboard's SSE route ({@link #snapshotJson()}).
 */
public final class ServiceState {
    private final ActorSystem<?> system;
    private final ActorRef<CampaignManager.Command> manager;
    private final Duration timeout;
    private final MembersSource members;
    private final AtomicInteger running = new AtomicInteger();

    /**
     * @param system  the actor system
     * @param manager the campaign manager (local, a singleton proxy, ...)
     * @param timeout ask timeout
     * @param members the cluster members source, or null for this single node
     * @param roles   roles of this node (for the single-node members source)
     */
    public ServiceState(ActorSystem<?> system, ActorRef<CampaignManager.Command> manager, Duration timeout,
                        MembersSource members, List<String> roles) {
        this.system = system;
        this.manager = manager;
        this.timeout = timeout;
        this.members = members != null ? members
                : MembersSource.local(system.address().toString(), roles, running::get);
    }

    /** @return the actor system */
    public ActorSystem<?> system() {
        return system;
    }

    /** Submits a spec. */
    public CompletionStage<ManagerProtocol.SubmitReply> submit(String specText, String name) {
        return AskPattern.ask(manager, r -> new ManagerProtocol.Submit(specText, name, r), timeout, system.scheduler());
    }

    /** Lists the campaigns. */
    public CompletionStage<List<CampaignView>> list() {
        return AskPattern.<CampaignManager.Command, ManagerProtocol.CampaignList>ask(manager,
                ManagerProtocol.ListCampaigns::new, timeout, system.scheduler()).thenApply(l -> {
                    running.set((int) l.campaigns().stream().filter(c -> c.live() != null && !c.finished()).count());
                    return l.campaigns();
                });
    }

    /** One campaign (null view for an unknown id). */
    public CompletionStage<CampaignView> get(String id) {
        return AskPattern.<CampaignManager.Command, ManagerProtocol.CampaignReply>ask(manager,
                r -> new ManagerProtocol.GetCampaign(id, r), timeout, system.scheduler())
                .thenApply(ManagerProtocol.CampaignReply::view);
    }

    /** Stops, pauses or resumes a campaign. */
    public CompletionStage<ManagerProtocol.ControlReply> control(String id, ManagerProtocol.Action action) {
        return AskPattern.ask(manager, r -> new ManagerProtocol.Control(id, action, r), timeout, system.scheduler());
    }

    /** A model or dataset download (given a longer timeout: exports read the whole store). */
    public CompletionStage<ManagerProtocol.DownloadReply> download(String id, ManagerProtocol.What what, int member) {
        return AskPattern.ask(manager, r -> new ManagerProtocol.Download(id, what, member, r),
                timeout.multipliedBy(12), system.scheduler());
    }

    /** @return {@code {"members":[...]}} */
    public CompletionStage<ObjectNode> cluster() {
        return list().thenApply(l -> members.members());
    }

    /**
     * All campaigns as one JSON text, for the dashboard's server-sent events:
     * {@code {"time": epoch s, "campaigns": [<campaign object of GET /api/campaigns/{id}>...],
     * "cluster": <GET /api/cluster>}}.
     *
     * @return the snapshot, completed without blocking (failed after the ask timeout)
     */
    public CompletionStage<String> snapshotJson() {
        return list().thenApply(views -> {
            ObjectNode o = CampaignJson.MAPPER.createObjectNode();
            o.put("time", System.currentTimeMillis() / 1000.0);
            ArrayNode a = o.putArray("campaigns");
            views.forEach(v -> a.add(CampaignJson.detail(v)));
            o.set("cluster", members.members());
            return o.toString();
        });
    }

    /** @return the Prometheus exposition text */
    public CompletionStage<String> metricsText() {
        return list().thenApply(PrometheusText::render);
    }
}
