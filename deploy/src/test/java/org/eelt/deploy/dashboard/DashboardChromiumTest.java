package org.eelt.deploy.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.deploy.service.Service;
import org.eelt.deploy.service.ServiceConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium against the real service: a single-node service on a
 * random loopback port runs a small real Cu campaign (built-in Sutton–Chen oracle, ensemble of 2);
 * the page must show the campaign with counts that lie between two {@code GET /api/campaigns/{id}}
 * taken before and after the DOM was read (the counters only grow), charts with drawn data, the
 * cluster member of {@code GET /api/cluster}, live SSE updates and no JavaScript error. The
 * screenshot is kept as {@code deploy/target/dashboard-screenshot.png}. Skipped only when no
 * Chromium is installed.
 */
class DashboardChromiumTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dash-test-token";
    private static final List<String> COUNTERS = List.of("explored", "candidates", "labeled", "label_failures",
            "model_versions");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A small campaign whose walkers start after a short first training round. */
    static final String CAMPAIGN = SmallCuCampaign.named("cu-dashboard-test").seed(5).strains(-0.02, 0.02)
            .chunks(40, 5).failedBatchesRestart(1).stage(new double[] {300, 900}, 2, 100000)
            .examination(0.10, 0.50, 6)
            .labeling("sutton-chen:", 1).timeoutS(30)
            .model(5.0, 4, 16, 16).firstRoundSteps(200).rounds(200, 4)
            .initialData(8, 0.02)
            .accuracy(0.99, 200).budget(200, 300)
            .test(new double[] {300}, 2).testSpacing(50, 10)
            .hocon();

    /** What the page must show before it is compared with the API. */
    private static String ready(String id) {
        String row = "document.querySelector('#campaigns tr[data-id=\"" + id + "\"]')";
        return row + " && +" + row + ".querySelector('[data-field=labeled]').dataset.value > 0"
                + " && +" + row + ".querySelector('[data-field=explored]').dataset.value > 0"
                + " && document.querySelectorAll('#chart-per-version rect.bar').length > 0"
                + " && document.querySelectorAll('#chart-devi rect.bar').length > 0"
                + " && document.querySelectorAll('#chart-lcurve path.series').length > 0"
                + " && document.querySelectorAll('#members tr[data-testid=member-row]').length > 0";
    }

    @Test
    void dashboardShowsTheLiveCampaign() throws Exception {
        Optional<Path> chromium = ChromiumDriver.find();
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium)");
        Path data = Files.createTempDirectory("eelt-dash-test-");
        Service service = startService(data, 0);
        phase("service started");
        try (ChromiumDriver browser = ChromiumDriver.start(chromium.get(), 1400, 1000, Duration.ofSeconds(100))) {
            String base = service.url();
            String id = submit(base);
            browser.navigate(base + "/");
            if (!browser.waitFor(ready(id), Duration.ofSeconds(45))) {
                fail("the dashboard did not show the running campaign with data within 45 s; campaign: "
                        + getJson(base + "/api/campaigns/" + id) + "; page errors: " + browser.pageErrors()
                        + "; DOM: " + browser.dom());
            }
            int eventsBefore = browser.eval("+document.body.dataset.events").asInt();
            phase("campaign visible with data");

            // the DOM lies between two API reads: before, then a snapshot made > 1 s after, then after
            JsonNode before = getJson(base + "/api/campaigns/" + id);
            double after0 = System.currentTimeMillis() / 1000.0;
            assertTrue(browser.waitFor("+document.getElementById('updated').dataset.time > " + (after0 + 1.0),
                    Duration.ofSeconds(10)), "a snapshot newer than the first API read reached the page");
            JsonNode dom = browser.eval(domReadout(id));
            JsonNode after = getJson(base + "/api/campaigns/" + id);
            for (String k : COUNTERS) {
                long b = before.path(k).asLong();
                long d = dom.path(k).asLong(-1);
                long a = after.path(k).asLong();
                assertTrue(b <= d && d <= a, k + ": API before " + b + ", page " + d + ", API after " + a);
            }
            assertTrue(dom.path("labeled").asLong() > 0 && dom.path("explored").asLong() > 0, dom.toString());
            assertTrue(List.of(before.path("status").asText(), after.path("status").asText())
                    .contains(dom.path("status").asText()), "status " + dom.path("status") + " vs " + before.path("status")
                    + "/" + after.path("status"));
            assertEquals(dom.path("status").asText(), dom.path("detail_status").asText(), "detail panel shows the row's status");
            assertEquals(before.path("name").asText(), dom.path("name").asText());

            // charts: what is drawn is what the API reports
            long histBefore = sum(before.path("devi_histogram").path("counts"));
            long histAfter = sum(after.path("devi_histogram").path("counts"));
            long histDom = dom.path("devi_sum").asLong();
            assertTrue(histBefore <= histDom && histDom <= histAfter && histDom > 0,
                    "histogram frames: API " + histBefore + ".." + histAfter + ", drawn " + histDom);
            Set<String> versionsDom = new HashSet<>();
            dom.path("versions").forEach(v -> versionsDom.add(v.asText()));
            assertTrue(versions(after).containsAll(versionsDom) && versionsDom.containsAll(versions(before))
                    && !versionsDom.isEmpty(), "model versions drawn " + versionsDom + ", API " + versions(before)
                    + " .. " + versions(after));
            assertTrue(dom.path("explored_points").asInt() >= 2, "explored-vs-labeled has a line: " + dom);
            assertTrue(dom.path("labeled_points").asInt() >= 2, "explored-vs-labeled has a line: " + dom);
            int members = dom.path("lcurves").asInt();
            assertTrue(members >= 1 && members <= 2, "one learning curve per trained member: " + dom);
            assertEquals(3, dom.path("util_series").asInt(), "explorer, labeler and trainer utilization: " + dom);
            assertTrue(dom.path("queue_series").asInt() >= 1, dom.toString());

            // the cluster members table lists this node with its roles
            JsonNode cluster = getJson(base + "/api/cluster");
            String address = cluster.path("members").path(0).path("address").asText();
            assertTrue(!address.isEmpty(), cluster.toString());
            assertEquals(address, dom.path("member_address").asText());
            assertTrue(dom.path("member_roles").asText().contains("coordinator")
                    && dom.path("member_roles").asText().contains("labeler"), dom.toString());

            // live: more snapshots keep arriving over SSE
            assertTrue(browser.waitFor("+document.body.dataset.events >= " + (eventsBefore + 2), Duration.ofSeconds(10)),
                    "the page keeps receiving snapshots");
            assertEquals("live", browser.eval("document.getElementById('conn').dataset.state").asText());
            // for a more telling screenshot, give the learning curves a second point when it comes soon
            browser.waitFor("document.querySelector('#chart-lcurve path.series[data-points=\"2\"]')", Duration.ofSeconds(4));
            Path shot = Path.of("target", "dashboard-screenshot.png");
            browser.screenshot(shot);
            assertTrue(Files.size(shot) > 20_000, "screenshot written: " + shot.toAbsolutePath());

            // the service goes away: the page says so; it comes back on the same port and data
            // directory (the campaign resumes from its store): the page reconnects by itself
            phase("DOM checked against the API, screenshot taken");
            int port = service.port();
            service.stop();
            service = null;
            phase("service stopped");
            assertTrue(browser.waitFor("document.getElementById('conn').dataset.state !== 'live'", Duration.ofSeconds(10)),
                    "the page notices the lost connection");
            service = startService(data, port);
            assertTrue(browser.waitFor("document.getElementById('conn').dataset.state === 'live' && "
                    + "document.querySelector('#campaigns tr[data-id=\"" + id + "\"]')", Duration.ofSeconds(20)),
                    "the page reconnects to the restarted service and lists the campaign again");
            phase("page reconnected to the restarted service");
            assertEquals(List.of(), browser.pageErrors(), "no JavaScript errors on the page");
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteWhenSettled(data);
        }
    }

    private static final long T0 = System.nanoTime();

    private static void phase(String what) {
        System.err.printf(java.util.Locale.ROOT, "DashboardChromiumTest: %5.1f s  %s%n", (System.nanoTime() - T0) * 1e-9, what);
    }

    private static Service startService(Path data, int port) {
        Map<String, Object> o = new HashMap<>();
        o.put("eelt.service.http.port", port);
        o.put("eelt.service.token", TOKEN);
        o.put("eelt.service.data-dir", data.toString());
        return Service.start(ServiceConfig.load(null, o), DashboardRoutes::of);
    }

    /**
     * Deletes the data directory. A training round that was running when the service stopped may
     * still write its checkpoint for a moment (it runs on its own thread pool), so this retries.
     */
    private static void deleteWhenSettled(Path dir) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                Thread.sleep(500);
            }
        }
        System.err.println("DashboardChromiumTest: could not delete " + dir);
    }

    /** @return a JS expression reading what the page shows about campaign {@code id} */
    private static String domReadout(String id) {
        return """
                (() => {
                  const row = document.querySelector('#campaigns tr[data-id="%s"]');
                  const f = k => row.querySelector('[data-field="' + k + '"]');
                  const out = {name: f('name').textContent, status: f('status').textContent,
                    detail_status: document.getElementById('detail-status').textContent};
                  for (const k of %s) out[k] = +f(k).dataset.value;
                  out.devi_sum = [...document.querySelectorAll('#chart-devi rect.bar')].reduce((a, r) => a + +r.dataset.value, 0);
                  out.versions = [...new Set([...document.querySelectorAll('#chart-per-version rect.bar')].map(r => r.dataset.category))];
                  const pts = s => +(document.querySelector('#chart-explored path.series[data-series="' + s + '"]') || {dataset: {points: 0}}).dataset.points;
                  out.explored_points = pts('explored');
                  out.labeled_points = pts('labeled');
                  out.lcurves = document.querySelectorAll('#chart-lcurve path.series').length;
                  out.util_series = document.querySelectorAll('#chart-util path.series').length;
                  out.queue_series = document.querySelectorAll('#chart-queues path.series').length;
                  const m = document.querySelector('#members tr[data-testid=member-row]');
                  out.member_address = m.dataset.address;
                  out.member_roles = m.querySelector('[data-field=roles]').textContent;
                  return out;
                })()""".formatted(id, JSON.valueToTree(COUNTERS).toString());
    }

    private static Set<String> versions(JsonNode campaign) {
        Set<String> out = new HashSet<>();
        campaign.path("per_version").forEach(v -> out.add(v.path("version").asText()));
        return out;
    }

    private static long sum(JsonNode counts) {
        long s = 0;
        for (JsonNode c : counts) {
            s += c.asLong();
        }
        return s;
    }

    private static String submit(String base) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/hocon")
                .POST(HttpRequest.BodyPublishers.ofString(CAMPAIGN)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
