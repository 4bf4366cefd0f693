package org.eelt.deploy.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts EELT cluster nodes as separate JVMs ({@link NodeMain}) on 127.0.0.1 for the multi-process
 * tests: each with its own node config file, stderr log and a small heap.
 */
final class NodeProcesses implements AutoCloseable {
    private final Path dir;
    private final List<Process> started = new ArrayList<>();

    NodeProcesses(Path dir) {
        this.dir = dir;
    }

    /** @return a free TCP port on the loopback interface. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return a node config for 127.0.0.1:port with the given roles and seed. */
    static String nodeConf(String roles, int port, int seedPort, Path dataDir, int workers) {
        return """
                eelt.node {
                  roles = [%s]
                  host = "127.0.0.1"
                  port = %d
                  seed-nodes = ["127.0.0.1:%d"]
                  data-dir = "%s"
                  labeler.workers = %d
                  split-brain { strategy = keep-majority, stable-after = 2s }
                  failure-detector.acceptable-heartbeat-pause = 2s
                }
                """.formatted(roles, port, seedPort, dataDir.toString().replace("\\", "/"), workers);
    }

    /**
     * Starts a node JVM.
     *
     * @param name  log and config file prefix
     * @param conf  node config text
     * @param extra further NodeMain arguments (e.g. a campaign)
     * @return the process (stdout to NAME.out, stderr to NAME.err)
     */
    Process start(String name, String conf, String... extra) throws IOException {
        Path cfg = dir.resolve(name + ".conf");
        Files.writeString(cfg, conf);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                NodeMain.class.getName(), "--config", cfg.toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log(name).toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** @return the stderr log file of a node. */
    Path log(String name) {
        return dir.resolve(name + ".err");
    }

    /** @return stdout of a node. */
    String out(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"));
    }

    /** @return the number of lines in a node's log containing {@code text}. */
    long linesWith(String name, String text) throws IOException {
        Path f = log(name);
        if (!Files.exists(f)) {
            return 0;
        }
        return Files.readAllLines(f).stream().filter(l -> l.contains(text)).count();
    }

    /** @return the newest "labeled N" count on the coordinator's progress lines (0 before the first). */
    long labeledSoFar(String coordinator) throws IOException {
        long n = 0;
        Path f = log(coordinator);
        if (!Files.exists(f)) {
            return 0;
        }
        for (String l : Files.readAllLines(f)) {
            int i = l.indexOf("  labeled ");
            if (i >= 0) {
                n = Long.parseLong(l.substring(i + 10).trim().split("\\s+")[0]);
            }
        }
        return n;
    }

    /** Polls {@code condition} every 200 ms until it holds or {@code seconds} pass. */
    static boolean await(double seconds, Check condition) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.holds();
    }

    /** A polled condition. */
    interface Check {
        boolean holds() throws Exception;
    }

    /** Stops every started JVM that is still alive (SIGTERM, then SIGKILL). */
    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
