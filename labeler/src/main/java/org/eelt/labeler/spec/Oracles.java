package org.eelt.labeler.spec;

import org.eelt.labeler.cp2k.Cp2kOracle;
import org.eelt.labeler.fault.FaultPlan;
import org.eelt.labeler.fault.FaultyOracle;
import org.eelt.labeler.lammps.LammpsOracle;
import org.eelt.labeler.oracle.BuiltinOracle;
import org.eelt.labeler.oracle.FileDigest;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.xtb.XtbOracle;
import org.eelt.potential.Potential;
import org.eelt.potential.builtin.LennardJones;
import org.eelt.potential.builtin.SuttonChen;
import org.eelt.potential.builtin.TabulatedEam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds an {@link Oracle} from a parsed {@link OracleSpec} and the machine's {@link OracleSettings}. */
public final class Oracles {
    private Oracles() {
    }

    /**
     * A factory of oracle instances of one SPEC (one per labeler, a fresh one after a timeout). The
     * instances of a {@code faulty:} SPEC share one {@link FaultPlan}, so which calls fail depends
     * on (seed, structure, attempt) only, whatever instance serves the call.
     *
     * @param spec     SPEC text
     * @param settings machine settings
     * @return a supplier of new instances
     * @throws OracleSpecException when the SPEC is invalid (at once, not at the first call)
     */
    public static Supplier<Oracle> factory(String spec, OracleSettings settings) {
        OracleSpec parsed = OracleSpec.parse(spec);
        if (parsed instanceof OracleSpec.Faulty f) {
            FaultPlan plan = new FaultPlan(f.rate(), f.seed(), f.kinds());
            return () -> faulty(f, plan, settings);
        }
        return () -> create(parsed, settings);
    }

    private static Oracle faulty(OracleSpec.Faulty f, FaultPlan plan, OracleSettings settings) {
        return new FaultyOracle(create(f.inner(), settings), plan, settings,
                Duration.ofMillis(Math.round(f.timeoutS() * 1000)), f.hangS());
    }

    /** Parses {@code spec} and builds its oracle. */
    public static Oracle create(String spec, OracleSettings settings) {
        return create(OracleSpec.parse(spec), settings);
    }

    /**
     * @param spec     what to compute
     * @param settings binaries, directories, timeout
     * @return a new oracle (external ones check that their binary is installed)
     * @throws OracleSetupException when something it needs is missing
     */
    public static Oracle create(OracleSpec spec, OracleSettings settings) {
        if (spec instanceof OracleSpec.Lj || spec instanceof OracleSpec.SuttonChenSpec || spec instanceof OracleSpec.Eam) {
            return builtin(spec, settings);
        } else if (spec instanceof OracleSpec.Lammps l) {
            return new LammpsOracle(l.parameters(), settings);
        } else if (spec instanceof OracleSpec.Xtb x) {
            return new XtbOracle(x.parameters(), settings);
        } else if (spec instanceof OracleSpec.Cp2k c) {
            return new Cp2kOracle(c.parameters(), settings);
        } else if (spec instanceof OracleSpec.Faulty f) {
            return faulty(f, new FaultPlan(f.rate(), f.seed(), f.kinds()), settings);
        }
        throw new IllegalStateException("unhandled SPEC " + spec);
    }

    /**
     * Builds the potential of a built-in SPEC ({@code lj:}, {@code sutton-chen:}, {@code eam:}), e.g. to
     * drive MD with the same potential an oracle labels with.
     *
     * @throws OracleSetupException for an external SPEC (LAMMPS, xtb, CP2K) or a missing/bad potential file
     */
    public static Potential builtinPotential(OracleSpec spec, OracleSettings settings) {
        if (spec instanceof OracleSpec.Faulty f) {
            return builtin(f.inner(), settings).potential(); // faults concern labels, not the MD potential
        }
        return builtin(spec, settings).potential();
    }

    private static BuiltinOracle builtin(OracleSpec spec, OracleSettings settings) {
        if (spec instanceof OracleSpec.Lj lj) {
            return new BuiltinOracle("lj", lj.canonical(), lennardJones(lj));
        } else if (spec instanceof OracleSpec.SuttonChenSpec sc) {
            return new BuiltinOracle("sutton-chen", sc.canonical(), new SuttonChen(sc.parameters()));
        } else if (spec instanceof OracleSpec.Eam eam) {
            Path file = potentialFile(eam.file(), settings);
            TabulatedEam pot;
            try {
                pot = TabulatedEam.load(file);
            } catch (IllegalArgumentException e) {
                throw new OracleSetupException("cannot load EAM potential " + file + ": " + e.getMessage(), e);
            }
            String settingsText = "eam:file=" + file.getFileName() + ";sha256=" + FileDigest.sha256(file);
            return new BuiltinOracle("eam", settingsText, pot);
        }
        throw new OracleSetupException("'" + spec.canonical() + "' is an external code, not a built-in potential: "
                + "use lj:, sutton-chen: or eam: (or a Deep Potential model) here");
    }

    /** Finds a potential file: as given (absolute or relative to the working directory), else in the potentials dir. */
    static Path potentialFile(String name, OracleSettings settings) {
        Path given = Path.of(name);
        if (Files.isRegularFile(given)) {
            return given;
        }
        Path inDir = settings.potentialsDir().resolve(name);
        if (!given.isAbsolute() && Files.isRegularFile(inDir)) {
            return inDir;
        }
        throw new OracleSetupException("potential file '" + name + "' not found (looked at " + given.toAbsolutePath()
                + (given.isAbsolute() ? "" : " and " + inDir) + "): give an existing path, install Debian's 'lammps' "
                + "package for its potentials, or set " + OracleSettings.PREFIX + "potentials-dir");
    }

    private static LennardJones lennardJones(OracleSpec.Lj lj) {
        List<String> species = new ArrayList<>();
        for (OracleSpec.LjPair p : lj.pairs()) {
            for (String s : new String[] {p.a(), p.b()}) {
                if (!species.contains(s)) {
                    species.add(s);
                }
            }
        }
        int t = species.size();
        LennardJones.PairParameters[][] m = new LennardJones.PairParameters[t][t];
        for (OracleSpec.LjPair p : lj.pairs()) {
            int a = species.indexOf(p.a()), b = species.indexOf(p.b());
            m[a][b] = new LennardJones.PairParameters(p.epsilon(), p.sigma(), p.cutoff());
            m[b][a] = m[a][b];
        }
        for (int a = 0; a < t; a++) {
            for (int b = a; b < t; b++) {
                if (m[a][b] == null) {
                    throw new OracleSpecException(lj.canonical(), "lj pair " + species.get(a) + "-" + species.get(b)
                            + " is missing: give every pair of " + species);
                }
            }
        }
        return new LennardJones(species, m);
    }
}
