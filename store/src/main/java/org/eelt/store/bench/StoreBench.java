package org.eelt.store.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.ContentHash;
import org.eelt.store.ContentHasher;
import org.eelt.store.EeltStore;
import org.eelt.store.LabelCodec;
import org.eelt.store.StoreSettings;

/**
 * Throughput of the store for 192-atom water-like frames (64 H2O in a 12.42 Å cube with
 * energy, forces, virial and atomic energies, about 11 kB per record): single puts with and
 * without sync, batched puts, random gets, in-order iteration, and content hashing. Each phase
 * runs on its own fresh store under the work directory, after a short warm-up.
 *
 * <p>Immutable result; {@link #toJson()} gives one JSON object (rates in operations per second).
 *
 * @param atoms          atoms per frame
 * @param recordBytes    encoded size of one label record
 * @param syncPuts       frames put one by one with sync=true
 * @param syncPutsPerS   labels/s, sync=true, one {@code putLabeled} each
 * @param asyncPuts      frames put one by one with sync=false
 * @param asyncPutsPerS  labels/s, sync=false
 * @param batchSize      labels per {@code putLabeledAll} batch
 * @param batchSyncPerS  labels/s in batches, sync=true (one fsync per batch)
 * @param batchAsyncPerS labels/s in batches, sync=false
 * @param getsPerS       random {@code get(hash)} calls/s (decode included)
 * @param iteratePerS    labels/s through {@code iterate()}
 * @param hashesPerS     content hashes/s of one frame
 */
public record StoreBench(int atoms, int recordBytes, int syncPuts, double syncPutsPerS, int asyncPuts,
                         double asyncPutsPerS, int batchSize, double batchSyncPerS, double batchAsyncPerS,
                         double getsPerS, double iteratePerS, double hashesPerS) {

    /**
     * Runs all phases.
     *
     * @param workDir   a directory for the temporary stores (deleted afterwards)
     * @param frames    frames for the non-sync, batch, get and iterate phases
     * @param syncPuts  frames for the sync single-put phase (fsync-bound, so fewer)
     * @param batchSize labels per batch
     */
    public static StoreBench run(Path workDir, int frames, int syncPuts, int batchSize) {
        if (frames < 1 || syncPuts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("frames, syncPuts and batchSize must be positive");
        }
        List<LabeledFrame> data = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            data.add(waterLike(i));
        }
        List<LabeledFrame> warm = data.subList(0, Math.min(frames, 200));
        timePuts(workDir.resolve("warmup"), warm, false);
        double async = timePuts(workDir.resolve("async"), data, false);
        double sync = timePuts(workDir.resolve("sync"), data.subList(0, Math.min(syncPuts, frames)), true);
        double batchSync = timeBatches(workDir.resolve("batch-sync"), data, batchSize, true);
        double batchAsync = timeBatches(workDir.resolve("batch-async"), data, batchSize, false);
        double[] readRates = timeReads(workDir.resolve("reads"), data);
        ContentHasher hasher = ContentHasher.defaults();
        long t0 = System.nanoTime();
        for (LabeledFrame l : data) {
            hasher.hash(l.structure(), l.provenance().settings());
        }
        double hashes = data.size() / seconds(t0);
        return new StoreBench(data.get(0).structure().size(), LabelCodec.encode(data.get(0)).length,
                Math.min(syncPuts, frames), sync, frames, async, batchSize, batchSync, batchAsync, readRates[0],
                readRates[1], hashes);
    }

    private static double timePuts(Path dir, List<LabeledFrame> data, boolean sync) {
        try (EeltStore s = EeltStore.open(dir, StoreSettings.defaults().withSync(sync))) {
            long t0 = System.nanoTime();
            for (LabeledFrame l : data) {
                s.putLabeled(l);
            }
            return data.size() / seconds(t0);
        } finally {
            delete(dir);
        }
    }

    private static double timeBatches(Path dir, List<LabeledFrame> data, int batch, boolean sync) {
        try (EeltStore s = EeltStore.open(dir, StoreSettings.defaults().withSync(sync))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < data.size(); i += batch) {
                s.putLabeledAll(data.subList(i, Math.min(data.size(), i + batch)));
            }
            return data.size() / seconds(t0);
        } finally {
            delete(dir);
        }
    }

    private static double[] timeReads(Path dir, List<LabeledFrame> data) {
        try (EeltStore s = EeltStore.open(dir, StoreSettings.defaults().withSync(false))) {
            List<ContentHash> hashes = new ArrayList<>();
            for (var r : s.putLabeledAll(data)) {
                hashes.add(r.hash());
            }
            Random rnd = new Random(1);
            int gets = Math.max(data.size(), 2000);
            long t0 = System.nanoTime();
            for (int i = 0; i < gets; i++) {
                if (s.get(hashes.get(rnd.nextInt(hashes.size()))).isEmpty()) {
                    throw new IllegalStateException("benchmark label vanished");
                }
            }
            double getRate = gets / seconds(t0);
            long t1 = System.nanoTime();
            long n = s.iterate().stream().count();
            return new double[] {getRate, n / seconds(t1)};
        } finally {
            delete(dir);
        }
    }

    private static double seconds(long t0) {
        return Math.max(1e-9, (System.nanoTime() - t0) * 1e-9);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete benchmark store " + dir, e);
        }
    }

    /**
     * A deterministic water-like frame: O on a jittered 4×4×4 grid in a 12.42 Å cube, two H at
     * 0.96 Å from each O, labels of DFT magnitude (E ≈ −15 eV/atom, F ~ 1 eV/Å).
     */
    public static LabeledFrame waterLike(long seed) {
        Random r = new Random(seed);
        double box = 12.42;
        String[] species = new String[192];
        double[] pos = new double[576];
        for (int m = 0; m < 64; m++) {
            species[m] = "O";
            for (int c = 0; c < 3; c++) {
                int g = c == 0 ? m / 16 : c == 1 ? (m / 4) % 4 : m % 4;
                pos[3 * m + c] = (g + 0.5) * box / 4 + 0.3 * r.nextGaussian();
            }
            for (int h = 0; h < 2; h++) {
                int a = 64 + 2 * m + h;
                species[a] = "H";
                double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
                double norm = Math.sqrt(x * x + y * y + z * z);
                pos[3 * a] = pos[3 * m] + 0.96 * x / norm;
                pos[3 * a + 1] = pos[3 * m + 1] + 0.96 * y / norm;
                pos[3 * a + 2] = pos[3 * m + 2] + 0.96 * z / norm;
            }
        }
        double[] f = new double[576];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextGaussian();
        }
        double[] v = new double[9];
        for (int i = 0; i < 9; i++) {
            v[i] = 5 * r.nextGaussian();
        }
        double e = -15.0 * 192 + r.nextGaussian();
        double[] ae = new double[192];
        for (int i = 0; i < ae.length; i++) {
            ae[i] = e / 192 + 0.01 * r.nextGaussian();
        }
        Structure s = new Structure(species, pos, Cell.orthorhombic(box, box, box));
        return new LabeledFrame(new Frame(s, e, f, v, ae),
                new Provenance("bench", "dft:pbe", "", seed, "bench", 0));
    }

    /** @return the result as one JSON object. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"atoms\": %d, \"record_bytes\": %d, \"sync_puts\": %d, "
                        + "\"sync_puts_per_s\": %.1f, \"async_puts\": %d, \"async_puts_per_s\": %.1f, "
                        + "\"batch_size\": %d, \"batch_sync_puts_per_s\": %.1f, \"batch_async_puts_per_s\": %.1f, "
                        + "\"gets_per_s\": %.1f, \"iterate_per_s\": %.1f, \"hashes_per_s\": %.1f}",
                atoms, recordBytes, syncPuts, syncPutsPerS, asyncPuts, asyncPutsPerS, batchSize, batchSyncPerS,
                batchAsyncPerS, getsPerS, iteratePerS, hashesPerS);
    }

    /** Command line: {@code StoreBench [workDir] [frames] [syncPuts] [batchSize]}; prints the JSON. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("eelt-store-bench");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int sync = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        System.out.println(run(dir, frames, sync, batch).toJson());
    }
}
