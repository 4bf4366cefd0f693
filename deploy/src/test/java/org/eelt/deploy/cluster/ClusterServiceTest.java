package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eelt serve --config node.conf} in cluster mode, three JVMs on 127.0.0.1: a coordinator
 * (campaign manager as cluster singleton, HTTP API, store) and two labeler nodes. A campaign submitted
 * over HTTP is paused (the remote labelers stop), resumed, and runs to completion with labels from
 * both labeler nodes; {@code GET /api/cluster} lists the three members with their roles and published
 * loads.
 */
class ClusterServiceTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String coordinatorConf(int port, Path data, int httpPort) {
        return NodeLauncher.loopbackConf("coordinator", port, port, data, 0) + """
                eelt.service { http { host = "127.0.0.1", port = %d }, data-dir = "%s", token = "s3cret" }
                """.formatted(httpPort, data.toString().replace("\\", "/"));
    }

    static HttpResponse<String> get(String url) throws java.io.IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void campaignSubmittedOverHttpIsLabeledByTwoLabelerNodes(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        int labels = 60;
        int seed = NodeLauncher.freePort(), l1 = NodeLauncher.freePort(), l2 = NodeLauncher.freePort();
        int http = NodeLauncher.freePort();
        String base = "http://127.0.0.1:" + http;
        Path data = dir.resolve("coordinator-data");
        String id;
        try (NodeLauncher nodes = new NodeLauncher(dir, "384m")) {
            Process coord = nodes.startServe("coord", coordinatorConf(seed, data, http));
            nodes.startServe("l1", NodeLauncher.loopbackConf("labeler", l1, seed, dir.resolve("l1"), 2));
            nodes.startServe("l2", NodeLauncher.loopbackConf("labeler", l2, seed, dir.resolve("l2"), 2));
            assertTrue(NodeProcesses.await(90, () -> upMembers(base) == 3 || !coord.isAlive()),
                    "three members Up; see " + nodes.log("coord"));

            String spec = ClusterCampaignTest.campaign(labels, 0.25, 120);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns"))
                    .header("Authorization", "Bearer s3cret").header("Content-Type", "application/hocon")
                    .POST(HttpRequest.BodyPublishers.ofString(spec)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode() / 100 * 100, r.body());
            id = field(r.body(), "id");
            String url = base + "/api/campaigns/" + id;
            assertTrue(NodeProcesses.await(60, () -> labeled(get(url).body()) >= 4), "labels arrive");
            assertEquals(200, post(base + "/api/campaigns/" + id + "/pause").statusCode() / 100 * 100);
            Thread.sleep(2500); // in-flight labels finish; the remote labelers stop pulling
            long pausedAt = labeled(get(url).body());
            Thread.sleep(2000);
            assertEquals(pausedAt, labeled(get(url).body()), "no labels while paused (remote labelers paused)");
            assertTrue(pausedAt < labels, "paused before the end");
            assertEquals(200, post(base + "/api/campaigns/" + id + "/resume").statusCode() / 100 * 100);
            assertTrue(NodeProcesses.await(120, () -> !running(field(get(url).body(), "status"))),
                    "campaign finishes; see " + nodes.log("coord"));
            String status = get(url).body();
            assertEquals("budget-exhausted", field(status, "status"), status);

            String cluster = get(base + "/api/cluster").body();
            assertTrue(cluster.contains("\"coordinator\"") && cluster.contains("\"labeler\""), cluster);
            assertTrue(cluster.contains("127.0.0.1:" + l1) && cluster.contains("127.0.0.1:" + l2), cluster);
            assertTrue(cluster.contains("\"heap_max_mb\""), "loads arrive by pub-sub: " + cluster);
            coord.destroy(); // SIGTERM: graceful leave, the store is closed
            assertTrue(coord.waitFor(60, TimeUnit.SECONDS), "the coordinator stops on SIGTERM");
        }
        Map<String, String> by = ClusterCampaignTest.labelers(data.resolve("campaigns").resolve(id));
        assertEquals(labels, by.size(), "every candidate labeled once");
        assertTrue(ClusterCampaignTest.from(by, l1) > 0 && ClusterCampaignTest.from(by, l2) > 0,
                "labels from both labeler nodes: " + by.values());
        assertEquals(labels, ClusterCampaignTest.from(by, l1) + ClusterCampaignTest.from(by, l2),
                "all labels came from the labeler nodes");
    }

    static HttpResponse<String> post(String url) throws java.io.IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long labeled(String json) {
        Matcher m = Pattern.compile("\"labeled\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static boolean running(String status) {
        return status == null || Pattern.matches("starting|running|paused|stopping|evaluating", status);
    }

    private static int upMembers(String base) {
        try {
            String body = get(base + "/api/cluster").body();
            return body.split("\"status\"\\s*:\\s*\"Up\"", -1).length - 1;
        } catch (java.io.IOException e) {
            return 0; // not serving yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
