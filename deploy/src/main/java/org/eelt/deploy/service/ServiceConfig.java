package org.eelt.deploy.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueType;

/**
 * The validated configuration of an EELT service node: HOCON under {@code eelt.service} (a
 * node.conf) merged over the defaults in {@code reference.conf}. Every error is a
 * {@link ServiceConfigException} naming the key, e.g. {@code eelt.service.http.port}.
 *
 * @param host                http bind address (default 127.0.0.1)
 * @param port                http port (0 picks a free one)
 * @param token               bearer token of mutating endpoints (never empty)
 * @param dataDir             data directory; campaigns live in {@code dataDir/campaigns/<id>}
 * @param roles               node roles (coordinator, explorer, labeler, trainer)
 * @param oracles             oracle SPECs a submitted campaign may pick by name
 * @param allowBuiltinOracles whether submitted campaigns may give the built-in {@code sutton-chen:}/{@code lj:} SPECs
 * @param statusInterval      live-status refresh period
 * @param askTimeout          timeout of a request to the campaign manager
 * @param maxBodyBytes        largest accepted campaign spec, bytes
 * @param config              the whole merged config (for the actor system)
 */
public record ServiceConfig(String host, int port, String token, Path dataDir, List<String> roles,
                            Map<String, String> oracles, boolean allowBuiltinOracles, Duration statusInterval,
                            Duration askTimeout, int maxBodyBytes, Config config) {
    /** The config section. */
    public static final String ROOT = "eelt.service";
    private static final Set<String> ROLES = Set.of("coordinator", "explorer", "labeler", "trainer");

    /**
     * Loads the configuration.
     *
     * @param nodeConf  a node.conf file, or null
     * @param overrides key → value overrides (from command-line options), applied over the file
     * @return the validated configuration
     * @throws ServiceConfigException naming the key of the first problem
     */
    public static ServiceConfig load(Path nodeConf, Map<String, Object> overrides) {
        Config file = ConfigFactory.empty();
        if (nodeConf != null) {
            if (!Files.isRegularFile(nodeConf)) {
                throw new ServiceConfigException("--config", nodeConf + " does not exist or is not a file");
            }
            try {
                file = ConfigFactory.parseFile(nodeConf.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            } catch (ConfigException e) {
                throw new ServiceConfigException("--config", nodeConf + " is not valid HOCON: " + e.getMessage());
            }
        }
        Config all;
        try {
            all = ConfigFactory.parseMap(overrides).withFallback(file).withFallback(ConfigFactory.load()).resolve();
        } catch (ConfigException e) {
            throw new ServiceConfigException(ROOT, e.getMessage());
        }
        return from(all);
    }

    /** @return the validated configuration from a complete config */
    public static ServiceConfig from(Config all) {
        Config c = sub(all, ROOT);
        String host = string(c, "http.host");
        if (host.isBlank()) {
            throw error("http.host", "is empty: give an address such as 127.0.0.1");
        }
        long port = number(c, "http.port");
        if (port < 0 || port > 65535) {
            throw error("http.port", "must be in 0..65535, got " + port);
        }
        String token = string(c, "token");
        if (token.isBlank()) {
            throw error("token", "is empty: mutating endpoints need a bearer token; give --token TOKEN, set EELT_TOKEN"
                    + " or eelt.service.token in node.conf");
        }
        if (token.chars().anyMatch(ch -> ch <= ' ' || ch > '~')) {
            throw error("token", "must be printable ASCII without spaces");
        }
        String data = string(c, "data-dir");
        if (data.isBlank()) {
            throw error("data-dir", "is empty: give a directory for the campaigns");
        }
        List<String> roles;
        try {
            roles = c.getStringList("roles");
        } catch (ConfigException e) {
            throw error("roles", "must be a list of roles: " + e.getMessage());
        }
        for (String r : roles) {
            if (!ROLES.contains(r)) {
                throw error("roles", "unknown role '" + r + "'; use coordinator, explorer, labeler, trainer");
            }
        }
        Map<String, String> oracles = new LinkedHashMap<>();
        Config o = sub(c, "oracles");
        for (var e : o.root().entrySet()) {
            String name = e.getKey();
            if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw error("oracles." + name, "oracle names use letters, digits, '_', '.', '-' (at most 64)");
            }
            if (e.getValue().valueType() != ConfigValueType.STRING) {
                throw error("oracles." + name, "must be an oracle SPEC string, e.g. \"xtb:gfn=2\"");
            }
            try {
                org.eelt.labeler.spec.OracleSpec.parse((String) e.getValue().unwrapped());
            } catch (RuntimeException ex) {
                throw error("oracles." + name, ex.getMessage());
            }
            oracles.put(name, (String) e.getValue().unwrapped());
        }
        boolean builtin;
        try {
            builtin = c.getBoolean("allow-builtin-oracles");
        } catch (ConfigException e) {
            throw error("allow-builtin-oracles", "must be true or false");
        }
        double interval = seconds(c, "status-interval-s");
        double ask = seconds(c, "ask-timeout-s");
        long kb = number(c, "max-body-kb");
        if (kb < 1 || kb > 64 * 1024) {
            throw error("max-body-kb", "must be in 1..65536, got " + kb);
        }
        return new ServiceConfig(host, (int) port, token, Path.of(data).toAbsolutePath().normalize(), List.copyOf(roles),
                Map.copyOf(oracles), builtin, Duration.ofMillis((long) (interval * 1000)),
                Duration.ofMillis((long) (ask * 1000)), (int) kb * 1024, all);
    }

    /** @return where campaigns live: {@code dataDir/campaigns} */
    public Path campaignsDir() {
        return dataDir.resolve("campaigns");
    }

    private static Config sub(Config c, String key) {
        try {
            return c.getConfig(key);
        } catch (ConfigException e) {
            throw new ServiceConfigException(key.startsWith(ROOT) ? key : ROOT + "." + key,
                    "must be an object: " + e.getMessage());
        }
    }

    private static String string(Config c, String key) {
        try {
            return c.getString(key).trim();
        } catch (ConfigException e) {
            throw error(key, "must be a string: " + e.getMessage());
        }
    }

    private static long number(Config c, String key) {
        try {
            return c.getLong(key);
        } catch (ConfigException e) {
            throw error(key, "must be an integer: " + e.getMessage());
        }
    }

    private static double seconds(Config c, String key) {
        double v;
        try {
            v = c.getDouble(key);
        } catch (ConfigException e) {
            throw error(key, "must be a number of seconds: " + e.getMessage());
        }
        if (!(v > 0 && v < 86400)) {
            throw error(key, "must be in (0, 86400) s, got " + v);
        }
        return v;
    }

    private static ServiceConfigException error(String key, String message) {
        return new ServiceConfigException(ROOT + "." + key, message);
    }
}
