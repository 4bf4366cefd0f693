package org.eelt.protocol.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the {@link LammpsBox} contract against the real LAMMPS executable ({@code lmp} on the
 * PATH; skipped when absent): LAMMPS reads the written file, and its Lennard-Jones forces and
 * virial, rotated back with Rᵀ, equal a brute-force evaluation in the original frame.
 */
class LammpsExecutableTest {
    private static final double EPS = 0.1, SIGMA = 2.0, RC = 4.0;

    @TempDir
    Path tmp;

    private static Path lmp() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "lmp");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** LJ forces (3N, eV/Å) and virial Σ r_ij ⊗ f_ij (eV) over all images within RC. */
    private static double[][] lennardJones(Structure s) {
        double[] h = s.cell().matrix();
        double[] p = s.positions();
        int n = s.size();
        double[] f = new double[3 * n];
        double[] w = new double[9];
        int m = 3;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -m; a <= m; a++) {
                    for (int b = -m; b <= m; b++) {
                        for (int c = -m; c <= m; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            double[] d = new double[3];
                            for (int k = 0; k < 3; k++) {
                                d[k] = p[3 * j + k] + a * h[k] + b * h[3 + k] + c * h[6 + k] - p[3 * i + k];
                            }
                            double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                            if (r2 >= RC * RC) {
                                continue;
                            }
                            double sr6 = Math.pow(SIGMA * SIGMA / r2, 3);
                            // force on i from j: F_i = -dE/dr * (r_j - r_i)/r * (-1) ; dE/dr = -24 eps (2 sr12 - sr6)/r
                            double fr = -24 * EPS * (2 * sr6 * sr6 - sr6) / r2;
                            for (int k = 0; k < 3; k++) {
                                f[3 * i + k] += fr * d[k];
                                for (int l = 0; l < 3; l++) {
                                    w[3 * k + l] += 0.5 * (-d[k]) * (fr * d[l]); // r_i - r_j ⊗ F_i, each pair twice
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {f, w};
    }

    @Test
    void lammpsForcesAndVirialRotateBackToTheOriginalFrame() throws IOException, InterruptedException {
        Path lmp = lmp();
        assumeTrue(lmp != null, "LAMMPS (lmp) is not installed");
        Random rnd = new Random(17);
        // left-handed, tilted cell: R is then a reflection
        Cell cell = Cell.periodic(5.2, 0.4, -0.3, 1.3, 5.0, 0.6, -0.7, 0.8, -5.4);
        String[] sp = new String[8];
        double[] frac = new double[24];
        for (int i = 0; i < 8; i++) {
            sp[i] = "Ar";
            frac[3 * i] = 0.5 * (i & 1) + 0.03 * rnd.nextGaussian();
            frac[3 * i + 1] = 0.5 * (i >> 1 & 1) + 0.03 * rnd.nextGaussian();
            frac[3 * i + 2] = 0.5 * (i >> 2 & 1) + 0.03 * rnd.nextGaussian();
        }
        Structure s = new Structure(sp, cell.toCartesian(frac), cell);
        LammpsBox box = LammpsData.write(tmp.resolve("data.ar"), s, List.of("Ar"));
        Files.writeString(tmp.resolve("in.lmp"), String.format(java.util.Locale.ROOT, """
                units metal
                atom_style atomic
                boundary p p p
                read_data data.ar
                pair_style lj/cut %s
                pair_coeff * * %s %s
                thermo_style custom step pxx pyy pzz pxy pxz pyz vol
                thermo_modify format float %%.17g
                run 0
                print "VIRIAL $(pxx) $(pyy) $(pzz) $(pxy) $(pxz) $(pyz) $(vol)"
                write_dump all custom dump.txt id fx fy fz modify sort id format float %%.17g
                """, RC, EPS, SIGMA));
        Process proc = new ProcessBuilder(lmp.toString(), "-in", "in.lmp", "-log", "none", "-screen", "screen.txt")
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "lmp timed out");
        assertEquals(0, proc.exitValue(), () -> read(tmp.resolve("screen.txt")));
        List<String> dump = Files.readAllLines(tmp.resolve("dump.txt"));
        double[] fl = new double[24];
        for (int i = 0; i < 8; i++) {
            String[] t = dump.get(9 + i).trim().split("\\s+");
            for (int k = 0; k < 3; k++) {
                fl[3 * i + k] = Double.parseDouble(t[1 + k]);
            }
        }
        double[][] ref = lennardJones(s);
        assertArrayEquals(ref[0], box.fromLammps(fl), 1e-9);
        String vir = read(tmp.resolve("screen.txt")).lines().filter(l -> l.startsWith("VIRIAL")).findFirst().orElseThrow();
        String[] v = vir.trim().split("\\s+");
        double vol = Double.parseDouble(v[7]);
        assertEquals(cell.volume(), vol, 1e-9);
        double[] p = new double[7];
        for (int k = 1; k <= 6; k++) {
            p[k] = Double.parseDouble(v[k]) * vol / Units.EV_PER_A3_BAR; // P V = virial (no velocities), eV
        }
        double[] wl = {p[1], p[4], p[5], p[4], p[2], p[6], p[5], p[6], p[3]};
        assertArrayEquals(ref[1], box.tensorFromLammps(wl), 1e-6);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no " + p + ")";
        }
    }
}
