package org.eelt.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.deploy.service.Service;
import org.eelt.deploy.service.ServiceConfig;
import org.eelt.potential.dp.DpModelYaml;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real service on a random loopback port with real tiny Cu campaigns (built-in Sutton–Chen
 * oracle picked by its configured name): API errors (401, 400, refused oracle injection), a
 * campaign launched with the CLI ({@code eelt launch --wait --json}) beside one submitted over
 * HTTP that is paused, resumed and stopped, metrics consistent with the status, downloads, and a
 * restart on the same data directory that lists the old campaigns and resumes an unfinished one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceEndToEndTest {
    static final String TOKEN = "e2e-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Path data;
    static Service service;
    static String url;
    static String launchedId;
    static String controlledId;

    static String campaign(String name, int maxLabels, double wallS) {
        return campaignBuilder(name, maxLabels, wallS).hocon();
    }

    /** A tiny campaign labeled by the service's configured oracle "cu". */
    static SmallCuCampaign campaignBuilder(String name, int maxLabels, double wallS) {
        return SmallCuCampaign.named(name).seed(5)
                .chunks(20, 5).stage(new double[] {300}, 1, 1000000)
                .examination(0.10, 0.50, 4)
                .labeling("cu", 1).timeoutS(30)
                .model(4.5, 2, 8, 8).firstRoundSteps(100).rounds(60, 3)
                .initialData(4, 0.02)
                .accuracy(0.99, 100).budget(maxLabels, wallS)
                .test(new double[] {300}, 2).testSpacing(20, 10);
    }

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("eelt-service-e2e");
        service = startService();
        url = service.url();
    }

    static Service startService() {
        Map<String, Object> o = new HashMap<>();
        o.put("eelt.service.token", TOKEN);
        o.put("eelt.service.http.port", 0);
        o.put("eelt.service.data-dir", data.toString());
        o.put("eelt.service.oracles.cu", "sutton-chen:");
        o.put("eelt.service.status-interval-s", 0.5);
        return Service.start(ServiceConfig.load(null, o), null);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
        }
    }

    record Reply(int code, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    static Reply send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    static JsonNode get(String path) throws Exception {
        Reply r = send("GET", path, null, null);
        assertEquals(200, r.code(), r.body());
        return r.json();
    }

    static JsonNode waitFor(String id, Predicate<JsonNode> p, double timeoutS, String what) throws Exception {
        long end = System.nanoTime() + (long) (timeoutS * 1e9);
        JsonNode c = null;
        while (System.nanoTime() < end) {
            c = get("/api/campaigns/" + id);
            if (p.test(c)) {
                return c;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("campaign " + id + " did not reach: " + what + " within " + timeoutS + " s; last " + c);
    }

    static void assertError(Reply r, int code, String contains) throws IOException {
        assertEquals(code, r.code(), r.body());
        String e = r.json().path("error").asText();
        assertTrue(e.contains(contains), "error '" + e + "' should contain '" + contains + "'");
    }

    @Test
    @Order(1)
    void refusesMissingTokensBadSpecsAndOracleInjection() throws Exception {
        String good = campaign("x", 10, 60);
        assertError(send("POST", "/api/campaigns", good, null), 401, "Authorization: Bearer");
        assertError(send("POST", "/api/campaigns", good, "wrong"), 401, "not valid");
        assertError(send("POST", "/api/campaigns/whatever/stop", null, null), 401, "Bearer");
        String badTrust = campaignBuilder("x", 10, 60).examination(0.9, 0.50, 4).hocon();
        assertError(send("POST", "/api/campaigns", badTrust, TOKEN), 400, "eelt.campaign.examination.trust-lo");
        assertError(send("POST", "/api/campaigns", good.replace("oracle = \"cu\"",
                "oracle = \"lammps:pair_style=eam;pair_coeff=* * /etc/passwd\""), TOKEN), 400, "refused");
        assertError(send("POST", "/api/campaigns", good.replace("oracle = \"cu\"", "oracle = \"xtb:bin=/bin/sh\""),
                TOKEN), 400, "eelt.campaign.labeling.oracle");
        assertError(send("POST", "/api/campaigns", good + "\neelt.oracles.xtb.binary = \"/bin/sh\"\n", TOKEN), 400,
                "only an eelt.campaign");
        assertError(send("POST", "/api/campaigns", "{\"eelt\": {\"campaign\": 3", TOKEN), 400, "not a valid");
        assertError(send("GET", "/api/campaigns/no-such-id", null, null), 404, "no campaign");
        assertError(send("GET", "/api/campaigns/..%2F..%2Fetc", null, null), 404, "no campaign");
        assertError(send("GET", "/api/nothing", null, null), 404, "");
        assertError(send("DELETE", "/api/campaigns", null, TOKEN), 405, "");
        assertEquals(0, get("/api/campaigns").size(), "nothing was submitted by the refused requests");
    }

    @Test
    @Order(2)
    void campaignsRunConcurrentlyLaunchedByCliAndControlledOverHttp() throws Exception {
        Path spec = data.resolve("launch.conf");
        Files.writeString(spec, campaign("launched", 10, 240));
        CompletableFuture<CliTestSupport.Run> launch = CompletableFuture.supplyAsync(() -> CliTestSupport.run("launch",
                spec.toString(), "--server", url, "--token", TOKEN, "--wait", "--json", "--poll-s", "0.5"));
        Reply submitted = send("POST", "/api/campaigns?name=controlled", campaign("ignored", 500, 600), TOKEN);
        assertEquals(201, submitted.code(), submitted.body());
        controlledId = submitted.json().get("id").asText();

        waitFor(controlledId, c -> c.path("explored").asLong() > 0, 90, "exploring");
        assertEquals(200, send("POST", "/api/campaigns/" + controlledId + "/pause", null, TOKEN).code());
        JsonNode paused = waitFor(controlledId, c -> "paused".equals(c.path("state").asText()), 10, "paused");
        assertEquals("paused", paused.get("status").asText());
        JsonNode before = settled(controlledId); // a running MD chunk or oracle call completes
        Thread.sleep(2000);
        JsonNode after = get("/api/campaigns/" + controlledId);
        assertEquals(before.get("explored").asLong(), after.get("explored").asLong(), "no MD while paused");
        assertEquals(before.get("labeled").asLong(), after.get("labeled").asLong(), "no labels while paused");
        assertEquals(before.get("wall_s").asDouble(), after.get("wall_s").asDouble(), 1e-6, "paused time is not counted");
        assertEquals(200, send("POST", "/api/campaigns/" + controlledId + "/resume", null, TOKEN).code());
        long explored = after.get("explored").asLong();
        waitFor(controlledId, c -> c.path("explored").asLong() > explored, 60, "exploring again after resume");
        assertEquals(200, send("POST", "/api/campaigns/" + controlledId + "/stop", null, TOKEN).code());
        JsonNode stopped = waitFor(controlledId, c -> c.hasNonNull("summary") && !c.get("status").asText()
                .equals("evaluating"), 90, "stopped");
        assertEquals("stopped", stopped.get("status").asText());
        assertEquals("stopped", stopped.get("summary").get("status").asText());
        assertError(send("POST", "/api/campaigns/" + controlledId + "/pause", null, TOKEN), 409, "stopped");

        CliTestSupport.Run run = launch.get();
        assertEquals(0, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out());
        assertTrue(Set.of("converged", "budget-exhausted").contains(summary.get("status").asText()), run.out());
        assertTrue(summary.get("labeled").asLong() >= 10, run.out());
        assertTrue(run.err().contains("[#"), "progress bar on stderr: " + run.err());
        Matcher m = Pattern.compile("campaign (\\S+) submitted").matcher(run.err());
        assertTrue(m.find(), run.err());
        launchedId = m.group(1);

        JsonNode c = get("/api/campaigns/" + launchedId);
        assertEquals(summary.get("status").asText(), c.get("status").asText());
        assertEquals(summary.get("labeled").asLong(), c.get("summary").get("labeled").asLong());
        checkMetrics(launchedId, c);
        checkDownloads(launchedId, summary.get("labeled").asLong());
        List<String> ids = get("/api/campaigns").findValuesAsText("id");
        assertTrue(ids.containsAll(List.of(launchedId, controlledId)), ids.toString());
    }

    /** @return a snapshot once explored and labeled stayed the same for 1 s (at most 15 s) */
    static JsonNode settled(String id) throws Exception {
        JsonNode last = get("/api/campaigns/" + id);
        for (int i = 0; i < 15; i++) {
            Thread.sleep(1000);
            JsonNode now = get("/api/campaigns/" + id);
            if (now.get("explored").equals(last.get("explored")) && now.get("labeled").equals(last.get("labeled"))) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("campaign " + id + " kept exploring or labeling while paused: " + last);
    }

    /** /metrics is valid exposition text and agrees with the campaign's status. */
    static void checkMetrics(String id, JsonNode c) throws Exception {
        Reply r = send("GET", "/metrics", null, null);
        assertEquals(200, r.code());
        Pattern sample = Pattern.compile("(eelt_[a-z_]+)(\\{[^}]*\\})? (\\S+)");
        Set<String> typed = new HashSet<>();
        Map<String, Double> values = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("# TYPE ")) {
                typed.add(line.split(" ")[2]);
                continue;
            }
            if (line.startsWith("# HELP ")) {
                continue;
            }
            Matcher m = sample.matcher(line);
            assertTrue(m.matches(), "not an exposition sample: " + line);
            String family = m.group(1).replaceFirst("_(bucket|sum|count)$", "");
            assertTrue(typed.contains(m.group(1)) || typed.contains(family), "no # TYPE before " + line);
            values.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(
                    m.group(3).replace("+Inf", "Infinity")));
        }
        String l = "{campaign=\"" + id + "\"}";
        assertEquals(c.get("labeled").asDouble(), values.get("eelt_labeled_total" + l));
        assertEquals(c.get("explored").asDouble(), values.get("eelt_explored_frames_total" + l));
        assertEquals(c.get("accurate_ratio").asDouble(), values.get("eelt_accurate_ratio" + l), 1e-12);
        assertEquals(c.get("labeled").asDouble(), values.get("eelt_label_latency_seconds_count" + l),
                "one latency observation per label");
        assertEquals(values.get("eelt_label_latency_seconds_count" + l),
                values.get("eelt_label_latency_seconds_bucket{campaign=\"" + id + "\",le=\"+Inf\"}"));
        assertEquals(c.get("utilization").get("labeler").asDouble(),
                values.get("eelt_pool_utilization{campaign=\"" + id + "\",pool=\"labeler\"}"), 1e-12);
        double frames = 0;
        for (JsonNode v : c.get("per_version")) {
            frames += v.get("accurate").asLong() + v.get("candidate").asLong() + v.get("failed").asLong();
        }
        assertEquals(c.get("examined").asDouble(), frames, "per-version counts add up to the examined frames");
        long hist = c.get("devi_histogram").get("overflow").asLong();
        for (JsonNode n : c.get("devi_histogram").get("counts")) {
            hist += n.asLong();
        }
        assertEquals(c.get("examined").asLong(), hist, "every examined frame is in the deviation histogram");
    }

    static void checkDownloads(String id, long labels) throws Exception {
        Reply model = send("GET", "/api/campaigns/" + id + "/models/latest", null, null);
        assertEquals(200, model.code(), model.body());
        assertEquals(List.of("Cu"), DpModelYaml.parse(model.body(), "latest").typeMap());
        Path out = data.resolve("export.extxyz");
        CliTestSupport.Run x = CliTestSupport.run("export", id, "--server", url, "--format", "extxyz", out.toString());
        assertEquals(0, x.status(), x.err());
        assertEquals(labels, Formats.read(out, null, FormatOptions.defaults()).size(), "every label once");
        Path dir = data.resolve("export-deepmd");
        CliTestSupport.Run d = CliTestSupport.run("export", id, "--server", url, "--format", "deepmd", "--json",
                dir.toString());
        assertEquals(0, d.status(), d.err());
        assertTrue(Files.isRegularFile(dir.resolve("sys-000-32atoms/type.raw")), d.out());
        assertEquals(2, CliTestSupport.run("status", "no-such-id", "--server", url).status());
        assertEquals(3, CliTestSupport.run("status", "--server", "http://127.0.0.1:1").status());
    }

    @Test
    @Order(3)
    void aRestartedServiceListsOldCampaignsAndResumesAnUnfinishedPausedOne() throws Exception {
        Reply r = send("POST", "/api/campaigns", campaign("resumed", 500, 600), TOKEN);
        assertEquals(201, r.code(), r.body());
        String id = r.json().get("id").asText();
        JsonNode before = waitFor(id, c -> c.path("model_versions").asLong() >= 2 && c.path("labeled").asLong() >= 4,
                90, "trained once");
        assertEquals(200, send("POST", "/api/campaigns/" + id + "/pause", null, TOKEN).code());
        service.stop();
        service = null;
        Path run = data.resolve("campaigns").resolve(id);
        assertFalse(Files.exists(run.resolve("summary.json")), "a persisted campaign is not finished");
        service = startService();
        url = service.url();
        JsonNode list = get("/api/campaigns");
        List<String> ids = list.findValuesAsText("id");
        assertTrue(ids.containsAll(List.of(launchedId, controlledId, id)), ids.toString());
        assertEquals("stopped", get("/api/campaigns/" + controlledId).get("status").asText());
        waitFor(id, c -> "paused".equals(c.path("status").asText()) && "paused".equals(c.path("state").asText()), 60,
                "paused again after the restart");
        assertEquals(200, send("POST", "/api/campaigns/" + id + "/resume", null, TOKEN).code());
        long labeled = before.get("labeled").asLong();
        JsonNode resumed = waitFor(id, c -> c.path("labeled").asLong() > labeled
                && "running".equals(c.path("status").asText()), 90, "labeling after the restart");
        assertTrue(resumed.get("model_versions").asLong() >= before.get("model_versions").asLong());
        CliTestSupport.Run stop = CliTestSupport.run("stop", id, "--server", url, "--token", TOKEN, "--json");
        assertEquals(0, stop.status(), stop.err());
        JsonNode done = waitFor(id, c -> c.hasNonNull("summary") && !c.get("status").asText().equals("evaluating"),
                90, "stopped");
        assertEquals("stopped", done.get("status").asText());
        assertNotNull(done.get("summary").get("wall_s"));
    }
}
