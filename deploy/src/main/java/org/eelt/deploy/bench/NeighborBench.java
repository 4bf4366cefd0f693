package org.eelt.deploy.bench;

import org.eelt.potential.neighbor.CellListNeighbors;
import org.eelt.potential.neighbor.NeighborList;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Neighbor-list build benchmark on fcc Cu (a = 3.615 Å, cutoff 6 Å, skin 0 Å by default): for each
 * requested atom count N it builds an n×n×n supercell of the 4-atom cubic cell (n = round(∛(N/4)),
 * so 4n³ atoms) and times {@link CellListNeighbors#build(Structure, double, double, boolean)}, best of
 * a few repeats after a JIT warm-up (up to 400 builds of 864 atoms or 4 s). It reports ms per build, ns per atom, pairs per atom (78 for
 * fcc within 6 Å: shells 12 + 6 + 24 + 12 + 24) and the log–log slope of time against N, which is 1
 * for linear scaling.
 *
 * <p>Times: wall clock (System.nanoTime) and the building thread's CPU time, each the best of the
 * repeats; on a shared machine the CPU time is the steadier number. The build is single-threaded.
 *
 * <p>Memory: the list holds 8 bytes per pair (index + packed image); building needs about twice that
 * plus ~100 bytes per atom, i.e. ≈ 1.4 GB at 10⁶ atoms with a 6 Å cutoff: the default sizes ran
 * with -Xmx2g (measured); give -Xmx3g for headroom.
 */
public final class NeighborBench {
    /** Lattice constant of fcc Cu in Å. */
    public static final double A_CU = 3.615;
    /** Warm-up: at most this many builds of 864 atoms ... */
    private static final int WARMUP_BUILDS = 400;
    /** ... and at most this long (ns). */
    private static final long WARMUP_NANOS = 4_000_000_000L;
    /** Default atom counts: 10³ … 10⁶. */
    public static final int[] DEFAULT_ATOMS = {1_000, 10_000, 100_000, 1_000_000};

    private final double cutoff;
    private final double skin;
    private final int repeats;
    private final boolean sortByNeighbor;

    /**
     * @param cutoff         cutoff in Å (&gt; 0)
     * @param skin           skin in Å (≥ 0)
     * @param repeats        timed builds per size (≥ 1; small sizes get up to 50 so that about 10⁶ atoms
     *                       are built in all), after a JIT warm-up and one untimed build per size
     * @param sortByNeighbor whether to time the sorted-row variant
     */
    public NeighborBench(double cutoff, double skin, int repeats, boolean sortByNeighbor) {
        if (!(cutoff > 0) || !(skin >= 0) || repeats < 1) {
            throw new IllegalArgumentException("need cutoff > 0 Å, skin >= 0 Å and repeats >= 1, got cutoff " + cutoff
                    + ", skin " + skin + ", repeats " + repeats);
        }
        this.cutoff = cutoff;
        this.skin = skin;
        this.repeats = repeats;
        this.sortByNeighbor = sortByNeighbor;
    }

    /** The standard setting: cutoff 6 Å, skin 0, 3 repeats, unsorted rows. */
    public NeighborBench() {
        this(6.0, 0.0, 3, false);
    }

    /**
     * One measured size.
     *
     * @param atoms        number of atoms 4n³
     * @param replicas     n, the supercell replication per axis
     * @param buildMs      best wall-clock build time in ms
     * @param cpuMs        best thread CPU time of a build in ms (NaN when the JVM cannot measure it)
     * @param nsPerAtom    buildMs · 10⁶ / atoms
     * @param pairs        number of directed pairs
     * @param pairsPerAtom pairs / atoms
     * @param listMiB      heap held by the list in MiB ({@link NeighborList#bytes()})
     * @param heapUsedMiB  JVM heap in use right after the last build, list still alive (MiB)
     */
    public record Point(int atoms, int replicas, double buildMs, double cpuMs, double nsPerAtom, long pairs, double pairsPerAtom,
                        double listMiB, double heapUsedMiB) {
    }

    /**
     * @param cutoff           cutoff in Å
     * @param skin             skin in Å
     * @param repeats          timed builds per size
     * @param sortByNeighbor   whether rows were sorted
     * @param points           one entry per size, ascending
     * @param scalingExponent  least-squares slope of ln(buildMs) against ln(atoms)
     * @param cpuScalingExponent the same for the CPU time
     * @param maxHeapMiB       the JVM's maximum heap (MiB)
     * @param processors       available processors
     */
    public record Result(double cutoff, double skin, int repeats, boolean sortByNeighbor, List<Point> points,
                         double scalingExponent, double cpuScalingExponent, double maxHeapMiB, int processors) {
        /** @return the result as a JSON object (units in the key names). */
        public String toJson() {
            StringBuilder sb = new StringBuilder();
            sb.append("{\n  \"benchmark\": \"neighbors\",\n  \"system\": \"fcc Cu\",\n");
            sb.append("  \"lattice_constant_A\": ").append(num(A_CU)).append(",\n");
            sb.append("  \"cutoff_A\": ").append(num(cutoff)).append(",\n");
            sb.append("  \"skin_A\": ").append(num(skin)).append(",\n");
            sb.append("  \"builder\": \"cell-list\",\n");
            sb.append("  \"sorted_rows\": ").append(sortByNeighbor).append(",\n");
            sb.append("  \"repeats\": ").append(repeats).append(",\n");
            sb.append("  \"processors\": ").append(processors).append(",\n");
            sb.append("  \"max_heap_MiB\": ").append(num(maxHeapMiB)).append(",\n");
            sb.append("  \"scaling_exponent\": ").append(num(scalingExponent)).append(",\n");
            sb.append("  \"cpu_scaling_exponent\": ").append(num(cpuScalingExponent)).append(",\n");
            sb.append("  \"points\": [");
            for (int k = 0; k < points.size(); k++) {
                Point p = points.get(k);
                sb.append(k == 0 ? "\n" : ",\n");
                sb.append("    {\"atoms\": ").append(p.atoms())
                        .append(", \"replicas\": ").append(p.replicas())
                        .append(", \"build_ms\": ").append(num(p.buildMs()))
                        .append(", \"cpu_ms\": ").append(num(p.cpuMs()))
                        .append(", \"ns_per_atom\": ").append(num(p.nsPerAtom()))
                        .append(", \"pairs\": ").append(p.pairs())
                        .append(", \"pairs_per_atom\": ").append(num(p.pairsPerAtom()))
                        .append(", \"list_MiB\": ").append(num(p.listMiB()))
                        .append(", \"heap_used_MiB\": ").append(num(p.heapUsedMiB()))
                        .append('}');
            }
            sb.append("\n  ]\n}\n");
            return sb.toString();
        }

        private static String num(double v) {
            if (!Double.isFinite(v)) {
                return "null";
            }
            return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
                    .replaceFirst("\\.(e|$)", "$1");
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param atomCounts target atom counts (each ≥ 4); the fcc supercell nearest to each is used
     * @return the measurements, sizes ascending
     */
    public Result run(int[] atomCounts) {
        if (atomCounts == null || atomCounts.length == 0) {
            throw new IllegalArgumentException("give at least one atom count");
        }
        int[] sorted = atomCounts.clone();
        Arrays.sort(sorted);
        // warm up the JIT to steady state: ~250 builds of 864 atoms were needed on the build machine
        Structure warm = fccCu(6);
        long warmEnd = System.nanoTime() + WARMUP_NANOS;
        for (int k = 0; k < WARMUP_BUILDS && System.nanoTime() < warmEnd; k++) {
            CellListNeighbors.build(warm, cutoff, skin, sortByNeighbor);
        }
        List<Point> points = new ArrayList<>();
        for (int target : sorted) {
            if (target < 4) {
                throw new IllegalArgumentException("atom count must be >= 4 (one fcc cell), got " + target);
            }
            int n = Math.max(1, (int) Math.round(Math.cbrt(target / 4.0)));
            Structure s = fccCu(n);
            NeighborList list = CellListNeighbors.build(s, cutoff, skin, sortByNeighbor);
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            int reps = Math.max(repeats, Math.min(50, 1_000_000 / s.size()));
            for (int r = 0; r < reps; r++) {
                list = null;
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                list = CellListNeighbors.build(s, cutoff, skin, sortByNeighbor);
                best = Math.min(best, System.nanoTime() - t0);
                bestCpu = Math.min(bestCpu, cpuNanos() - c0);
            }
            double heapUsed = usedHeapMiB();
            double cpuMs = bestCpu < 0 ? Double.NaN : bestCpu / 1e6;
            points.add(new Point(s.size(), n, best / 1e6, cpuMs, best / (double) s.size(), list.pairs(),
                    list.pairs() / (double) s.size(), list.bytes() / 1048576.0, heapUsed));
        }
        return new Result(cutoff, skin, repeats, sortByNeighbor, List.copyOf(points), slope(points, false),
                slope(points, true),
                Runtime.getRuntime().maxMemory() / 1048576.0, Runtime.getRuntime().availableProcessors());
    }

    /** Least-squares slope of ln t against ln N (t wall or CPU time); NaN for fewer than two sizes. */
    static double slope(List<Point> points, boolean cpu) {
        int m = points.size();
        if (m < 2) {
            return Double.NaN;
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Point p : points) {
            double x = Math.log(p.atoms()), y = Math.log(cpu ? p.cpuMs() : p.buildMs());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (m * sxy - sx * sy) / (m * sxx - sx * sx);
    }

    /** Thread CPU time in ns, or a negative number where unsupported. */
    private static long cpuNanos() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1L;
    }

    private static double usedHeapMiB() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    /** An n×n×n supercell of the conventional 4-atom fcc Cu cell (a = 3.615 Å), fully periodic. */
    private static Structure fccCu(int n) {
        double[] basis = {0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5};
        int atoms = 4 * n * n * n;
        double[] r = new double[3 * atoms];
        int q = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < n; z++) {
                    for (int b = 0; b < 4; b++) {
                        r[q++] = (x + basis[3 * b]) * A_CU;
                        r[q++] = (y + basis[3 * b + 1]) * A_CU;
                        r[q++] = (z + basis[3 * b + 2]) * A_CU;
                    }
                }
            }
        }
        String[] species = new String[atoms];
        Arrays.fill(species, "Cu");
        double l = n * A_CU;
        return new Structure(species, r, Cell.orthorhombic(l, l, l));
    }

    /**
     * Prints the JSON of a run, for measuring outside the CLI.
     * Arguments: optional atom counts (default 10³ … 10⁶). Runs with -Xmx2g for 10⁶ atoms (-Xmx3g advised).
     */
    public static void main(String[] args) {
        int[] counts = args.length == 0 ? DEFAULT_ATOMS : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.print(new NeighborBench().run(counts).toJson());
    }
}
