package org.eelt.potential.builtin;

import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TabulatedEam} against the real LAMMPS on 20 random perturbed configurations per file:
 * energies and forces must agree within 1e-8 relative. Skipped (with a message) only when
 * {@code lmp} is not on PATH.
 */
class LammpsEamValidationTest {
    static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");
    private static final int CONFIGS = 20;

    @TempDir
    Path dir;

    private static Path potential(String name) {
        Assumptions.assumeTrue(LammpsReference.executable() != null,
                "LAMMPS (lmp) is not on PATH: install Debian's 'lammps' to run the EAM validation");
        Path p = POTENTIALS.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), p + " is missing: install Debian's 'lammps-data'");
        return p;
    }

    /** Random perturbed fcc configurations: orthorhombic strains of ±3 %, rattles up to 0.25 Å. */
    static List<Structure> configurations(double a, String[] species, double[] fractions, long seed,
                                          double squeeze) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Structure> out = new ArrayList<>();
        for (int k = 0; k < CONFIGS; k++) {
            Structure s = PotentialChecks.fcc(species[0], a, 3);
            String[] sp = s.species();
            for (int i = 0; i < sp.length; i++) {
                double u = rng.nextDouble();
                double acc = 0;
                for (int e = 0; e < species.length; e++) {
                    acc += fractions[e];
                    if (u < acc) {
                        sp[i] = species[e];
                        break;
                    }
                }
            }
            // the last frame is strongly compressed (for Cu_u3 the densities pass rho_max)
            double base = k == CONFIGS - 1 ? squeeze : 1.0;
            double[] m = {base * (1 + 0.06 * (rng.nextDouble() - 0.5)), 0, 0, 0,
                    base * (1 + 0.06 * (rng.nextDouble() - 0.5)), 0, 0, 0, base * (1 + 0.06 * (rng.nextDouble() - 0.5))};
            double[] r = s.positions();
            double amp = 0.05 + 0.2 * rng.nextDouble();
            for (int i = 0; i < r.length; i++) {
                r[i] = r[i] * m[4 * (i % 3)] + amp * (2 * rng.nextDouble() - 1);
            }
            out.add(new Structure(sp, r, s.cell().transformed(m)));
        }
        return out;
    }

    private void compare(TabulatedEam ours, List<Structure> configs, String style, String coeff,
                         List<String> elements) throws Exception {
        List<LammpsReference.Result> ref = LammpsReference.evaluate(configs, style, coeff, elements, dir);
        double worstE = 0, worstF = 0;
        for (int k = 0; k < configs.size(); k++) {
            ForceResult res = ours.compute(configs.get(k));
            double relE = Math.abs(res.energy() - ref.get(k).energy()) / Math.abs(ref.get(k).energy());
            double fmax = 0, df = 0;
            for (int c = 0; c < res.forces().length; c++) {
                fmax = Math.max(fmax, Math.abs(ref.get(k).forces()[c]));
                df = Math.max(df, Math.abs(res.forces()[c] - ref.get(k).forces()[c]));
            }
            worstE = Math.max(worstE, relE);
            worstF = Math.max(worstF, df / fmax);
            assertTrue(relE < 1e-8, "config " + k + ": energy " + res.energy() + " vs LAMMPS " + ref.get(k).energy());
            assertTrue(df <= 1e-8 * fmax, "config " + k + ": max force difference " + df + " eV/Å vs |F|max " + fmax);
        }
        System.out.printf("%s: worst relative energy error %.2e, worst force error / |F|max %.2e%n",
                coeff, worstE, worstF);
    }

    @Test
    void copperMishinSetflMatchesLammps() throws Exception {
        Path file = potential("Cu_mishin1.eam.alloy");
        compare(TabulatedEam.load(file), configurations(3.615, new String[] {"Cu"}, new double[] {1}, 11, 0.78),
                "eam/alloy", "pair_coeff * * " + file + " Cu", List.of("Cu"));
    }

    @Test
    void copperU3FuncflMatchesLammps() throws Exception {
        Path file = potential("Cu_u3.eam");
        compare(TabulatedEam.load(file), configurations(3.615, new String[] {"Cu"}, new double[] {1}, 12, 0.636),
                "eam", "pair_coeff 1 1 " + file, List.of("Cu"));
    }

    @Test
    void aluminiumCopperAlloyMatchesLammps() throws Exception {
        Path file = potential("AlCu.eam.alloy");
        compare(TabulatedEam.load(file),
                configurations(3.85, new String[] {"Al", "Cu"}, new double[] {0.5, 0.5}, 13, 0.78),
                "eam/alloy", "pair_coeff * * " + file + " Al Cu", List.of("Al", "Cu"));
    }

    @Test
    void copperZirconiumFinnisSinclairMatchesLammps() throws Exception {
        Path file = potential("CuZr_mm.eam.fs");
        compare(TabulatedEam.load(file),
                configurations(3.75, new String[] {"Cu", "Zr"}, new double[] {0.6, 0.4}, 14, 0.78),
                "eam/fs", "pair_coeff * * " + file + " Cu Zr", List.of("Cu", "Zr"));
    }

    @Test
    void copperNickelFromTwoFuncflFilesMatchesLammps() throws Exception {
        // different grids (dr 0.01 vs 0.0097 Å, cutoffs 4.95 vs 4.8 Å): exercises LAMMPS's re-gridding
        Path cu = potential("Cu_u3.eam");
        Path ni = potential("Ni_u3.eam");
        TabulatedEam eam = new TabulatedEam(EamFileReader.funcfl(List.of(cu, ni)));
        compare(eam, configurations(3.56, new String[] {"Cu", "Ni"}, new double[] {0.5, 0.5}, 15, 0.636),
                "eam", "pair_coeff 1 1 " + cu + "\npair_coeff 2 2 " + ni, List.of("Cu", "Ni"));
    }
}
