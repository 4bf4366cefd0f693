package org.eelt.deploy.bench;

import org.eelt.explorer.build.Bulk;
import org.eelt.explorer.md.MdResult;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.potential.builtin.TabulatedEam;
import org.eelt.protocol.atoms.Structure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark: our NVT MD (Langevin, BAOAB) against LAMMPS NVT ({@code fix nve} + {@code fix langevin})
 * with the same damping time 0.1 ps (the same thermostat, so both rebuild their neighbor lists about
 * equally often), on the same fcc Cu supercell with the same EAM file, steps, time step,
 * temperature and neighbor skin. Reports µs per step per atom for both, from the timed loop
 * only (our run follows a JIT warm-up run of the same length; LAMMPS's "Loop time" excludes its
 * setup), and ratio = ours / LAMMPS. The headline figures are CPU time (our MD thread's CPU time;
 * LAMMPS's loop time × its reported "% CPU use"), which stays meaningful when other jobs share
 * the cores; wall-clock figures are reported beside them. LAMMPS runs serially ({@code lmp} on PATH, one MPI rank,
 * OMP_NUM_THREADS=1); without it the LAMMPS fields are null.
 */
public final class MdEamBench {
    /**
     * @param potential   EAM file (.eam funcfl or .eam.alloy setfl) for Cu
     * @param cells       fcc supercell edge in conventional cells (10 gives 4,000 atoms)
     * @param steps       timed MD steps
     * @param timestep    Δt in ps
     * @param temperature K
     * @param skin        neighbor skin in Å
     * @param repeats     timed runs of each code, alternating; the fastest of each counts
     */
    public record Settings(Path potential, int cells, int steps, double timestep, double temperature, double skin,
                           int repeats) {
        /**
         * @return the defaults: Cu_u3.eam, 10×10×10 cells, 1,000 steps of 1 fs at 600 K, skin 1 Å, best of 2
         *         alternating runs of each code (the machine may be shared)
         */
        public static Settings defaults() {
            return new Settings(Path.of("/usr/share/lammps/potentials/Cu_u3.eam"), 10, 1000, 0.001, 600, 1.0, 2);
        }
    }

    /**
     * Result figures.
     *
     * @param atoms                number of atoms
     * @param steps                timed steps
     * @param oursUsPerStepAtom    our cost in µs per step per atom
     * @param lammpsUsPerStepAtom  LAMMPS's, or null without LAMMPS
     * @param oursNeighborBuilds   neighbor lists we built in the timed run
     * @param lammpsNeighborBuilds LAMMPS's "Neighbor list builds", or null
     * @param oursFinalTemperature our temperature at the end (K), a sanity check
     * @param oursWallUs           our wall-clock µs per step per atom
     * @param lammpsWallUs         LAMMPS's wall-clock µs per step per atom, or null
     */
    public record Result(int atoms, int steps, double oursUsPerStepAtom, Double lammpsUsPerStepAtom,
                         int oursNeighborBuilds, Integer lammpsNeighborBuilds, double oursFinalTemperature,
                         double oursWallUs, Double lammpsWallUs) {
        /** @return ours / LAMMPS, or null */
        public Double ratio() {
            return lammpsUsPerStepAtom == null ? null : oursUsPerStepAtom / lammpsUsPerStepAtom;
        }

        /** @return the JSON report */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"atoms\": %d, \"steps\": %d, \"ours_us_per_step_atom\": %.4f, "
                            + "\"lammps_us_per_step_atom\": %s, \"ratio\": %s, \"ours_neighbor_builds\": %d, "
                            + "\"lammps_neighbor_builds\": %s, \"ours_final_temperature_K\": %.1f, "
                            + "\"ours_wall_us_per_step_atom\": %.4f, \"lammps_wall_us_per_step_atom\": %s, "
                            + "\"wall_ratio\": %s, \"timing\": \"cpu\"}",
                    atoms, steps, oursUsPerStepAtom, num(lammpsUsPerStepAtom), num(ratio()), oursNeighborBuilds,
                    lammpsNeighborBuilds == null ? "null" : lammpsNeighborBuilds.toString(), oursFinalTemperature,
                    oursWallUs, num(lammpsWallUs), num(lammpsWallUs == null ? null : oursWallUs / lammpsWallUs));
        }

        private static String num(Double d) {
            return d == null ? "null" : String.format(Locale.ROOT, "%.4f", d);
        }
    }

    private MdEamBench() {
    }

    /** Runs both codes and returns the figures. */
    public static Result run(Settings s) throws IOException, InterruptedException {
        // per-atom virials are not needed by MD (LAMMPS computes none either)
        TabulatedEam eam = TabulatedEam.load(s.potential()).withAtomicVirials(false);
        Structure cu = Bulk.fcc("Cu", 3.615, s.cells());
        MdSettings md = MdSettings.builder().timestep(s.timestep()).steps(s.steps()).temperature(s.temperature())
                .langevin(0.1).skin(s.skin()).seed(12345).thermoEvery(Math.max(1, s.steps())).build();
        new MdRunner(eam, md).run(MdState.of(cu)); // JIT warm-up
        String lmp = findLammps();
        MdResult best = null;
        double lmpBest = Double.POSITIVE_INFINITY;
        double lmpBestWall = Double.POSITIVE_INFINITY;
        double oursBestWall = Double.POSITIVE_INFINITY;
        int lmpBuilds = -1;
        for (int r = 0; r < Math.max(1, s.repeats()); r++) {
            MdResult ours = new MdRunner(eam, md).run(MdState.of(cu));
            if (!ours.completed()) {
                throw new IllegalStateException("benchmark MD failed: " + ours.reason());
            }
            if (best == null || cpu(ours) < cpu(best)) {
                best = ours;
            }
            oursBestWall = Math.min(oursBestWall, ours.wallSeconds());
            if (lmp != null) {
                double[] l = runLammps(lmp, s, cu.size());
                if (l[2] < lmpBest) {
                    lmpBest = l[2];
                    lmpBuilds = (int) l[1];
                }
                lmpBestWall = Math.min(lmpBestWall, l[0]);
            }
        }
        double perStepAtom = 1e6 / ((double) s.steps() * cu.size());
        return new Result(cu.size(), s.steps(), cpu(best) * perStepAtom,
                lmp == null ? null : lmpBest * perStepAtom, best.neighborRebuilds(),
                lmp == null ? null : lmpBuilds, best.last().temperature(), oursBestWall * perStepAtom,
                lmp == null ? null : lmpBestWall * perStepAtom);
    }

    private static double cpu(MdResult r) {
        return Double.isNaN(r.cpuSeconds()) ? r.wallSeconds() : r.cpuSeconds();
    }

    private static String findLammps() {
        String path = System.getenv("PATH");
        for (String name : List.of("lmp", "lmp_serial", "lmp_stable")) {
            for (String dir : path == null ? new String[0] : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    /** @return {loop wall seconds, neighbor builds, loop CPU seconds} */
    private static double[] runLammps(String lmp, Settings s, int atoms) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("eelt-bench-lammps");
        try {
            String file = s.potential().toAbsolutePath().toString();
            boolean alloy = file.endsWith(".eam.alloy");
            String in = String.join("\n",
                    "units metal", "atom_style atomic", "boundary p p p",
                    "lattice fcc 3.615", "region box block 0 " + s.cells() + " 0 " + s.cells() + " 0 " + s.cells(),
                    "create_box 1 box", "create_atoms 1 box", "mass 1 63.546",
                    alloy ? "pair_style eam/alloy" : "pair_style eam",
                    alloy ? "pair_coeff * * " + file + " Cu" : "pair_coeff 1 1 " + file,
                    "neighbor " + s.skin() + " bin", "neigh_modify every 1 delay 0 check yes",
                    "velocity all create " + s.temperature() + " 12345 mom yes rot no dist gaussian",
                    "fix 1 all nve", "fix 2 all langevin " + s.temperature() + " " + s.temperature() + " 0.1 54321",
                    "timestep " + s.timestep(), "thermo " + s.steps(), "run " + s.steps(), "");
            Files.writeString(dir.resolve("in.bench"), in);
            ProcessBuilder pb = new ProcessBuilder(lmp, "-in", "in.bench", "-log", "log.lammps", "-screen", "none",
                    "-nocite").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            if (!p.waitFor(1800, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("LAMMPS benchmark timed out in " + dir);
            }
            String log = Files.exists(dir.resolve("log.lammps")) ? Files.readString(dir.resolve("log.lammps")) : "";
            if (p.exitValue() != 0) {
                throw new IllegalStateException("LAMMPS failed (" + p.exitValue() + "): "
                        + log.substring(Math.max(0, log.length() - 600)) + Files.readString(dir.resolve("out.txt")));
            }
            Matcher loop = Pattern.compile("Loop time of ([0-9.eE+-]+) on 1 procs for (\\d+) steps with (\\d+) atoms")
                    .matcher(log);
            Matcher builds = Pattern.compile("Neighbor list builds = (\\d+)").matcher(log);
            Matcher cpu = Pattern.compile("([0-9.]+)% CPU use with").matcher(log);
            if (!loop.find() || !builds.find() || !cpu.find() || Integer.parseInt(loop.group(3)) != atoms) {
                throw new IllegalStateException("cannot read the LAMMPS timing from its log: "
                        + log.substring(Math.max(0, log.length() - 600)));
            }
            double wall = Double.parseDouble(loop.group(1));
            return new double[] {wall, Integer.parseInt(builds.group(1)), wall * Double.parseDouble(cpu.group(1)) / 100};
        } finally {
            try (Stream<Path> w = Files.walk(dir)) {
                w.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Command-line entry: {@code [potential-file [cells [steps [repeats]]]]}; prints the JSON report.
     */
    public static void main(String[] args) throws Exception {
        Settings d = Settings.defaults();
        Settings s = new Settings(args.length > 0 ? Path.of(args[0]) : d.potential(),
                args.length > 1 ? Integer.parseInt(args[1]) : d.cells(),
                args.length > 2 ? Integer.parseInt(args[2]) : d.steps(), d.timestep(), d.temperature(), d.skin(),
                args.length > 3 ? Integer.parseInt(args[3]) : d.repeats());
        System.out.println(run(s).toJson());
    }
}
