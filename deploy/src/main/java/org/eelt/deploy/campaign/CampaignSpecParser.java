package org.eelt.deploy.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueType;
import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels;
import org.eelt.explorer.build.Alloys;
import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Defects;
import org.eelt.explorer.build.Perturbations;
import org.eelt.explorer.build.Surfaces;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.OracleSpecException;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.schedule.LossPrefactors;

/**
 * Parses and validates a campaign spec: HOCON under {@code eelt.campaign}, on top of the defaults in
 * {@code eelt-campaign-defaults.conf}. Every error is a {@link CampaignSpecException} naming the
 * full key path, e.g. {@code eelt.campaign.examination.trust-lo must be < trust-hi}.
 */
public final class CampaignSpecParser {
    private static final String ROOT = "eelt.campaign";

    private CampaignSpecParser() {
    }

    /** Parses a spec file; relative data paths are resolved against its directory. */
    public static CampaignSpec parse(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return parse(Files.readString(file), dir);
    }

    /** @return the embedded default Cu campaign's HOCON text. */
    public static String embeddedDefault() throws IOException {
        try (var in = CampaignSpecParser.class.getResourceAsStream("/campaigns/cu-default.conf")) {
            if (in == null) {
                throw new IOException("the embedded campaign campaigns/cu-default.conf is missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * @param text    HOCON text
     * @param baseDir directory for relative paths
     * @return the validated spec
     * @throws CampaignSpecException naming the key path of the first problem
     */
    public static CampaignSpec parse(String text, Path baseDir) {
        Config user;
        try {
            // a spec may come from an API body: no include (file/classpath/url) and no environment
            // variables in substitutions, so it cannot read files or the server's environment
            user = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription("campaign spec")
                    .setIncluder(NoIncludes.INSTANCE));
        } catch (ConfigException e) {
            throw new CampaignSpecException(ROOT, "not valid HOCON: " + e.getMessage());
        }
        Config all = user.withFallback(ConfigFactory.parseResources("eelt-campaign-defaults.conf"));
        try {
            all = all.resolve(ConfigResolveOptions.noSystem());
        } catch (ConfigException e) {
            throw new CampaignSpecException(ROOT, "cannot resolve substitutions: " + e.getMessage()
                    + " (substitutions may refer to keys of the spec only, not to environment variables)");
        }
        Config root;
        try {
            root = all.getConfig(ROOT);
        } catch (ConfigException e) {
            // found by fuzzing: `eelt.campaign = "text"` (or `eelt = 1`) escaped as a ConfigException
            throw new CampaignSpecException(ROOT, "must be an object { name = ..., systems = [...], ... }, got "
                    + e.getMessage());
        }
        SpecKeys c = new SpecKeys(root, ROOT);
        String kind = c.string("kind");
        if (kind.equals("fe")) {
            return FeSpecParser.parse(c, baseDir);
        }
        if (!kind.equals("dp")) {
            throw c.error("kind", "is '" + kind + "'; use dp (Deep Potential, the default) or fe (free energy)");
        }
        List<String> typeMap = c.strings("type-map");
        if (typeMap.isEmpty()) {
            throw c.error("type-map", "is empty: list the species in model type order, e.g. [\"Cu\"]");
        }
        String modeText = c.string("mode");
        CampaignSpec.Mode mode = switch (modeText) {
            case "async" -> CampaignSpec.Mode.ASYNC;
            case "sync" -> CampaignSpec.Mode.SYNC;
            default -> throw c.error("mode", "is '" + modeText + "'; use async or sync");
        };
        long seed = c.integer("seed");
        List<Structure> systems = systems(c, baseDir, typeMap, seed);
        return new CampaignSpec(c.string("name"), mode, typeMap, systems, exploration(c.sub("exploration"), systems),
                examination(c.sub("examination")), labeling(c.sub("labeling")),
                training(c.sub("training"), typeMap), initialData(c.sub("initial-data"), baseDir),
                convergence(c.sub("convergence")), test(c.sub("test")), seed, null);
    }

    private static List<Structure> systems(SpecKeys c, Path baseDir, List<String> typeMap, long seed) {
        List<? extends Config> list = c.objects("systems");
        if (list.isEmpty()) {
            throw c.error("systems", "is empty: give at least one {builder = fcc, element = Cu, a = 3.615, repeat = 2}"
                    + " or {file = start.extxyz, index = 0}");
        }
        List<Double> strains = c.doubles("strains");
        for (double e : strains) {
            if (!(Math.abs(e) < 0.2)) {
                throw c.error("strains", "strain " + e + " is outside (-0.2, 0.2)");
            }
        }
        List<Structure> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            SpecKeys s = new SpecKeys(list.get(i), c.path("systems") + "[" + i + "]");
            Structure base = system(s, baseDir, seed + i);
            for (String sp : base.species()) {
                if (!typeMap.contains(sp)) {
                    throw s.error("", "species '" + sp + "' is not in eelt.campaign.type-map " + typeMap);
                }
            }
            for (double e : strains) {
                double f = 1 + e;
                out.add(e == 0 ? base : Perturbations.deform(base, new double[] {f, 0, 0, 0, f, 0, 0, 0, f}));
            }
        }
        return out;
    }

    private static Structure system(SpecKeys s, Path baseDir, long seed) {
        if (s.has("file")) {
            Path p = baseDir.resolve(s.string("file"));
            int index = s.has("index") ? (int) s.integer("index") : 0;
            List<Frame> frames;
            try {
                frames = Formats.read(p, null, FormatOptions.defaults());
            } catch (IOException | RuntimeException e) {
                throw s.error("file", "cannot read " + p + ": " + e.getMessage());
            }
            if (index < 0 || index >= frames.size()) {
                throw s.error("index", index + " is outside 0.." + (frames.size() - 1) + " (frames in " + p + ")");
            }
            return frames.get(index).structure();
        }
        String builder = s.string("builder");
        if (builder.equals("molecule")) {
            return molecule(s);
        }
        String element = s.string("element");
        double a = s.positive("a");
        int n = (int) s.integer("repeat");
        if (n < 1 || n > 20) {
            throw s.error("repeat", "must be in 1..20, got " + n);
        }
        Structure lattice = switch (builder) {
            case "fcc" -> Bulk.fcc(element, a, n);
            case "bcc" -> Bulk.bcc(element, a, n);
            case "sc" -> Bulk.sc(element, a, n);
            case "diamond" -> Bulk.diamond(element, a, n);
            case "fcc100", "fcc110", "fcc111" -> slab(s, builder, element, a, n);
            default -> throw s.error("builder", "is '" + builder + "'; use fcc, bcc, sc, diamond, fcc100, fcc110,"
                    + " fcc111 or molecule, or give a file");
        };
        if (s.has("composition")) {
            Map<String, Double> comp = new LinkedHashMap<>();
            Config cc = s.config.getConfig("composition");
            for (var e : cc.root().entrySet()) {
                comp.put(e.getKey(), cc.getDouble(e.getKey()));
            }
            try {
                lattice = Alloys.randomSubstitution(lattice, comp, seed);
            } catch (IllegalArgumentException e) {
                throw s.error("composition", e.getMessage());
            }
        }
        if (s.has("vacancies")) {
            long v = s.integer("vacancies");
            if (v < 0 || v >= lattice.size()) {
                throw s.error("vacancies", "must be in 0.." + (lattice.size() - 1) + " (the structure has "
                        + lattice.size() + " atoms), got " + v);
            }
            lattice = Defects.vacancies(lattice, (int) v, seed);
        }
        return lattice;
    }

    /**
     * An fcc surface slab ({@link Surfaces}): {@code layers} atomic layers, {@code repeat} × {@code repeat}
     * surface cells, {@code vacuum} Å of vacuum along z (periodic in all three directions).
     */
    private static Structure slab(SpecKeys s, String builder, String element, double a, int n) {
        long layers = s.integer("layers");
        if (layers < 2 || layers > 40) {
            throw s.error("layers", "must be in 2..40 atomic layers, got " + layers);
        }
        double vacuum = s.positive("vacuum");
        return switch (builder) {
            case "fcc100" -> Surfaces.fcc100(element, a, (int) layers, n, n, vacuum);
            case "fcc110" -> Surfaces.fcc110(element, a, (int) layers, n, n, vacuum);
            default -> Surfaces.fcc111(element, a, (int) layers, n, n, vacuum);
        };
    }

    /** An isolated molecule from inline species and positions (Å), no periodic cell. */
    private static Structure molecule(SpecKeys s) {
        List<String> species = s.strings("species");
        List<Double> pos = s.doubles("positions");
        if (species.isEmpty() || pos.size() != 3 * species.size()) {
            throw s.error("positions", "needs 3 numbers (x y z in Å) per species entry: " + species.size()
                    + " species, " + pos.size() + " numbers");
        }
        double[] r = pos.stream().mapToDouble(Double::doubleValue).toArray();
        return new Structure(species.toArray(new String[0]), r, org.eelt.protocol.atoms.Cell.nonPeriodic());
    }

    private static CampaignSpec.Exploration exploration(SpecKeys c, List<Structure> systems) {
        List<? extends Config> list = c.objects("stages");
        if (list.isEmpty()) {
            throw c.error("stages", "is empty: give at least one {temperatures = [300], walkers = 2, steps-per-walker = 5000}");
        }
        List<CampaignSpec.Stage> stages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            stages.add(stage(new SpecKeys(list.get(i), c.path("stages") + "[" + i + "]"), systems));
        }
        return new CampaignSpec.Exploration(stages, c.positive("timestep-fs") / 1000.0, c.positive("friction-per-ps"),
                c.positiveInt("chunk-steps"), c.positiveInt("sample-interval"), c.positiveInt("max-in-flight"),
                c.positiveInt("failed-batches-restart"), c.positive("max-force"), barostat(c.sub("barostat")));
    }

    /**
     * A stage: temperatures (K), ensemble (nvt default, npt, nve), pressures (bar, npt only; default
     * [1.0]), walkers (default: one per temperature × pressure × system) and steps per walker;
     * optionally sys-idx (DP-GEN's sys_idx): the systems, by index, that the walkers start from in
     * turn, repeats allowed (then the default walkers count one per temperature × pressure × entry).
     */
    private static CampaignSpec.Stage stage(SpecKeys s, List<Structure> systems) {
        List<Double> t = s.doubles("temperatures");
        if (t.isEmpty() || t.stream().anyMatch(x -> !(x > 0) || x > 1e5)) {
            throw s.error("temperatures", "needs one or more temperatures in (0, 1e5] K, got " + t);
        }
        String ensembleText = s.has("ensemble") ? s.string("ensemble") : "nvt";
        CampaignSpec.Ensemble ensemble = switch (ensembleText) {
            case "nvt" -> CampaignSpec.Ensemble.NVT;
            case "npt" -> CampaignSpec.Ensemble.NPT;
            case "nve" -> CampaignSpec.Ensemble.NVE;
            default -> throw s.error("ensemble", "is '" + ensembleText + "'; use nvt (Langevin), npt (Langevin and"
                    + " stochastic cell rescaling, with pressures = [...] in bar) or nve");
        };
        List<Double> p = s.has("pressures") ? s.doubles("pressures") : List.of();
        if (ensemble != CampaignSpec.Ensemble.NPT && !p.isEmpty()) {
            throw s.error("pressures", "is " + p + " but the stage's ensemble is " + ensembleText
                    + ": pressures need ensemble = npt (add it, or remove pressures)");
        }
        if (ensemble == CampaignSpec.Ensemble.NPT) {
            if (s.has("pressures") && p.isEmpty()) {
                throw s.error("pressures", "is empty: give one or more pressures in bar, e.g. [1, 10000],"
                        + " or leave the key out for 1 bar");
            }
            for (double x : p) {
                if (!(Math.abs(x) <= 1e7)) {
                    throw s.error("pressures", "pressure " + x + " bar is outside [-1e7, 1e7] bar (negative"
                            + " values are tension)");
                }
            }
            if (p.isEmpty()) {
                p = List.of(1.0);
            }
            for (int k = 0; k < systems.size(); k++) {
                if (!systems.get(k).cell().isFullyPeriodic()) {
                    throw s.error("ensemble", "is npt but system " + k + " (after strains) is not periodic along all"
                            + " three axes: the barostat rescales a periodic cell; use nvt for molecules and slabs");
                }
            }
        }
        List<Integer> sysIdx = sysIdx(s, systems.size());
        int conditions = t.size() * Math.max(1, p.size());
        int perCondition = sysIdx.isEmpty() ? systems.size() : sysIdx.size();
        int walkers = s.has("walkers") ? s.positiveInt("walkers") : conditions * perCondition;
        return new CampaignSpec.Stage(t, p, ensemble, walkers, s.positiveLong("steps-per-walker"), sysIdx);
    }

    /** A stage's optional sys-idx: indices into the systems, repeats allowed; empty when absent. */
    private static List<Integer> sysIdx(SpecKeys s, int systems) {
        if (!s.has("sys-idx")) {
            return List.of();
        }
        List<Double> raw = s.doubles("sys-idx");
        if (raw.isEmpty()) {
            throw s.error("sys-idx", "is empty: list the indices of the systems the walkers start from, e.g."
                    + " [0, 0, 1], or leave the key out to use every system once");
        }
        List<Integer> idx = new ArrayList<>();
        for (double x : raw) {
            if (x != Math.rint(x) || x < 0 || x >= systems) {
                String shown = x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
                throw s.error("sys-idx", "holds " + shown + " but the campaign has " + systems + " systems: use whole"
                        + " indices 0.." + (systems - 1) + ", in the order of eelt.campaign.systems");
            }
            idx.add((int) x);
        }
        return idx;
    }

    private static CampaignSpec.Barostat barostat(SpecKeys b) {
        String type = b.string("type");
        if (!type.equals("isotropic") && !type.equals("anisotropic")) {
            throw b.error("type", "is '" + type + "'; use isotropic (volume) or anisotropic (each axis by its own"
                    + " pressure)");
        }
        return new CampaignSpec.Barostat(type.equals("anisotropic"), b.positive("tau-ps"),
                b.positive("compressibility-per-bar"));
    }

    private static CampaignSpec.Examination examination(SpecKeys c) {
        double lo = c.positive("trust-lo");
        double hi = c.positive("trust-hi");
        if (!(lo < hi)) {
            throw c.error("trust-lo", "must be < trust-hi (got trust-lo " + lo + ", trust-hi " + hi + " eV/Å)");
        }
        SelectionPolicy policy;
        try {
            policy = SelectionPolicy.parse(c.string("policy"));
        } catch (IllegalArgumentException e) {
            throw c.error("policy", e.getMessage());
        }
        double dedupe = c.number("dedupe-threshold");
        if (!(dedupe >= 0)) {
            throw c.error("dedupe-threshold", "must be >= 0 Å, got " + dedupe);
        }
        double ratio = c.number("adaptive-ratio");
        if (!(ratio > 0 && ratio < 1)) {
            throw c.error("adaptive-ratio", "must be in (0, 1), got " + ratio);
        }
        long reservoir = c.integer("reservoir-frames");
        if (reservoir < 0 || reservoir > 1_000_000) {
            throw c.error("reservoir-frames", "must be in 0..1000000 frames (0 = no exploration reservoir), got "
                    + reservoir);
        }
        return new CampaignSpec.Examination(new TrustLevels(lo, hi), policy, c.positiveInt("max-candidates-per-model"),
                dedupe, ratio, c.positive("adaptive-floor"), (int) reservoir);
    }

    static CampaignSpec.Labeling labeling(SpecKeys c) {
        String oracle = c.string("oracle");
        if (oracle.isBlank()) {
            throw c.error("oracle", "is empty: give an oracle SPEC, e.g. \"sutton-chen:\", \"eam:Cu_u3.eam\", \"xtb:gfn=2\"");
        }
        try {
            OracleSpec.parse(oracle);
        } catch (OracleSpecException e) {
            throw c.error("oracle", e.getMessage());
        }
        int retries = (int) c.integer("retries");
        if (retries < 0) {
            throw c.error("retries", "must be >= 0, got " + retries);
        }
        double latency = c.number("simulated-latency.median-s");
        if (!(latency >= 0)) {
            throw c.error("simulated-latency.median-s", "must be >= 0 s");
        }
        return new CampaignSpec.Labeling(oracle, c.positiveInt("workers"), c.positive("timeout-s"), retries,
                c.nonNegative("backoff-s"), c.positiveInt("quarantine-after"), c.nonNegative("quarantine-s"), latency,
                c.nonNegative("simulated-latency.sigma"));
    }

    private static CampaignSpec.Training training(SpecKeys c, List<String> typeMap) {
        int k = c.positiveInt("ensemble-size");
        if (k < 2) {
            throw c.error("ensemble-size", "must be >= 2 (the model deviation needs an ensemble), got " + k);
        }
        SpecKeys m = c.sub("model");
        List<Integer> sel = m.ints("sel");
        DpSpec spec;
        try {
            spec = new DpSpec(typeMap, sel.stream().mapToInt(Integer::intValue).toArray(), m.positive("rcut"),
                    m.nonNegative("rcut-smth"), m.ints("embedding").stream().mapToInt(Integer::intValue).toArray(),
                    m.positiveInt("axis-neuron"), m.ints("fitting").stream().mapToInt(Integer::intValue).toArray(),
                    m.bool("resnet-dt"), m.bool("resnet-dt"), m.bool("type-one-side"));
        } catch (IllegalArgumentException e) {
            throw new CampaignSpecException(m.path(""), e.getMessage().replace("model.descriptor.", "")
                    .replace("model.fitting_net.neuron", "fitting").replace("model.", ""));
        }
        int trigger;
        if (c.config.getValue("trigger").valueType() == ConfigValueType.STRING) {
            if (!c.string("trigger").equals("idle")) {
                throw c.error("trigger", "use trigger = idle or trigger = {new-labels = N}");
            }
            trigger = 1;
        } else {
            trigger = c.positiveInt("trigger.new-labels");
        }
        double lr0 = c.positive("start-lr"), lrw = c.positive("warm-start-lr"), lr1 = c.positive("stop-lr");
        if (lr1 > lr0 || lr1 > lrw) {
            throw c.error("stop-lr", "must be <= start-lr and warm-start-lr");
        }
        SpecKeys l = c.sub("loss");
        LossPrefactors pref;
        try {
            pref = new LossPrefactors(l.nonNegative("start-pref-e"), l.nonNegative("limit-pref-e"),
                    l.nonNegative("start-pref-f"), l.nonNegative("limit-pref-f"), l.nonNegative("start-pref-v"),
                    l.nonNegative("limit-pref-v"));
        } catch (IllegalArgumentException e) {
            throw new CampaignSpecException(l.path(""), e.getMessage());
        }
        return new CampaignSpec.Training(k, spec, c.positiveLong("first-round-steps"), c.positiveLong("steps-per-round"),
                lr0, lrw, lr1, pref, c.positiveInt("batch-atoms"), trigger, c.bool("warm-start"));
    }

    private static CampaignSpec.InitialData initialData(SpecKeys c, Path baseDir) {
        List<String> files = new ArrayList<>();
        for (String f : c.strings("files")) {
            Path p = baseDir.resolve(f);
            if (!Files.exists(p)) {
                throw c.error("files", p + " does not exist");
            }
            files.add(p.toString());
        }
        int bootstrap = (int) c.integer("bootstrap");
        if (bootstrap < 0 || (bootstrap == 0 && files.isEmpty())) {
            throw c.error("bootstrap", "must be >= 1 when no initial-data.files are given (the first round needs data),"
                    + " got " + bootstrap);
        }
        double strain = c.nonNegative("strain");
        if (strain >= 0.2) {
            throw c.error("strain", "must be < 0.2, got " + strain);
        }
        double trainAfter = c.number("train-after");
        if (!(trainAfter > 0 && trainAfter <= 1)) {
            throw c.error("train-after", "must be a fraction of the bootstrap in (0, 1], got " + trainAfter);
        }
        return new CampaignSpec.InitialData(files, bootstrap, c.nonNegative("rattle"), strain, trainAfter);
    }

    static CampaignSpec.Convergence convergence(SpecKeys c) {
        double x = c.number("accurate-ratio");
        if (!(x > 0 && x <= 1)) {
            throw c.error("accurate-ratio", "must be in (0, 1], got " + x);
        }
        return new CampaignSpec.Convergence(x, c.positiveInt("window"), c.positiveLong("max-labels"),
                c.positive("max-wall-s"));
    }

    private static CampaignSpec.TestSet test(SpecKeys c) {
        List<Double> t = c.doubles("temperatures");
        for (double x : t) {
            if (!(x > 0)) {
                throw c.error("temperatures", "must be > 0 K, got " + x);
            }
        }
        return new CampaignSpec.TestSet(t, (int) c.integer("frames"), (int) c.integer("equilibration-steps"),
                c.positiveInt("steps-between"), c.integer("seed"), c.bool("all-systems"));
    }
}
