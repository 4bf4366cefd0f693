package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * (See also {@link ClusterServiceTest}.) Campaigns on a real Pekko cluster of separate JVMs on 127.0.0.1: a coordinator node (campaign,
 * examiner, recorder, RocksDB store) and labeler nodes that find the campaign through the
 * receptionist and pull its work. The campaign labels {@code N} bootstrap structures with the
 * built-in Sutton–Chen oracle plus a declared simulated latency, and its label budget is N: it
 * completes only if every candidate is labeled, so a candidate lost with a killed node would leave
 * it stuck until its wall-clock budget.
 */
class ClusterCampaignTest {

    static String campaign(int labels, double latencyS, double wallS) {
        return SmallCuCampaign.named("cluster-test").seed(5)
                .labeling("sutton-chen:", 2).timeoutS(20).retries(1, 0.2).simulatedLatency(latencyS, 0.2)
                .initialData(labels, 0.02).budget(labels, wallS).test(null, 0)
                .hocon();
    }

    /** Label metadata of every stored label: labeler id per content hash; fails on a duplicate. */
    static Map<String, String> labelers(Path run) {
        Map<String, String> byHash = new HashMap<>();
        Set<String> candidates = new HashSet<>();
        try (EeltStore s = EeltStore.openReadOnly(run.resolve("store"))) {
            List<StoredLabel> all = s.iterate().stream().toList();
            for (StoredLabel l : all) {
                String meta = s.getString("label-meta/" + l.hash().hex()).orElseThrow();
                String labeler = field(meta, "labeler");
                assertTrue(candidates.add(field(meta, "candidate")), "candidate labeled twice: " + meta);
                assertEquals(null, byHash.put(l.hash().hex(), labeler), "hash stored twice: " + l.hash());
                assertEquals(l.hash(), s.hashOf(l.label()), "label stored under its content hash");
            }
            assertEquals(s.count(), byHash.size(), "store count equals distinct labels");
        }
        return byHash;
    }

    private static String field(String meta, String key) {
        for (String kv : meta.split(";")) {
            if (kv.startsWith(key + "=")) {
                return kv.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in " + meta);
    }

    static long from(Map<String, String> labelers, int port) {
        return labelers.values().stream().filter(l -> l.startsWith("127.0.0.1:" + port + "/")).count();
    }

    @Test
    void killedLabelerNodesWorkIsRedispatchedAndAnAddedNodeGetsWork(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        int labels = 80; // 1 labeler per node, 0.5 s per label: about 20 s of labeling, 10 s before the kill
        Files.writeString(dir.resolve("c.conf"), campaign(labels, 0.5, 150));
        int seed = NodeLauncher.freePort(), l1 = NodeLauncher.freePort(), l2 = NodeLauncher.freePort(),
                l3 = NodeLauncher.freePort();
        Path run = dir.resolve("run");
        try (NodeLauncher nodes = new NodeLauncher(dir, "384m")) {
            Process coord = nodes.start("coord", NodeLauncher.loopbackConf("coordinator", seed, seed, dir.resolve("c-data"), 0),
                    "--campaign", dir.resolve("c.conf").toString(), "--run-dir", run.toString(), "--await-labelers", "2");
            Process p1 = nodes.start("l1", NodeLauncher.loopbackConf("labeler", l1, seed, dir.resolve("l1-data"), 1));
            nodes.start("l2", NodeLauncher.loopbackConf("labeler", l2, seed, dir.resolve("l2-data"), 1));
            assertTrue(NodeProcesses.await(90, () -> NodeProcesses.labeledSoFar(nodes, "coord") >= 4 || !coord.isAlive()),
                    "labels arrive; see " + nodes.log("coord"));
            nodes.start("l3", NodeLauncher.loopbackConf("labeler", l3, seed, dir.resolve("l3-data"), 1));
            assertTrue(NodeProcesses.await(60, () -> nodes.linesWith("l3", "joined campaign") > 0 || !coord.isAlive()),
                    "the added node joins the running campaign; see " + nodes.log("l3"));
            assertTrue(coord.isAlive(), "the campaign still runs when the third labeler node has joined");
            p1.destroyForcibly(); // SIGKILL, with labels in flight
            assertTrue(p1.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, p1.exitValue(), "killed by SIGKILL");
            assertTrue(coord.waitFor(120, TimeUnit.SECONDS), "coordinator finished; see " + nodes.log("coord"));
            assertEquals(0, coord.exitValue(), "coordinator exit status; see " + nodes.log("coord"));
            String summary = nodes.out("coord");
            assertTrue(summary.contains("label budget of " + labels + " reached"), summary);
            assertTrue(nodes.linesWith("coord", "in-flight candidate(s) queued again") > 0,
                    "the killed node's in-flight candidates were queued again; see " + nodes.log("coord"));
        }
        Map<String, String> by = labelers(run);
        assertEquals(labels, by.size(), "every candidate labeled, none twice");
        assertTrue(from(by, l1) > 0, "the killed node labeled before it was killed");
        assertTrue(from(by, l3) > 0, "the node added at runtime received work");
        assertEquals(labels, from(by, l1) + from(by, l2) + from(by, l3));
    }
}
