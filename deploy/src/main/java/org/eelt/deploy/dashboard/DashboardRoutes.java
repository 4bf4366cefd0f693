package org.eelt.deploy.dashboard;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.conditional;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeaders;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.EntityTag;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.eelt.deploy.service.ServiceState;

/**
 * The dashboard's HTTP routes (pekko-http, read-only, no token):
 * <ul>
 *   <li>{@code GET /} — the page ({@code text/html; charset=UTF-8}, {@code Cache-Control: no-cache}
 *   with an ETag, so a new build is picked up at once);</li>
 *   <li>{@code GET /static/NAME} — its CSS, JavaScript and icon with their content types,
 *   {@code Cache-Control: public, max-age=3600} and an ETag ({@code 304} on {@code If-None-Match});
 *   an unknown name is a {@code 404} JSON error;</li>
 *   <li>{@code GET /api/events} — Server-Sent Events: one event {@code snapshot} per period whose
 *   data is the JSON of the snapshot source ({@code {"time": Unix s, "campaigns": [<the object of
 *   GET /api/campaigns/{id}>...], "cluster": <the object of GET /api/cluster>}}); the first event sets the browser's reconnect delay
 *   ({@code retry}); a failed or late snapshot becomes an event {@code snapshot-error} with
 *   {@code {"error": "..."}} and the stream goes on.</li>
 * </ul>
 * Every response carries a Content-Security-Policy that allows only this origin: the page loads
 * nothing from the internet.
 */
public final class DashboardRoutes {
    /** The SSE event name of a snapshot. */
    public static final String SNAPSHOT_EVENT = "snapshot";
    /** The SSE event name of a failed snapshot. */
    public static final String ERROR_EVENT = "snapshot-error";
    /** Reconnect delay sent to browsers, ms. */
    public static final int RETRY_MS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<HttpHeader> SECURITY = List.of(
            RawHeader.create("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                    + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'"),
            RawHeader.create("X-Content-Type-Options", "nosniff"),
            RawHeader.create("Referrer-Policy", "no-referrer"));

    private final DashboardAssets assets;
    private final Supplier<CompletionStage<String>> snapshots;
    private final Duration period;
    private final Duration timeout;

    /**
     * @param assets    the page and its files
     * @param snapshots non-blocking source of the snapshot JSON (called once per period per client)
     * @param period    time between two events (1 s in the service)
     * @param timeout   a snapshot not ready after this becomes a {@code snapshot-error} event
     */
    public DashboardRoutes(DashboardAssets assets, Supplier<CompletionStage<String>> snapshots, Duration period,
                           Duration timeout) {
        this.assets = Objects.requireNonNull(assets, "assets");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        if (period.isNegative() || period.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("dashboard event period and snapshot timeout must be positive, got "
                    + period + " and " + timeout);
        }
        this.period = period;
        this.timeout = timeout;
    }

    /**
     * Routes with the service defaults: one event per second, 5 s snapshot timeout.
     *
     * @param snapshots non-blocking source of the snapshot JSON
     * @return the routes
     */
    public static DashboardRoutes withDefaults(Supplier<CompletionStage<String>> snapshots) {
        return new DashboardRoutes(DashboardAssets.load(), snapshots, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /**
     * The dashboard of a running service, for {@code Service.start(config, DashboardRoutes::of)}:
     * one event per second from {@link ServiceState#snapshotJson()}.
     *
     * @param state the service facade
     * @return the dashboard route
     */
    public static Route of(ServiceState state) {
        return withDefaults(state::snapshotJson).route();
    }

    /** @return the route serving {@code /}, {@code /static/...} and {@code /api/events} */
    public Route route() {
        return respondWithHeaders(SECURITY, () -> get(() -> concat(
                pathSingleSlash(() -> asset(assets.index(), "no-cache")),
                pathPrefix("static", () -> path(name -> assets.staticFile(name)
                        .map(a -> asset(a, "public, max-age=3600"))
                        .orElseGet(() -> notFound("/static/" + name)))),
                path(PathMatchers.segment("api").slash("events"), this::events))));
    }

    private Route asset(DashboardAssets.Asset a, String cacheControl) {
        return respondWithHeaders(List.of(RawHeader.create("Cache-Control", cacheControl)),
                () -> conditional(EntityTag.create(a.etag(), false),
                        () -> complete(HttpResponse.create().withEntity(HttpEntities.create(a.contentType(), a.bytes())))));
    }

    private static Route notFound(String what) {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", what + " is not a dashboard file; the dashboard is at / and its files are "
                + String.join(", ", DashboardAssets.STATIC_FILES) + " under /static/");
        return complete(HttpResponse.create().withStatus(StatusCodes.NOT_FOUND)
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, o.toString())));
    }

    private Route events() {
        return respondWithHeaders(List.of(RawHeader.create("Cache-Control", "no-cache")),
                () -> complete(StatusCodes.OK, eventSource(), EventStreamMarshalling.toEventStream()));
    }

    /** @return the endless event stream of one client: a snapshot (or error) event per period */
    Source<ServerSentEvent, NotUsed> eventSource() {
        return Source.tick(Duration.ZERO, period, Boolean.TRUE)
                .zipWithIndex()
                .mapAsync(1, t -> nextEvent((Long) t.second() == 0L))
                .mapMaterializedValue(c -> NotUsed.notUsed());
    }

    private CompletionStage<ServerSentEvent> nextEvent(boolean first) {
        CompletableFuture<String> next;
        try {
            // a copy: the timeout below must not complete a future the source may share
            next = snapshots.get().toCompletableFuture().copy();
        } catch (RuntimeException e) {
            next = CompletableFuture.failedFuture(e);
        }
        OptionalInt retry = first ? OptionalInt.of(RETRY_MS) : OptionalInt.empty();
        return next.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((json, err) -> err == null
                ? ServerSentEvent.create(json, Optional.of(SNAPSHOT_EVENT), Optional.empty(), retry)
                : ServerSentEvent.create(errorJson(err), Optional.of(ERROR_EVENT), Optional.empty(), retry));
    }

    private String errorJson(Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        String msg = cause instanceof TimeoutException
                ? "the service did not produce a status snapshot within " + timeout.toMillis() + " ms"
                : "status snapshot failed: " + cause;
        ObjectNode o = JSON.createObjectNode();
        o.put("error", msg);
        o.put("time", System.currentTimeMillis() / 1000.0);
        return o.toString();
    }
}
