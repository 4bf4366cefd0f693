package org.eelt.deploy.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard routes on a real pekko-http server on 127.0.0.1: content types, caching headers
 * and 304s, no escape from the asset list, and the SSE framing (event names, retry, one event per
 * period, an error event that does not end the stream).
 */
class DashboardRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ActorSystem<Void> system;
    private static ServerBinding binding;
    private static String base;
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "dash-routes-test", ConfigFactory.parseString(
                "pekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
        // the second snapshot never comes and every third one fails, to check that error events
        // (timeout, failure) do not end the stream
        DashboardRoutes routes = new DashboardRoutes(DashboardAssets.load(), () -> {
            int n = CALLS.incrementAndGet();
            if (n == 2) {
                return new CompletableFuture<>();
            }
            return n % 3 == 0 ? CompletableFuture.failedFuture(new IllegalStateException("store closed"))
                    : CompletableFuture.completedFuture("{\"time\":" + (1000.0 + n) + ",\"campaigns\":[{\"id\":\"c" + n
                    + "\"}],\"cluster\":{\"members\":[]}}");
        }, Duration.ofMillis(100), Duration.ofMillis(400));
        binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(routes.route())
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + binding.localAddress().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        binding.terminate(Duration.ofSeconds(1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageAndStaticFilesHaveTypesCachingAndPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=UTF-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(page.body().contains("id=\"campaigns\"") && page.body().contains("/static/dashboard.js"));
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "the page loads nothing remote");

        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/", "If-None-Match", etag).statusCode());

        for (String[] f : new String[][]{{"charts.js", "application/javascript; charset=UTF-8"},
                {"dashboard.js", "application/javascript; charset=UTF-8"}, {"dashboard.css", "text/css; charset=UTF-8"},
                {"favicon.svg", "image/svg+xml"}}) {
            HttpResponse<String> r = get("/static/" + f[0]);
            assertEquals(200, r.statusCode(), f[0]);
            assertEquals(f[1], r.headers().firstValue("Content-Type").orElse(""), f[0]);
            assertEquals("public, max-age=3600", r.headers().firstValue("Cache-Control").orElse(""), f[0]);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), f[0]);
            assertTrue(!r.body().contains("https://") && !r.body().contains("//cdn"), f[0] + " loads nothing remote");
        }
    }

    @Test
    void unknownFilesAreJson404s() throws Exception {
        for (String p : List.of("/static/nope.js", "/static/..%2Fpackage-info.class", "/static/.hidden",
                "/static/DashboardRoutes.class")) {
            HttpResponse<String> r = get(p);
            assertEquals(404, r.statusCode(), p);
            JsonNode err = JSON.readTree(r.body());
            assertTrue(err.path("error").asText().contains("is not a dashboard file"), p + ": " + r.body());
        }
        assertEquals(404, get("/static/index.html/../../x").statusCode());
        assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void eventsStreamSnapshotsAndSurvivesAFailedOne() throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
        List<List<String>> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            List<String> cur = new ArrayList<>();
            String line;
            while (events.size() < 6 && (line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!cur.isEmpty()) {
                        events.add(cur);
                    }
                    cur = new ArrayList<>();
                } else {
                    cur.add(line);
                }
            }
        }
        assertEquals(6, events.size(), "six events read: " + events);
        assertTrue(events.get(0).contains("retry:" + DashboardRoutes.RETRY_MS), "first event sets retry: " + events.get(0));
        int snapshots = 0;
        int errors = 0;
        int timeouts = 0;
        double lastTime = 0;
        for (List<String> e : events) {
            String data = e.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5)).findFirst().orElseThrow();
            JsonNode d = JSON.readTree(data);
            if (e.contains("event:snapshot")) {
                snapshots++;
                assertTrue(d.path("campaigns").isArray() && d.path("cluster").path("members").isArray(), data);
                assertTrue(d.path("time").asDouble() > lastTime, "snapshot times increase: " + events);
                lastTime = d.path("time").asDouble();
            } else {
                assertTrue(e.contains("event:snapshot-error"), e.toString());
                String msg = d.path("error").asText();
                assertTrue(msg.contains("store closed") || msg.contains("did not produce a status snapshot within 400 ms"),
                        data);
                timeouts += msg.contains("within 400 ms") ? 1 : 0;
                errors++;
            }
        }
        assertEquals(3, snapshots, events.toString());
        assertEquals(3, errors, events.toString());
        assertEquals(1, timeouts, events.toString());
    }
}
