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
        CompletableFuture<ActorRef<CampaignManager.Command>> manager = new CompletableFuture<>();
        Behavior<Void> guardian = Behaviors.setup(ctx -> {
            manager.complete(ctx.spawn(CampaignManager.create(config), "campaign-manager"));
            return Behaviors.empty();
        });
        ActorSystem<Void> system = ActorSystem.create(guardian, "eelt", config.config());
        try {
            ActorRef<CampaignManager.Command> ref = manager.get(30, TimeUnit.SECONDS);
            ServiceState state = new ServiceState(system, ref, config.askTimeout(), null, config.roles());
            CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "eelt-campaigns",
                    () -> AskPattern.<CampaignManager.Command, ManagerProtocol.ShutdownDone>ask(ref,
                            ManagerProtocol.Shutdown::new, Duration.ofSeconds(55), system.scheduler())
                            .thenApply(d -> Done.getInstance()));
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
