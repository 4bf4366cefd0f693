package org.eelt.deploy.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * The validated {@code eelt.node} section of a node config (defaults in the deploy module's
 * {@code reference.conf}). Every error names the key path.
 *
 * @param systemName      the actor system (cluster) name; all nodes of one cluster use the same one
 * @param roles           the node's roles (all four for a single all-in-one node)
 * @param host            artery's canonical host name or IP (loopback by default)
 * @param port            artery's TCP port (0 = any free port; seed nodes need a fixed one)
 * @param seedNodes       seed node addresses, {@code pekko://SYSTEM@HOST:PORT}; empty = the node joins itself
 * @param dataDir         the coordinator's data directory (campaign run dirs and RocksDB stores) and the
 *                        labeler's oracle work directory
 * @param labelerWorkers  labelers this node runs per campaign (0 = the campaign's {@code labeling.workers})
 * @param splitBrain      split-brain resolver strategy: {@code keep-majority} or {@code keep-oldest}
 * @param stableAfter     how long membership must be stable before the resolver downs unreachable nodes
 * @param heartbeatPause  the failure detector's acceptable heartbeat pause
 */
public record NodeSettings(String systemName, Set<NodeRole> roles, String host, int port, List<String> seedNodes,
                           Path dataDir, int labelerWorkers, String splitBrain, Duration stableAfter,
                           Duration heartbeatPause) {
    /** The config section. */
    public static final String PATH = "eelt.node";

    /** Copies the collections. */
    public NodeSettings {
        roles = Set.copyOf(roles);
        seedNodes = List.copyOf(seedNodes);
    }

    /** @return whether the node has the role. */
    public boolean has(NodeRole role) {
        return roles.contains(role);
    }

    /** @return this node's own address, {@code pekko://SYSTEM@HOST:PORT}. */
    public String selfAddress() {
        return "pekko://" + systemName + "@" + host + ":" + port;
    }

    /** @return a copy with another port (tests and benchmarks pick free ports). */
    public NodeSettings withPort(int newPort) {
        return new NodeSettings(systemName, roles, host, newPort, seedNodes, dataDir, labelerWorkers, splitBrain,
                stableAfter, heartbeatPause);
    }

    /**
     * Reads and validates {@code eelt.node}.
     *
     * @param config the node config merged over the reference config
     * @return the settings
     * @throws NodeConfigException on a missing or bad value (the message names the key)
     */
    public static NodeSettings from(Config config) {
        if (!config.hasPath(PATH)) {
            throw new NodeConfigException(PATH, "missing; see deploy/dist/conf/*.conf for examples");
        }
        Config c = config.getConfig(PATH);
        String system = string(c, "system-name");
        if (!system.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new NodeConfigException(PATH + ".system-name", "\"" + system + "\" is not a valid actor system name"
                    + " (letters, digits, '-' and '_')");
        }
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        for (String r : strings(c, "roles")) {
            try {
                roles.add(NodeRole.parse(r));
            } catch (IllegalArgumentException e) {
                throw new NodeConfigException(PATH + ".roles", e.getMessage());
            }
        }
        if (roles.isEmpty()) {
            throw new NodeConfigException(PATH + ".roles", "give at least one role, e.g. [coordinator, labeler]");
        }
        String host = string(c, "host");
        if (host.isBlank()) {
            throw new NodeConfigException(PATH + ".host", "give the host name or IP other nodes reach this node at");
        }
        int port = integer(c, "port");
        if (port < 0 || port > 65535) {
            throw new NodeConfigException(PATH + ".port", "must be in 0..65535 (0 = any free port), got " + port);
        }
        List<String> seeds = new ArrayList<>();
        for (String s : strings(c, "seed-nodes")) {
            seeds.add(seedAddress(system, s));
        }
        int workers = integer(c, "labeler.workers");
        if (workers < 0) {
            throw new NodeConfigException(PATH + ".labeler.workers", "must be >= 0 (0 = the campaign's"
                    + " labeling.workers), got " + workers);
        }
        String sbr = string(c, "split-brain.strategy");
        if (!sbr.equals("keep-majority") && !sbr.equals("keep-oldest")) {
            throw new NodeConfigException(PATH + ".split-brain.strategy", "must be keep-majority or keep-oldest, got "
                    + sbr);
        }
        return new NodeSettings(system, roles, host, port, seeds, Path.of(string(c, "data-dir")), workers, sbr,
                duration(c, "split-brain.stable-after"), duration(c, "failure-detector.acceptable-heartbeat-pause"));
    }

    /**
     * @param system the actor system name
     * @param seed   {@code HOST:PORT} or a full {@code pekko://SYSTEM@HOST:PORT}
     * @return the full address
     */
    static String seedAddress(String system, String seed) {
        String s = seed.trim();
        if (s.startsWith("pekko://")) {
            if (!s.matches("pekko://[^@/]+@[^:/]+:\\d+")) {
                throw new NodeConfigException(PATH + ".seed-nodes", "\"" + seed + "\" is not pekko://SYSTEM@HOST:PORT");
            }
            if (!s.startsWith("pekko://" + system + "@")) {
                throw new NodeConfigException(PATH + ".seed-nodes", "\"" + seed + "\" names another actor system than "
                        + PATH + ".system-name = " + system);
            }
            return s;
        }
        if (!s.matches("[^:/@]+:\\d{1,5}")) {
            throw new NodeConfigException(PATH + ".seed-nodes", "\"" + seed + "\" is not HOST:PORT (e.g."
                    + " \"10.0.0.5:2551\")");
        }
        return "pekko://" + system + "@" + s;
    }

    private static String string(Config c, String key) {
        try {
            return c.getString(key);
        } catch (ConfigException e) {
            throw new NodeConfigException(PATH + "." + key, problem(e, "a string"));
        }
    }

    private static List<String> strings(Config c, String key) {
        try {
            return c.getStringList(key);
        } catch (ConfigException e) {
            throw new NodeConfigException(PATH + "." + key, problem(e, "a list of strings"));
        }
    }

    private static int integer(Config c, String key) {
        try {
            return c.getInt(key);
        } catch (ConfigException e) {
            throw new NodeConfigException(PATH + "." + key, problem(e, "an integer"));
        }
    }

    private static Duration duration(Config c, String key) {
        try {
            Duration d = c.getDuration(key);
            if (d.isNegative() || d.isZero()) {
                throw new NodeConfigException(PATH + "." + key, "must be > 0, got " + d);
            }
            return d;
        } catch (ConfigException e) {
            throw new NodeConfigException(PATH + "." + key, problem(e, "a duration such as \"20s\""));
        }
    }

    private static String problem(ConfigException e, String expected) {
        return (e instanceof ConfigException.Missing ? "missing" : "bad value") + ", expected " + expected;
    }
}
