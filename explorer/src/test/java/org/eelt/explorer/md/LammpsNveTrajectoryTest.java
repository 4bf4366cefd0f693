package org.eelt.explorer.md;

import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.build.Perturbations;
import org.eelt.potential.builtin.TabulatedEam;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our velocity Verlet against LAMMPS's {@code fix nve} from the same positions and velocities
 * with the same EAM file and masses: after 200 steps of 1 fs the trajectories agree to 1e-6 Å.
 * This checks the units (F/m → Å/ps², ½mv² → eV) and the integrator end to end. Skipped only
 * when {@code lmp} is not on PATH.
 */
class LammpsNveTrajectoryTest {
    private static final Path CU_U3 = Path.of("/usr/share/lammps/potentials/Cu_u3.eam");

    @TempDir
    Path dir;

    private static boolean lammpsOnPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "lmp"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void nveTrajectoryMatchesLammps() throws Exception {
        Assumptions.assumeTrue(lammpsOnPath(), "LAMMPS (lmp) is not on PATH: install Debian's 'lammps'");
        Assumptions.assumeTrue(Files.isRegularFile(CU_U3), CU_U3 + " is missing");
        TabulatedEam eam = TabulatedEam.load(CU_U3);
        double mass = eam.mass("Cu");
        Structure s = Perturbations.rattle(Bulk.fcc("Cu", 3.615, 3), 0.05, 21);
        double[] masses = new double[s.size()];
        Arrays.fill(masses, mass);
        MdState ours = MdState.of(s, masses);
        Velocities.maxwellBoltzmann(ours, 800, 3 * s.size() - 3, new Gaussian(new SplittableRandom(5)));
        double[] v0 = ours.velocities();
        int steps = 200;

        StringBuilder data = new StringBuilder("EELT test\n\n").append(s.size()).append(" atoms\n1 atom types\n");
        double l = s.cell().get(0, 0);
        data.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%n", l, l, l));
        data.append("Masses\n\n1 ").append(mass).append("\n\nAtoms # atomic\n\n");
        double[] r = s.cell().wrap(s.positions());
        for (int i = 0; i < s.size(); i++) {
            data.append(String.format(Locale.ROOT, "%d 1 %.17g %.17g %.17g%n", i + 1, r[3 * i], r[3 * i + 1], r[3 * i + 2]));
        }
        data.append("\nVelocities\n\n");
        for (int i = 0; i < s.size(); i++) {
            data.append(String.format(Locale.ROOT, "%d %.17g %.17g %.17g%n", i + 1, v0[3 * i], v0[3 * i + 1], v0[3 * i + 2]));
        }
        Files.writeString(dir.resolve("data.md"), data.toString());
        Files.writeString(dir.resolve("in.md"), String.join("\n", "units metal", "atom_style atomic",
                "atom_modify map array", "read_data data.md", "pair_style eam", "pair_coeff 1 1 " + CU_U3,
                "neighbor 1.0 bin", "neigh_modify every 1 delay 0 check yes", "timestep 0.001", "fix 1 all nve",
                "run " + steps, "write_dump all custom final.dump id x y z vx vy vz modify format float %.17g sort id",
                ""));
        Process p = new ProcessBuilder("lmp", "-in", "in.md", "-log", "none", "-screen", "none", "-nocite")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(dir.resolve("out")));

        MdSettings set = MdSettings.builder().timestep(0.001).steps(steps).temperature(800).nve()
                .initialVelocities(false).skin(1.0).build();
        MdResult res = new MdRunner(eam, set).run(ours);
        assertTrue(res.completed(), res.reason());

        List<String> lines = Files.readAllLines(dir.resolve("final.dump"));
        int start = lines.indexOf("ITEM: ATOMS id x y z vx vy vz") + 1;
        double[] mine = ours.positions();
        double[] vel = ours.velocities();
        double worstR = 0, worstV = 0;
        for (int i = 0; i < s.size(); i++) {
            String[] t = lines.get(start + i).trim().split("\\s+");
            int id = Integer.parseInt(t[0]) - 1;
            double[] d = new double[3];
            for (int c = 0; c < 3; c++) {
                d[c] = mine[3 * id + c] - Double.parseDouble(t[1 + c]);
                worstV = Math.max(worstV, Math.abs(vel[3 * id + c] - Double.parseDouble(t[4 + c])));
            }
            ours.cell().minimumImage(d);
            worstR = Math.max(worstR, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
        }
        System.out.printf("NVE vs LAMMPS after %d steps: max |dr| = %.2e Å, max |dv| = %.2e Å/ps%n", steps, worstR,
                worstV);
        assertEquals(0, worstR, 1e-6);
        assertEquals(0, worstV, 1e-4);
    }
}
