package org.eelt.deploy.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.typesafe.config.Config;
import org.eelt.deploy.campaign.fe.CvEmbedding;
import org.eelt.deploy.campaign.fe.FeSpec;
import org.eelt.deploy.campaign.fe.FeSystems;
import org.eelt.examiner.selection.SelectionPolicy;
import org.eelt.examiner.selection.TrustLevels;
import org.eelt.freeenergy.cv.Angle;
import org.eelt.freeenergy.cv.Cartesian;
import org.eelt.freeenergy.cv.CollectiveVariable;
import org.eelt.freeenergy.cv.CoordinationNumber;
import org.eelt.freeenergy.cv.CvAtomException;
import org.eelt.freeenergy.cv.CvDomainException;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.Dihedral;
import org.eelt.freeenergy.cv.Distance;
import org.eelt.protocol.atoms.Structure;

/**
 * Parses the {@code kind = fe} part of a campaign spec ({@code eelt.campaign.fe}) into a
 * {@link FeSpec} and fills the shared spec records the agents read (one exploration stage, trust
 * levels e0/e1, labeler pool, ensemble size and trigger, convergence). Every error names the key
 * path, e.g. {@code eelt.campaign.fe.cvs[1].atoms: atom 30 of dihedral(4,6,8,30) is not among the
 * 22 atoms of gromacs-ala2}.
 */
final class FeSpecParser {
    private FeSpecParser() {
    }

    static CampaignSpec parse(SpecKeys c, Path baseDir) {
        String modeText = c.string("mode");
        if (!modeText.equals("async")) {
            throw c.error("mode", "is '" + modeText + "'; free-energy campaigns run asynchronously only (mode = async)");
        }
        long seed = c.integer("seed");
        SpecKeys f = c.sub("fe");
        String system = f.string("system");
        Structure start;
        String unit;
        try {
            start = FeSystems.start(system, f.has("pdb") ? f.string("pdb") : "", baseDir);
            unit = FeSystems.energyUnit(system);
        } catch (IllegalArgumentException e) {
            throw f.error(system.isEmpty() || !FeSystems.known(system) ? "system" : "pdb", e.getMessage());
        }
        CvSet cvs = cvs(f, start, system);
        int d = cvs.dimension();
        if (system.equals(FeSpec.GROMACS_ALA2) && !ala2PhiPsi(cvs)) {
            throw f.error("cvs", "gromacs-ala2 labels (phi, psi): give exactly [{type = dihedral, atoms = [4, 6, 8, 14]},"
                    + " {type = dihedral, atoms = [6, 8, 14, 16]}] (0-based, pdb2gmx order), got " + cvs);
        }
        double temperature = f.positive("temperature");
        double kappa = f.positive("restraint.kappa");
        SpecKeys l = f.sub("label");
        double eq = l.number("equilibration");
        if (!(eq >= 0 && eq < 0.9)) {
            throw l.error("equilibration", "must be in [0, 0.9), got " + eq);
        }
        FeSpec.Label label = new FeSpec.Label(l.positiveLong("steps"), l.positive("timestep-fs") / 1000.0,
                l.positive("friction-per-ps"), eq, l.positive("error-threshold"));
        FeSpec.Exploration ex = exploration(f.sub("exploration"), system);
        if (ex.method() == FeSpec.Method.CV_SAMPLER && !CvEmbedding.supports(cvs)) {
            throw f.error("exploration.method", "cv-sampler places CV points into configurations, which works for"
                    + " cartesian and dihedral CVs only; " + cvs + " needs method = biased-md");
        }
        double e0 = f.positive("trust.e0"), e1 = f.positive("trust.e1");
        if (!(e0 < e1)) {
            throw f.error("trust.e0", "must be < trust.e1 (got e0 " + e0 + ", e1 " + e1 + " " + unit + " per CV unit)");
        }
        FeSpec.Training tr = training(f.sub("training"));
        FeSpec.Grid grid = grid(f.sub("grid"), cvs);
        List<double[]> points = new ArrayList<>();
        SpecKeys init = f.sub("initial");
        List<? extends List<? extends Number>> raw = numberLists(init, "points");
        for (int i = 0; i < raw.size(); i++) {
            double[] p = raw.get(i).stream().mapToDouble(Number::doubleValue).toArray();
            String key = "points[" + i + "]";
            if (p.length != d) {
                throw init.error(key, "has " + p.length + " values; give one per CV (" + d + ")");
            }
            requireCenter(init, key, cvs, p);
            points.add(p);
        }
        int bootstrap = (int) init.integer("bootstrap");
        if (bootstrap < 0 || bootstrap + points.size() == 0) {
            throw init.error("bootstrap", "must be >= 0, and points + bootstrap >= 1 (the first round needs labels)");
        }
        List<FeSpec.Basin> basins = basins(f, d);
        double radius = f.positive("clustering-radius");
        FeSpec fe = new FeSpec(system, cvs, start, unit, temperature, kappa, label, ex, e0, e1, radius, tr,
                List.copyOf(points), bootstrap, grid, basins,
                system.equals(FeSpec.GROMACS_ALA2) ? FeSystems.pdbPath(f.string("pdb"), baseDir) : null);
        return shared(c, fe, seed, start);
    }

    /** The shared records the Campaign actor and agents read, filled from the FE settings. */
    private static CampaignSpec shared(SpecKeys c, FeSpec fe, long seed, Structure start) {
        SpecKeys lab = c.sub("labeling");
        int retries = (int) lab.integer("retries");
        if (retries < 0) {
            throw lab.error("retries", "must be >= 0, got " + retries);
        }
        CampaignSpec.Labeling labeling = new CampaignSpec.Labeling("fe:" + fe.system(), lab.positiveInt("workers"),
                lab.positive("timeout-s"), retries, lab.nonNegative("backoff-s"), lab.positiveInt("quarantine-after"),
                lab.nonNegative("quarantine-s"), 0, 1);
        FeSpec.Exploration e = fe.exploration();
        CampaignSpec.Exploration exploration = new CampaignSpec.Exploration(List.of(new CampaignSpec.Stage(
                List.of(fe.temperature()), e.walkers(), e.stepsPerWalker())),
                e.method() == FeSpec.Method.BIASED_MD ? e.stepSize() : 1e-3, e.frictionPerPs(), e.chunkSteps(),
                e.sampleInterval(), 2, 1_000_000, 1e6);
        CampaignSpec.Examination examination = new CampaignSpec.Examination(new TrustLevels(fe.e0(), fe.e1()),
                SelectionPolicy.FIXED, 1_000_000, 0, 0.05, 0.02);
        FeSpec.Training t = fe.training();
        CampaignSpec.Training training = new CampaignSpec.Training(t.ensembleSize(), null, t.firstRoundSteps(),
                t.stepsPerRound(), t.startLr(), t.startLr(), t.stopLr(), null, t.batchSize(), t.triggerNewLabels(), true);
        CampaignSpec.InitialData initial = new CampaignSpec.InitialData(List.of(),
                fe.bootstrap() + fe.initialPoints().size(), 0, 0);
        List<String> typeMap = start.distinctSpecies();
        return new CampaignSpec(c.string("name"), CampaignSpec.Mode.ASYNC, typeMap, List.of(start), exploration,
                examination, labeling, training, initial, CampaignSpecParser.convergence(c.sub("convergence")),
                new CampaignSpec.TestSet(List.of(), 0, 0, 1, 0), seed, fe);
    }

    private static boolean ala2PhiPsi(CvSet cvs) {
        return cvs.dimension() == 2 && cvs.get(0).equals(new Dihedral(4, 6, 8, 14))
                && cvs.get(1).equals(new Dihedral(6, 8, 14, 16));
    }

    private static CvSet cvs(SpecKeys f, Structure start, String system) {
        List<? extends Config> list = f.objects("cvs");
        if (list.isEmpty()) {
            throw f.error("cvs", "is empty: give the collective variables, e.g. [{type = dihedral, atoms = [4, 6, 8, 14]}]");
        }
        List<CollectiveVariable> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            SpecKeys k = new SpecKeys(list.get(i), f.path("cvs") + "[" + i + "]");
            CollectiveVariable cv;
            try {
                cv = cv(k);
            } catch (CampaignSpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw k.error("", e.getMessage());
            }
            try {
                cv.checkAtoms(start.size());
            } catch (CvAtomException e) {
                throw k.error(k.has("atoms") ? "atoms" : k.has("atom") ? "atom" : "", e.getMessage() + " (system "
                        + system + " has atoms 0.." + (start.size() - 1) + ")");
            }
            out.add(cv);
        }
        return new CvSet(out);
    }

    private static CollectiveVariable cv(SpecKeys k) {
        String type = k.string("type");
        return switch (type) {
            case "cartesian" -> new Cartesian((int) k.integer("atom"), axis(k));
            case "distance" -> {
                int[] a = atoms(k, 2);
                yield new Distance(a[0], a[1]);
            }
            case "angle" -> {
                int[] a = atoms(k, 3);
                yield new Angle(a[0], a[1], a[2]);
            }
            case "dihedral" -> {
                int[] a = atoms(k, 4);
                yield new Dihedral(a[0], a[1], a[2], a[3]);
            }
            case "coordination" -> new CoordinationNumber(ints(k, "group-a"), ints(k, "group-b"), k.positive("r0"),
                    k.has("n") ? (int) k.integer("n") : 6, k.has("m") ? (int) k.integer("m") : 12);
            default -> throw k.error("type", "is '" + type + "'; use cartesian, distance, angle, dihedral or coordination");
        };
    }

    private static int axis(SpecKeys k) {
        String a = k.string("axis");
        return switch (a) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw k.error("axis", "is '" + a + "'; use x, y or z");
        };
    }

    private static int[] atoms(SpecKeys k, int n) {
        int[] a = ints(k, "atoms");
        if (a.length != n) {
            throw k.error("atoms", "needs " + n + " atom indices (0-based) for a " + k.string("type") + ", got " + a.length);
        }
        return a;
    }

    private static int[] ints(SpecKeys k, String key) {
        return k.ints(key).stream().mapToInt(Integer::intValue).toArray();
    }

    private static FeSpec.Exploration exploration(SpecKeys e, String system) {
        String m = e.string("method");
        FeSpec.Method method = switch (m) {
            case "cv-sampler" -> FeSpec.Method.CV_SAMPLER;
            case "biased-md" -> FeSpec.Method.BIASED_MD;
            default -> throw e.error("method", "is '" + m + "'; use cv-sampler or biased-md");
        };
        if (method == FeSpec.Method.BIASED_MD && !FeSystems.hasBuiltinEngine(system)) {
            throw e.error("method", "biased-md needs a built-in engine for the full system; " + system
                    + " is labeled by an external code: use method = cv-sampler");
        }
        double gamma = e.number("gamma");
        if (!(gamma >= 1)) {
            throw e.error("gamma", "must be >= 1 (the well-tempered factor), got " + gamma);
        }
        return new FeSpec.Exploration(method, e.positiveInt("walkers"), gamma, e.positiveLong("steps-per-walker"),
                e.positiveInt("chunk-steps"), e.positiveInt("sample-interval"), e.positive("step-size"),
                e.positive("friction-per-ps"));
    }

    private static FeSpec.Training training(SpecKeys t) {
        int k = t.positiveInt("ensemble-size");
        if (k < 2) {
            throw t.error("ensemble-size", "must be >= 2 (the mean-force deviation needs an ensemble), got " + k);
        }
        int[] widths = ints(t, "widths");
        if (widths.length == 0 || java.util.Arrays.stream(widths).anyMatch(w -> w < 1 || w > 4096)) {
            throw t.error("widths", "needs one or more layer widths in 1..4096, got " + java.util.Arrays.toString(widths));
        }
        double lr0 = t.positive("start-lr"), lr1 = t.positive("stop-lr");
        if (lr1 > lr0) {
            throw t.error("stop-lr", "must be <= start-lr");
        }
        return new FeSpec.Training(k, widths, t.positiveLong("first-round-steps"), t.positiveLong("steps-per-round"),
                t.positiveInt("batch-size"), lr0, lr1, t.positiveInt("trigger.new-labels"));
    }

    private static FeSpec.Grid grid(SpecKeys g, CvSet cvs) {
        int d = cvs.dimension();
        List<Double> min = g.doubles("min"), max = g.doubles("max");
        List<Integer> bins = g.ints("bins");
        if (min.size() != d || max.size() != d || bins.size() != d) {
            throw g.error("", "min, max and bins need one value per CV (" + d + "); got " + min.size() + ", " + max.size()
                    + ", " + bins.size());
        }
        double[] lo = new double[d], hi = new double[d];
        int[] n = new int[d];
        for (int q = 0; q < d; q++) {
            lo[q] = min.get(q);
            hi[q] = max.get(q);
            n[q] = bins.get(q);
            if (!(lo[q] < hi[q])) {
                throw g.error("min", "min[" + q + "] = " + lo[q] + " must be < max[" + q + "] = " + hi[q]);
            }
            CollectiveVariable cv = cvs.get(q);
            if (lo[q] < cv.domainMin() - 1e-9 || hi[q] > cv.domainMax() + 1e-9) {
                throw g.error("min", "the range [" + lo[q] + ", " + hi[q] + "] of " + cv.name() + " leaves its domain ["
                        + cv.domainMin() + ", " + cv.domainMax() + "] " + cv.unit());
            }
            if (n[q] < 2 || n[q] > 2000) {
                throw g.error("bins", "bins[" + q + "] must be in 2..2000, got " + n[q]);
            }
        }
        return new FeSpec.Grid(lo, hi, n);
    }

    private static List<FeSpec.Basin> basins(SpecKeys f, int d) {
        List<? extends Config> list = f.objects("basins");
        if (!list.isEmpty() && list.size() != 2) {
            throw f.error("basins", "give exactly two basins (ΔF = F(second) − F(first)) or none, got " + list.size());
        }
        List<FeSpec.Basin> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            SpecKeys b = new SpecKeys(list.get(i), f.path("basins") + "[" + i + "]");
            int cv = (int) b.integer("cv");
            if (cv < 0 || cv >= d) {
                throw b.error("cv", "CV index " + cv + " is outside 0.." + (d - 1));
            }
            double lo = b.has("min") ? b.number("min") : Double.NEGATIVE_INFINITY;
            double hi = b.has("max") ? b.number("max") : Double.POSITIVE_INFINITY;
            if (!(lo < hi)) {
                throw b.error("min", "must be < max");
            }
            out.add(new FeSpec.Basin(b.has("name") ? b.string("name") : "basin-" + i, cv, lo, hi));
        }
        return List.copyOf(out);
    }

    private static void requireCenter(SpecKeys k, String key, CvSet cvs, double[] p) {
        try {
            cvs.requireValidCenter(p);
        } catch (CvDomainException e) {
            throw k.error(key, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<? extends List<? extends Number>> numberLists(SpecKeys k, String key) {
        try {
            List<? extends Object> raw = k.config.getAnyRefList(key);
            for (int i = 0; i < raw.size(); i++) {
                if (!(raw.get(i) instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof Number))) {
                    throw k.error(key + "[" + i + "]", "must be a list of numbers (one CV point)");
                }
            }
            return (List<? extends List<? extends Number>>) raw;
        } catch (com.typesafe.config.ConfigException e) {
            throw k.error(key, "must be a list of CV points, e.g. [[-0.5, 1.4]]: " + e.getMessage());
        }
    }
}
