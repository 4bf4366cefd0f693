package org.eelt.deploy.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.eelt.deploy.campaign.SmallCuCampaign;
import org.eelt.deploy.cluster.NodeLauncher;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;

/**
 * {@code eelt bench cluster --json}: labeling throughput of a real Pekko cluster on 127.0.0.1 with
 * 1, 2 and 4 labeler nodes (separate JVMs) and one coordinator JVM. Each run labels
 * {@code labelsPerNode·n} bootstrap structures of 32-atom fcc Cu with the built-in Sutton–Chen
 * oracle (real labels) plus a declared, <b>simulated</b> log-normal oracle latency (median m s,
 * log-σ s), so that oracle time dominates as DFT does; each node runs W labelers. The rate of a run
 * is its steady-state rate: the labels stored between the 10th and the 90th percentile of the
 * labels' store times, divided by that time span (label times come from the labels' provenance in
 * the coordinator's RocksDB store). efficiency_n = rate_n / (n·rate_1). The end-to-end rate (all
 * labels / campaign wall time, discovery and tail included) is reported too, and so is each run's
 * oracle-bound rate n·W / (mean oracle call time): the rate if pulling work cost nothing.
 */
public final class ClusterBench {
    private ClusterBench() {
    }

    /**
     * Settings.
     *
     * @param workDir        where node configs, logs and run directories go
     * @param nodeCounts     labeler node counts to run
     * @param labelsPerNode  labels per labeler node in each run
     * @param workersPerNode labelers per node
     * @param latencyMedianS simulated oracle latency median, s
     * @param latencySigma   simulated oracle latency log-σ
     */
    public record Config(Path workDir, int[] nodeCounts, int labelsPerNode, int workersPerNode, double latencyMedianS,
                         double latencySigma) {
        /** @return defaults: 1, 2, 4 nodes, 80 labels per node, 2 labelers per node, latency median 0.2 s, σ 0.3. */
        public static Config defaults(Path workDir) {
            return new Config(workDir, new int[] {1, 2, 4}, 80, 2, 0.2, 0.3);
        }
    }

    /**
     * One run.
     *
     * @param nodes          labeler nodes
     * @param labels         labels stored
     * @param steadyRate     labels/s between the 10th and 90th percentile label times
     * @param endToEndRate   labels / campaign wall time
     * @param campaignWallS  the campaign's wall time, s
     * @param perNode        labels by each labeler node
     * @param meanOracleS    mean wall time of the labels' oracle calls (simulated latency included), s
     */
    public record Run(int nodes, long labels, double steadyRate, double endToEndRate, double campaignWallS,
                      long[] perNode, double meanOracleS) {
    }

    /**
     * @param config the settings
     * @param runs   one run per node count
     */
    public record Result(Config config, List<Run> runs) {
        /** @return the rate of the run with n nodes (NaN when not run). */
        public double rate(int n) {
            return runs.stream().filter(r -> r.nodes() == n).mapToDouble(Run::steadyRate).findFirst().orElse(Double.NaN);
        }

        private double bound(Run r) {
            return r.nodes() * config.workersPerNode() / r.meanOracleS();
        }

        /** @return the benchmark's JSON object. */
        public String toJson() {
            StringBuilder b = new StringBuilder("{");
            double r1 = rate(1);
            for (Run r : runs) {
                b.append(String.format(Locale.ROOT, "\"labels_per_s_%d\": %.4f, ", r.nodes(), r.steadyRate()));
            }
            for (Run r : runs) {
                if (r.nodes() > 1) {
                    b.append(String.format(Locale.ROOT, "\"efficiency_%d\": %.4f, ", r.nodes(),
                            r.steadyRate() / (r.nodes() * r1)));
                }
            }
            b.append("\"runs\": [");
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                b.append(String.format(Locale.ROOT, "{\"nodes\": %d, \"labels\": %d, \"labels_per_s\": %.4f,"
                                + " \"end_to_end_labels_per_s\": %.4f, \"campaign_wall_s\": %.3f, \"labels_per_node\": %s,"
                                + " \"mean_oracle_s\": %.4f, \"oracle_bound_labels_per_s\": %.4f,"
                                + " \"fraction_of_oracle_bound\": %.4f}",
                        r.nodes(), r.labels(), r.steadyRate(), r.endToEndRate(), r.campaignWallS(),
                        Arrays.toString(r.perNode()), r.meanOracleS(), bound(r), r.steadyRate() / bound(r)));
                b.append(i + 1 < runs.size() ? ", " : "], ");
            }
            b.append(String.format(Locale.ROOT, "\"labelers_per_node\": %d, \"oracle\": \"sutton-chen, 32-atom fcc Cu"
                            + " (real labels)\", \"latency_model\": \"log-normal, median %.3f s, sigma %.3f\","
                            + " \"simulated\": true, \"rate\": \"labels between the 10th and 90th percentile store times"
                            + " / that span\", \"transport\": \"Pekko artery TCP on 127.0.0.1, one JVM per node\"}",
                    config.workersPerNode(), config.latencyMedianS(), config.latencySigma()));
            return b.toString();
        }
    }

    /** @return the campaign of one run: bootstrap-only labeling of {@code labels} structures. */
    static String campaign(Config c, int labels) {
        return SmallCuCampaign.named("bench-cluster").seed(11)
                .labeling("sutton-chen:", c.workersPerNode()).timeoutS(60)
                .simulatedLatency(c.latencyMedianS(), c.latencySigma())
                .initialData(labels, 0.02).budget(labels, 900).test(null, 0)
                .hocon();
    }

    /**
     * Runs the benchmark.
     *
     * @param c        settings
     * @param progress progress lines (stderr)
     * @return the result
     * @throws IOException when a run fails (the message names its log)
     */
    public static Result run(Config c, PrintStream progress) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (int n : c.nodeCounts()) {
            runs.add(runOnce(c, n, progress));
        }
        return new Result(c, runs);
    }

    private static Run runOnce(Config c, int n, PrintStream progress) throws IOException, InterruptedException {
        Path dir = c.workDir().resolve("nodes-" + n);
        Files.createDirectories(dir);
        int labels = c.labelsPerNode() * n;
        Files.writeString(dir.resolve("campaign.conf"), campaign(c, labels));
        Path run = dir.resolve("run");
        int seed = NodeLauncher.freePort();
        int[] ports = new int[n];
        progress.printf(Locale.ROOT, "bench cluster: %d labeler node(s), %d labels ...%n", n, labels);
        try (NodeLauncher nodes = new NodeLauncher(dir, "384m")) {
            Process coord = nodes.start("coordinator", NodeLauncher.loopbackConf("coordinator", seed, seed,
                    dir.resolve("coordinator-data"), 0), "--campaign", dir.resolve("campaign.conf").toString(),
                    "--run-dir", run.toString(), "--await-labelers", Integer.toString(n));
            for (int i = 0; i < n; i++) {
                ports[i] = NodeLauncher.freePort();
                nodes.start("labeler-" + i, NodeLauncher.loopbackConf("labeler", ports[i], seed,
                        dir.resolve("labeler-" + i + "-data"), c.workersPerNode()));
            }
            if (!coord.waitFor(600, TimeUnit.SECONDS) || coord.exitValue() != 0) {
                throw new IOException("the coordinator of the " + n + "-node run failed; see " + nodes.log("coordinator"));
            }
            double wall = number(nodes.out("coordinator"), "wall_s");
            return measure(run, n, ports, wall);
        }
    }

    private static Run measure(Path run, int n, int[] ports, double wallS) {
        List<Long> times = new ArrayList<>();
        long[] perNode = new long[n];
        double oracleMs = 0;
        try (EeltStore s = EeltStore.openReadOnly(run.resolve("store"))) {
            for (StoredLabel l : s.iterate().stream().toList()) {
                times.add(l.label().provenance().createdEpochMs());
                String meta = s.getString("label-meta/" + l.hash().hex()).orElse("");
                oracleMs += metaNumber(meta, "oracle_ms");
                for (int i = 0; i < n; i++) {
                    if (meta.contains("labeler=127.0.0.1:" + ports[i] + "/")) {
                        perNode[i]++;
                    }
                }
            }
        }
        times.sort(null);
        int lo = (int) Math.floor(0.1 * (times.size() - 1));
        int hi = (int) Math.ceil(0.9 * (times.size() - 1));
        double span = (times.get(hi) - times.get(lo)) / 1000.0;
        return new Run(n, times.size(), (hi - lo) / span, times.size() / wallS, wallS, perNode,
                oracleMs / 1000 / times.size());
    }

    private static double metaNumber(String meta, String key) {
        return Double.parseDouble(org.eelt.deploy.campaign.DatasetRecorder.metaValue(meta, key).orElseThrow(
                () -> new IllegalStateException("label metadata without " + key + ": " + meta)));
    }

    /** @return a number field of the summary JSON printed by the coordinator. */
    static double number(String json, String key) {
        int i = json.indexOf("\"" + key + "\":");
        if (i < 0) {
            throw new IllegalStateException("no " + key + " in the coordinator's summary: " + json);
        }
        String rest = json.substring(i + key.length() + 3).trim();
        int end = 0;
        while (end < rest.length() && "0123456789.eE+-".indexOf(rest.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(rest.substring(0, end));
    }
}
