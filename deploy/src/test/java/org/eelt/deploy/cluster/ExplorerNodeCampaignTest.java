package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Deep Potential campaign on a real Pekko cluster of separate JVMs on 127.0.0.1 whose walkers run
 * on explorer-role nodes and whose ensemble trains on a trainer-role node: a coordinator (campaign,
 * examiner, recorder, RocksDB store; neither explorer nor trainer role), two explorer nodes and one
 * labeler + trainer node, the first explorer node also having the trainer role. The trainer members
 * get the dataset as increments from the coordinator's store and publish their models on the
 * campaign's topic; walkers wait for models, so the campaign completes only if remote training works.
 * The SIGKILL of the first explorer node also takes an ensemble member: it is started again on the
 * labeler + trainer node at its generation and publishes newer models, which the coordinator stores.
 * Then the second explorer node is killed too, and both walkers go on on the coordinator. The two walkers are placed round-robin,
 * one per explorer node; one explorer node is then killed with SIGKILL, its walker is started again
 * on the other node, and the campaign reaches its label budget with every explored label coming
 * from a walker that ran on an explorer node and no candidate labeled twice.
 */
class ExplorerNodeCampaignTest {
    private static final Pattern PLACED = Pattern.compile("walker (\\S+) runs on explorer node (\\S+)");

    static String campaign(int bootstrap, int labels, double wallS) {
        return """
                eelt.campaign {
                  name = "explorer-test"
                  seed = 11
                  type-map = [Cu]
                  systems = [{builder = fcc, element = Cu, a = 3.615, repeat = 2}]
                  exploration { stages = [{temperatures = [900], walkers = 2, steps-per-walker = 1000000}] }
                  examination { trust-lo = 0.001, trust-hi = 1000, max-candidates-per-model = 4 }
                  labeling {
                    oracle = "sutton-chen:", workers = 2, timeout-s = 20, retries = 1, backoff-s = 0.2
                    simulated-latency { median-s = 0.4, sigma = 0.2 }
                  }
                  training {
                    ensemble-size = 2
                    model { sel = [60], rcut = 5.0, rcut-smth = 2.0, embedding = [4, 8], axis-neuron = 4, fitting = [16, 16] }
                    first-round-steps = 100
                    steps-per-round = 40
                    trigger = { new-labels = 4 }
                  }
                  initial-data { bootstrap = %d, rattle = 0.05, strain = 0.02 }
                  convergence { max-labels = %d, max-wall-s = %s }
                  test { frames = 0 }
                }
                """.formatted(bootstrap, labels, wallS);
    }

    /** walker id -> the explorer nodes it was placed on, in order, from the coordinator's log. */
    static Map<String, List<String>> placements(NodeLauncher nodes) throws Exception {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        if (!Files.exists(nodes.log("coord"))) {
            return out;
        }
        for (String l : Files.readAllLines(nodes.log("coord"))) {
            Matcher m = PLACED.matcher(l);
            if (m.find()) {
                out.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(m.group(2));
            }
        }
        return out;
    }

    @Test
    void walkersRunOnExplorerNodesAndMoveWhenOneIsKilled(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        int bootstrap = 4, labels = 40; // ~2 labels/s (4 candidates per model, 1 labeler, 0.4 s each)
        Files.writeString(dir.resolve("c.conf"), campaign(bootstrap, labels, 150));
        int seed = NodeLauncher.freePort(), e1 = NodeLauncher.freePort(), e2 = NodeLauncher.freePort(),
                lab = NodeLauncher.freePort();
        Path run = dir.resolve("run");
        try (NodeLauncher nodes = new NodeLauncher(dir, "384m")) {
            Process coord = nodes.start("coord", NodeLauncher.loopbackConf("coordinator", seed, seed, dir.resolve("c-data"), 0),
                    "--campaign", dir.resolve("c.conf").toString(), "--run-dir", run.toString(),
                    "--await-labelers", "1", "--await-explorers", "2");
            Process p1 = nodes.start("e1", NodeLauncher.loopbackConf("explorer, trainer", e1, seed, dir.resolve("e1-data"), 0));
            Process p2 = nodes.start("e2", NodeLauncher.loopbackConf("explorer", e2, seed, dir.resolve("e2-data"), 0));
            nodes.start("lab", NodeLauncher.loopbackConf("labeler, trainer", lab, seed, dir.resolve("l-data"), 1));
            assertTrue(NodeProcesses.await(90, () -> (placements(nodes).size() == 2
                            && NodeProcesses.labeledSoFar(nodes, "coord") > bootstrap) || !coord.isAlive()),
                    "both walkers placed and explored frames labeled; see " + nodes.log("coord"));
            Map<String, List<String>> before = placements(nodes);
            assertEquals(Set.of("127.0.0.1:" + e1, "127.0.0.1:" + e2),
                    new TreeSet<>(before.values().stream().map(p -> p.get(0)).toList()),
                    "round-robin: one walker per explorer node; " + before);
            assertTrue(coord.isAlive() && NodeProcesses.labeledSoFar(nodes, "coord") < labels,
                    "the campaign still runs before the kill");
            int onE1 = -1; // round-robin over the two trainer nodes (e1, lab): one member on each
            for (int m = 0; m < 2; m++) {
                boolean there = nodes.linesWith("coord", "trainer member " + m + " runs on trainer node 127.0.0.1:" + e1) == 1;
                boolean here = nodes.linesWith("coord", "trainer member " + m + " runs on trainer node 127.0.0.1:" + lab) == 1;
                assertTrue(there != here, "member " + m + " placed on one trainer node; see " + nodes.log("coord"));
                onE1 = there ? m : onE1;
            }
            assertTrue(onE1 >= 0, "one member on each trainer node; see " + nodes.log("coord"));
            p1.destroyForcibly(); // SIGKILL, with its walker mid-run
            assertTrue(p1.waitFor(10, TimeUnit.SECONDS));
            String moved = before.entrySet().stream().filter(e -> e.getValue().get(0).endsWith(":" + e1))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertTrue(NodeProcesses.await(60, () -> placements(nodes).get(moved).size() == 2 || !coord.isAlive()),
                    "the killed node's walker placed again; see " + nodes.log("coord"));
            assertTrue(coord.isAlive() && NodeProcesses.labeledSoFar(nodes, "coord") < labels - 4,
                    "the campaign still runs before the second kill");
            p2.destroyForcibly(); // the last explorer node: walkers fall back to the coordinator
            assertTrue(p2.waitFor(10, TimeUnit.SECONDS));
            assertTrue(coord.waitFor(120, TimeUnit.SECONDS), "coordinator finished; see " + nodes.log("coord"));
            assertEquals(0, coord.exitValue(), "coordinator exit status; see " + nodes.log("coord"));
            assertTrue(nodes.out("coord").contains("label budget of " + labels + " reached"), nodes.out("coord"));
            assertEquals(2, nodes.linesWith("coord", "runs on the coordinator (no explorer-role node listed besides the lost"),
                    "both walkers run on the coordinator once both explorer nodes are lost; see " + nodes.log("coord"));
            Matcher versions = Pattern.compile("\"model_versions\"\\s*:\\s*(\\d+)").matcher(nodes.out("coord"));
            assertTrue(versions.find() && Long.parseLong(versions.group(1)) >= 4,
                    "models from the trainer node were stored by the coordinator: " + nodes.out("coord"));
            assertEquals(3, nodes.linesWith("coord", "was lost with explorer node"),
                    "one walker lost with the first node, two with the second; see " + nodes.log("coord"));
            Map<String, List<String>> after = placements(nodes);
            assertEquals(List.of("127.0.0.1:" + e1, "127.0.0.1:" + e2), after.get(moved),
                    "the killed node's walker started again on the other explorer node; " + after);
            assertTrue(nodes.linesWith("e2", "started walker " + moved) == 1, "see " + nodes.log("e2"));
            assertEquals(1, nodes.linesWith("coord", "trainer member " + onE1 + " was lost with trainer node 127.0.0.1:" + e1),
                    "see " + nodes.log("coord"));
            assertEquals(1, nodes.linesWith("coord", "trainer member " + onE1 + " runs on trainer node 127.0.0.1:" + lab),
                    "the killed node's member started again on the other trainer node; see " + nodes.log("coord"));
            for (int m = 0; m < 2; m++) {
                assertEquals(1, nodes.linesWith("lab", "started member " + m + " of campaign"), "see " + nodes.log("lab"));
            }
            assertEquals(0, nodes.linesWith("coord", "trainer member 0 runs on the coordinator")
                    + nodes.linesWith("coord", "trainer member 1 runs on the coordinator"), "no member ran on the coordinator");
            long explored = 0;
            for (String l : Files.readAllLines(nodes.log("coord"))) {
                Matcher m = Pattern.compile("\\]\\s+stage \\d+/\\d+\\s+explored (\\d+)").matcher(l);
                if (m.find()) {
                    long now = Long.parseLong(m.group(1));
                    assertTrue(now >= explored, "the explored count never goes back (lost walkers' frames stay counted): "
                            + now + " after " + explored);
                    explored = now;
                }
            }
            assertTrue(explored > 0, "progress lines seen");
        }
        long movedAt = generationAtMove(dir, onE1Of(dir, e1));
        try (EeltStore s = EeltStore.openReadOnly(run.resolve("store"))) {
            long newest = 0;
            for (long v : s.modelVersions()) {
                Map<String, String> a = s.model(v).orElseThrow().metadata().attributes();
                if (a.get("member").equals(Integer.toString(onE1Of(dir, e1)))) {
                    newest = Math.max(newest, Long.parseLong(a.get("generation")));
                }
            }
            assertTrue(newest > movedAt, "the moved member trained on the other node and its model was stored: generation "
                    + newest + " after " + movedAt);
        }
        Map<String, String> byHash = ClusterCampaignTest.labelers(run); // fails on a duplicate candidate or hash
        assertTrue(byHash.size() >= labels && byHash.size() <= labels + 4,
                "the label budget plus the labels in flight when it was reached: " + byHash.size());
        Set<String> walkers = new TreeSet<>();
        try (EeltStore s = EeltStore.openReadOnly(run.resolve("store"))) {
            for (StoredLabel l : s.iterate().stream().toList()) {
                String meta = s.getString("label-meta/" + l.hash().hex()).orElseThrow();
                walkers.add(meta.replaceAll(".*;?walker=([^;]*).*", "$1"));
            }
        }
        walkers.remove("bootstrap");
        assertTrue(!walkers.isEmpty(), "explored frames were labeled");
        assertTrue(placementsKeys(dir).containsAll(walkers),
                "every explored label comes from a walker placed on an explorer node: " + walkers);
    }

    /** @return the member that the coordinator placed on trainer node {@code 127.0.0.1:port} first. */
    private static int onE1Of(Path dir, int port) throws Exception {
        for (String l : Files.readAllLines(dir.resolve("coord.err"))) {
            Matcher m = Pattern.compile("trainer member (\\d+) runs on trainer node 127\\.0\\.0\\.1:" + port + "$").matcher(l.trim());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no member on trainer node " + port);
    }

    /** @return the generation at which a lost member was started again (from the coordinator's log). */
    private static long generationAtMove(Path dir, int member) throws Exception {
        for (String l : Files.readAllLines(dir.resolve("coord.err"))) {
            Matcher m = Pattern.compile("trainer member " + member + " was lost .* starting it again at generation (\\d+)")
                    .matcher(l);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("member " + member + " was not moved");
    }

    private static Set<String> placementsKeys(Path dir) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (String node : List.of("e1", "e2")) {
            for (String l : Files.readAllLines(dir.resolve(node + ".err"))) {
                Matcher m = Pattern.compile("started walker (\\S+)").matcher(l);
                if (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }
}
