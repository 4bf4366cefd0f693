package org.eelt.deploy.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts EELT cluster nodes as separate JVMs ({@link NodeMain}) on 127.0.0.1, each with its own node
 * config file, stdout/stderr files in a work directory, a small heap and this JVM's class path (used by
 * {@code eelt bench cluster} and the multi-process tests). {@link #close()} stops those still running.
 */
public final class NodeLauncher implements AutoCloseable {
    private final Path dir;
    private final String heap;
    private final List<Process> started = new ArrayList<>();

    /**
     * @param dir  work directory for node configs and logs
     * @param heap the children's -Xmx, e.g. {@code "384m"}
     */
    public NodeLauncher(Path dir, String heap) {
        this.dir = dir;
        this.heap = heap;
    }

    /** @return a free TCP port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * @param roles    comma-separated roles
     * @param port     this node's port
     * @param seedPort the seed node's port (127.0.0.1)
     * @param dataDir  the node's data directory
     * @param workers  labelers per campaign (0 = the campaign's)
     * @return a node config for 127.0.0.1 with a 2 s split-brain stable-after and heartbeat pause
     */
    public static String loopbackConf(String roles, int port, int seedPort, Path dataDir, int workers) {
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
     * @throws IOException when the files cannot be written or java cannot be started
     */
    public Process start(String name, String conf, String... extra) throws IOException {
        return launch(name, conf, List.of(NodeMain.class.getName()), extra);
    }

    /**
     * Starts {@code eelt serve --config NAME.conf EXTRA...} (the CLI's service, cluster mode when the
     * config has an {@code eelt.node} section) in a JVM.
     *
     * @param name  log and config file prefix
     * @param conf  node config text
     * @param extra further serve options (e.g. --http-port, --token)
     * @return the process
     * @throws IOException when the files cannot be written or java cannot be started
     */
    public Process startServe(String name, String conf, String... extra) throws IOException {
        return launch(name, conf, List.of("org.eelt.deploy.cli.EeltCli", "serve"), extra);
    }

    private Process launch(String name, String conf, List<String> main, String... extra) throws IOException {
        Files.createDirectories(dir);
        Path cfg = dir.resolve(name + ".conf");
        Files.writeString(cfg, conf);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(main);
        cmd.addAll(List.of("--config", cfg.toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log(name).toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** @return the stderr log file of a node. */
    public Path log(String name) {
        return dir.resolve(name + ".err");
    }

    /** @return what a node printed on stdout so far. */
    public String out(String name) throws IOException {
        Path f = dir.resolve(name + ".out");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /** @return the number of lines in a node's log that contain {@code text}. */
    public long linesWith(String name, String text) throws IOException {
        Path f = log(name);
        if (!Files.exists(f)) {
            return 0;
        }
        try (var lines = Files.lines(f)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /** Stops every started JVM still alive: SIGTERM (graceful leave), then SIGKILL after 10 s. */
    @Override
    public void close() {
        for (Process p : started) {
            p.destroy();
        }
        try {
            for (Process p : started) {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.forEach(Process::destroyForcibly);
        }
        started.clear();
    }
}
