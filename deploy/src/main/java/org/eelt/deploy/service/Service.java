package org.eelt.deploy.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.eelt.deploy.http.ApiRoutes;

/**
 * A running single-node EELT service: an actor system with the {@link CampaignManager}, and the
 * HTTP API bound to the configured host and port. {@link #stop()} (and SIGTERM, through Pekko's
 * coordinated shutdown) stops the campaigns without finishing them: their stores are closed and
 * they resume when a service starts again on the same data directory.
 */
public final class Service implements AutoCloseable {
    private final ActorSystem<Void> system;
    private final ServiceState state;
    private final ServerBinding binding;
    private final ServiceConfig config;

    private Service(ActorSystem<Void> system, ServiceState state, ServerBinding binding, ServiceConfig config) {
        this.system = system;
        this.state = state;
        this.binding = binding;
        this.config = config;
    }

    /**
     * Starts the service.
     *
     * @param config      the configuration
     * @param extraRoutes more routes served beside the API (e.g. the dashboard), or null
     * @return the running service
     * @throws IllegalStateException when the HTTP port cannot be bound
     */
    public static Service start(ServiceConfig config, Function<ServiceState, Route> extraRoutes) {
        return start(config, extraRoutes, Hosting.local(config));
    }

    /**
     * Where the campaign manager runs.
     *
     * @param systemName   the actor system's name
     * @param systemConfig the actor system's configuration
     * @param manager      called in the guardian's setup: spawns the manager (or a cluster singleton proxy to it)
     * @param stopCampaignsOnShutdown whether this node's coordinated shutdown asks the manager to persist and
     *                     stop its campaigns (a single node: yes; a cluster node: no, the singleton hands over)
     * @param members      the source of {@code GET /api/cluster}, or null for the single node itself
     */
    public record Hosting(String systemName, com.typesafe.config.Config systemConfig,
                          Function<org.apache.pekko.actor.typed.javadsl.ActorContext<Void>,
                                  ActorRef<CampaignManager.Command>> manager,
                          boolean stopCampaignsOnShutdown, Function<ActorSystem<?>, MembersSource> members) {
        /** @return one local node: the manager as a child of the guardian. */
        public static Hosting local(ServiceConfig config) {
            return new Hosting("eelt", config.config(), ctx -> ctx.spawn(CampaignManager.create(config),
                    "campaign-manager"), true, s -> null);
        }
    }

    /**
     * Starts the service with its manager hosted as {@code hosting} says.
     *
     * @param config      the configuration
     * @param extraRoutes more routes served beside the API (e.g. the dashboard), or null
     * @param hosting     the actor system and where the manager runs
     * @return the running service
     * @throws IllegalStateException when the HTTP port cannot be bound
     */
    public static Service start(ServiceConfig config, Function<ServiceState, Route> extraRoutes, Hosting hosting) {
        CompletableFuture<ActorRef<CampaignManager.Command>> manager = new CompletableFuture<>();
        Behavior<Void> guardian = Behaviors.setup(ctx -> {
            manager.complete(hosting.manager().apply(ctx));
            return Behaviors.empty();
        });
        ActorSystem<Void> system = ActorSystem.create(guardian, hosting.systemName(), hosting.systemConfig());
        try {
            ActorRef<CampaignManager.Command> ref = manager.get(30, TimeUnit.SECONDS);
            ServiceState state = new ServiceState(system, ref, config.askTimeout(), hosting.members().apply(system),
                    config.roles());
            if (hosting.stopCampaignsOnShutdown()) {
                CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(),
                        "eelt-campaigns", () -> AskPattern.<CampaignManager.Command, ManagerProtocol.ShutdownDone>ask(
                                ref, ManagerProtocol.Shutdown::new, Duration.ofSeconds(55), system.scheduler())
                                .thenApply(d -> Done.getInstance()));
            }
            Route api = new ApiRoutes(state, config.token(), config.maxBodyBytes()).routes();
            // the extra routes go first: the API's rejection handler answers every path it does not
            // know with a JSON 404, so nothing after it would ever be reached
            Route all = extraRoutes == null ? api : extraRoutes.apply(state).orElse(api);
            ServerBinding binding = Http.get(system).newServerAt(config.host(), config.port()).bind(all)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            binding.addToCoordinatedShutdown(Duration.ofSeconds(5), system);
            return new Service(system, state, binding, config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
            throw new IllegalStateException("interrupted while the service started", e);
        } catch (ExecutionException | TimeoutException e) {
            system.terminate();
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot serve HTTP on " + config.host() + ":" + config.port() + ": "
                    + c.getMessage() + " (is the port in use? choose another with --http-port or"
                    + " eelt.service.http.port)", c);
        }
    }

    /** @return the base URL, e.g. http://127.0.0.1:8080 */
    public String url() {
        var a = binding.localAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** @return the bound port */
    public int port() {
        return binding.localAddress().getPort();
    }

    /** @return the service facade (for the dashboard) */
    public ServiceState state() {
        return state;
    }

    /** @return the configuration */
    public ServiceConfig config() {
        return config;
    }

    /** @return the actor system */
    public ActorSystem<Void> system() {
        return system;
    }

    /** Blocks until the actor system has terminated (after {@link #stop()} or SIGTERM). */
    public void awaitTermination() throws InterruptedException {
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the actor system terminated with an error", e.getCause());
        }
    }

    /** Graceful stop: campaigns persisted (stores closed, resumable), HTTP unbound, system terminated. */
    public void stop() {
        try {
            CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason())
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            system.terminate();
            throw new IllegalStateException("the service did not stop cleanly: " + e, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
