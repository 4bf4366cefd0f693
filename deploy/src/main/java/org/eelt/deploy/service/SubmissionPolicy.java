package org.eelt.deploy.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.CampaignSpecException;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.OracleSpecException;

/**
 * Checks a campaign spec submitted over the API (HOCON or JSON, the same keys as a campaign file
 * under {@code eelt.campaign}) and turns it into the self-contained text the service stores as
 * {@code campaign.conf}. A submitted spec never reaches the server's files, programs or
 * environment:
 * <ul>
 * <li>{@code include} statements and {@code ${ENV}} substitutions from the environment are refused;</li>
 * <li>only the {@code eelt.campaign} object is accepted (no {@code eelt.oracles} machine settings);</li>
 * <li>{@code labeling.oracle} is the NAME of an oracle configured on the server
 *     ({@code eelt.service.oracles}), replaced by its SPEC, or (when allowed) a built-in
 *     {@code sutton-chen:}/{@code lj:} SPEC; anything else (a command, binary or file) is refused;</li>
 * <li>{@code systems[].file} and {@code initial-data.files} (server paths) are refused;</li>
 * <li>{@code mode = sync} (the benchmark baseline; the service runs asynchronous campaigns only) is refused;</li>
 * <li>the result must pass {@link CampaignSpecParser} (errors name the key path);</li>
 * <li>service limits keep one submission from exhausting the node: at most {@value #MAX_ATOMS}
 *     atoms over all initial structures (systems × strains), {@value #MAX_WALKERS} walkers per stage,
 *     {@value #MAX_WORKERS} labelers, an ensemble of at most {@value #MAX_ENSEMBLE}.</li>
 * </ul>
 */
public final class SubmissionPolicy {
    private static final String ROOT = "eelt.campaign";
    /** Most atoms over all initial structures (systems × strains) of a submitted campaign. */
    public static final int MAX_ATOMS = 200_000;
    /** Most walkers in one exploration stage. */
    public static final int MAX_WALKERS = 64;
    /** Most labelers. */
    public static final int MAX_WORKERS = 64;
    /** Largest ensemble. */
    public static final int MAX_ENSEMBLE = 16;
    private final Map<String, String> oracles;
    private final boolean allowBuiltin;

    /**
     * @param oracles      configured oracles by name
     * @param allowBuiltin whether built-in {@code sutton-chen:}/{@code lj:} SPECs are accepted
     */
    public SubmissionPolicy(Map<String, String> oracles, boolean allowBuiltin) {
        this.oracles = Map.copyOf(oracles);
        this.allowBuiltin = allowBuiltin;
    }

    /**
     * An accepted submission.
     *
     * @param name     the campaign name (the request's, else the spec's)
     * @param kind     the campaign kind ({@code eelt.campaign.kind}, default dp)
     * @param specText the self-contained spec to store (HOCON, substitutions resolved, oracle SPEC filled in)
     * @param spec     the validated spec
     */
    public record Accepted(String name, String kind, String specText, CampaignSpec spec) {
    }

    /**
     * @param text      the submitted spec
     * @param name      a name given with the request, or null
     * @param scratchDir directory for relative paths (none are accepted; used by the parser only)
     * @return the accepted submission
     * @throws SubmissionException with the key path and the fix
     */
    public Accepted check(String text, String name, Path scratchDir) {
        if (text == null || text.isBlank()) {
            throw new SubmissionException("the request body is empty: send the campaign spec (HOCON or JSON with an"
                    + " eelt.campaign object) as the body of POST /api/campaigns");
        }
        Config user;
        try {
            user = ConfigFactory.parseString(text, ConfigParseOptions.defaults()
                    .setOriginDescription("submitted spec").setIncluder(new RefusingIncluder()));
            user = user.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
        } catch (ConfigException e) {
            throw new SubmissionException(ROOT + ": not a valid HOCON/JSON spec: " + e.getMessage());
        }
        Set<String> top = new TreeSet<>(user.root().keySet());
        if (!top.equals(Set.of("eelt")) || !(user.getValue("eelt") instanceof ConfigObject eelt)
                || !eelt.keySet().equals(Set.of("campaign"))) {
            throw new SubmissionException("only an eelt.campaign { ... } object is accepted in a submitted spec, found"
                    + " top-level keys " + describe(user));
        }
        if (!(user.getValue(ROOT) instanceof ConfigObject)) {
            throw new SubmissionException(ROOT + " must be an object");
        }
        String kind = user.hasPath(ROOT + ".kind") ? string(user, ROOT + ".kind") : "dp";
        if (user.hasPath(ROOT + ".mode") && "sync".equals(string(user, ROOT + ".mode"))) {
            throw new SubmissionException(ROOT + ".mode = sync is not accepted by the service (the synchronous mode is"
                    + " the benchmark baseline of `eelt run` and `eelt bench campaign`); remove it or use mode = async");
        }
        refusePaths(user);
        refuseHugeSystems(user);
        user = withOracle(user);
        String stored = user.root().render(ConfigRenderOptions.defaults().setOriginComments(false)
                .setComments(false).setJson(false).setFormatted(true));
        CampaignSpec spec;
        try {
            spec = CampaignSpecParser.parse(stored, scratchDir);
        } catch (CampaignSpecException e) {
            throw new SubmissionException(e.getMessage());
        }
        checkLimits(spec);
        String n = name != null && !name.isBlank() ? name.trim() : spec.name();
        if (n.length() > 200 || n.chars().anyMatch(Character::isISOControl)) {
            throw new SubmissionException("the campaign name must be at most 200 printable characters");
        }
        return new Accepted(n, kind, stored, spec);
    }

    private static String describe(Config user) {
        List<String> keys = user.root().keySet().stream().sorted().toList();
        StringBuilder b = new StringBuilder(keys.toString());
        if (user.root().get("eelt") instanceof ConfigObject e) {
            b.append(" (under eelt: ").append(e.keySet().stream().sorted().toList()).append(")");
        }
        return b.toString();
    }

    private static String string(Config c, String key) {
        try {
            return c.getString(key).trim();
        } catch (ConfigException e) {
            throw new SubmissionException(key + " must be a string");
        }
    }

    private static void refusePaths(Config user) {
        String files = ROOT + ".initial-data.files";
        if (user.hasPath(files)) {
            boolean empty;
            try {
                empty = user.getList(files).isEmpty();
            } catch (ConfigException e) {
                empty = false;
            }
            if (!empty) {
                throw new SubmissionException(files + " is not accepted over the API (it names files on the server);"
                        + " bootstrap the dataset with initial-data.bootstrap = K instead");
            }
        }
        if (user.hasPath(ROOT + ".systems")) {
            List<? extends ConfigObject> systems;
            try {
                systems = user.getObjectList(ROOT + ".systems");
            } catch (ConfigException e) {
                return; // the spec parser reports the wrong type with its key path
            }
            for (int i = 0; i < systems.size(); i++) {
                if (systems.get(i).containsKey("file")) {
                    throw new SubmissionException(ROOT + ".systems[" + i + "].file is not accepted over the API (it"
                            + " names a file on the server); use a builder ({builder = fcc, element = Cu, a = 3.615,"
                            + " repeat = 2}) or an inline molecule");
                }
            }
        }
    }

    /** Estimates the atoms of builder systems × strains before anything is built. */
    private static void refuseHugeSystems(Config user) {
        if (!user.hasPath(ROOT + ".systems")) {
            return;
        }
        List<? extends ConfigObject> systems;
        int strains = 1;
        try {
            systems = user.getObjectList(ROOT + ".systems");
            if (user.hasPath(ROOT + ".strains")) {
                strains = Math.max(1, user.getList(ROOT + ".strains").size());
            }
        } catch (ConfigException e) {
            return; // wrong types: the spec parser reports them with their key paths
        }
        double atoms = 0;
        for (ConfigObject o : systems) {
            Config c = o.toConfig();
            double basis = 8;
            double n = 1;
            try {
                if (c.hasPath("builder")) {
                    basis = switch (c.getString("builder")) {
                        case "fcc" -> 4;
                        case "bcc" -> 2;
                        case "sc" -> 1;
                        default -> 8;
                    };
                }
                if (c.hasPath("repeat")) {
                    n = Math.max(1, Math.min(1000, c.getLong("repeat")));
                }
                if (c.hasPath("species")) {
                    basis = c.getList("species").size();
                }
            } catch (ConfigException e) {
                continue;
            }
            atoms += basis * n * n * n;
        }
        if (atoms * strains > MAX_ATOMS) {
            throw new SubmissionException(ROOT + ".systems: the initial structures (systems x strains) hold about "
                    + (long) (atoms * strains) + " atoms; the service accepts at most " + MAX_ATOMS
                    + " (use fewer or smaller systems, or run the campaign with eelt run)");
        }
    }

    private static void checkLimits(CampaignSpec spec) {
        for (int i = 0; i < spec.exploration().stages().size(); i++) {
            if (spec.exploration().stages().get(i).walkers() > MAX_WALKERS) {
                throw new SubmissionException(ROOT + ".exploration.stages[" + i + "].walkers: the service runs at most "
                        + MAX_WALKERS + " walkers per stage");
            }
        }
        if (spec.labeling().workers() > MAX_WORKERS) {
            throw new SubmissionException(ROOT + ".labeling.workers: the service runs at most " + MAX_WORKERS
                    + " labelers per campaign");
        }
        if (spec.training().ensembleSize() > MAX_ENSEMBLE) {
            throw new SubmissionException(ROOT + ".training.ensemble-size: the service trains at most " + MAX_ENSEMBLE
                    + " members per campaign");
        }
    }

    private Config withOracle(Config user) {
        String key = ROOT + ".labeling.oracle";
        if (!user.hasPath(key)) {
            throw new SubmissionException(key + " is missing: pick one of the oracles configured on the server "
                    + choices());
        }
        String given = string(user, key);
        String configured = oracles.get(given);
        if (configured != null) {
            return user.withValue(key, ConfigValueFactory.fromAnyRef(configured));
        }
        if (allowBuiltin) {
            try {
                OracleSpec s = OracleSpec.parse(given);
                if (s instanceof OracleSpec.SuttonChenSpec || s instanceof OracleSpec.Lj) {
                    return user;
                }
            } catch (OracleSpecException e) {
                // falls through to the refusal below, which lists the choices
            }
        }
        throw new SubmissionException(key + " = '" + abbreviate(given) + "' is refused: a campaign submitted over the"
                + " API picks an oracle by name among those configured on the server " + choices()
                + "; commands, binaries and files come only from the server's config (eelt.service.oracles,"
                + " eelt.oracles)");
    }

    private String choices() {
        String names = oracles.isEmpty() ? "(none configured)" : oracles.keySet().stream().sorted().toList().toString();
        return "eelt.service.oracles " + names + (allowBuiltin ? ", or a built-in SPEC sutton-chen:... or lj:..." : "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    /** Refuses every {@code include} (file, URL, classpath or plain). */
    private static final class RefusingIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL,
            ConfigIncluderClasspath {
        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            throw refuse();
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, java.io.File what) {
            throw refuse();
        }

        @Override
        public ConfigObject includeURL(ConfigIncludeContext context, java.net.URL what) {
            throw refuse();
        }

        @Override
        public ConfigObject includeResources(ConfigIncludeContext context, String what) {
            throw refuse();
        }

        private static ConfigException refuse() {
            return new ConfigException.Generic("include statements are not accepted in a submitted spec;"
                    + " send the whole campaign in the body");
        }
    }
}
