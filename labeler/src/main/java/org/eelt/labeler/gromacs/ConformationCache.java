package org.eelt.labeler.gromacs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Conformations (.gro files with velocities) already equilibrated at some (φ, ψ), so that a label
 * can start from the one nearest its center instead of being dragged across the map. Distances are
 * periodic: d = sqrt(Σ_i wrap(a_i − b_i)²) in rad. A conformation within {@value #MERGE_RAD} rad of a
 * stored one replaces it, so the cache grows with the explored area, not with the number of labels.
 * Thread-safe.
 */
final class ConformationCache {
    /** Conformations closer than this (rad) share a slot. */
    static final double MERGE_RAD = 0.05;

    /** A stored conformation and its measured angles (rad). */
    record Entry(double[] angles, Path gro) {
    }

    private final Path dir;
    private final List<Entry> entries = new ArrayList<>();
    private int counter;

    /**
     * @param dir   directory holding the cached .gro files (created when missing)
     * @param first the minimised structure and its angles
     */
    ConformationCache(Path dir, Entry first) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        entries.add(first);
    }

    /** @return the stored conformation nearest {@code center} (rad). */
    synchronized Entry nearest(double[] center) {
        Entry best = entries.get(0);
        double bd = Double.POSITIVE_INFINITY;
        for (Entry e : entries) {
            double d = distance(e.angles(), center);
            if (d < bd) {
                bd = d;
                best = e;
            }
        }
        return best;
    }

    /**
     * Copies {@code gro} into the cache under the angles it was measured at.
     *
     * @param angles (φ, ψ) of the conformation, rad
     * @param gro    a .gro file (copied; the caller may delete its own)
     */
    synchronized void add(double[] angles, Path gro) {
        Path target = null;
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0 && distance(entries.get(i).angles(), angles) < MERGE_RAD) {
                target = entries.get(i).gro();
                entries.remove(i);
                break;
            }
        }
        if (target == null) {
            target = dir.resolve("conf-" + (++counter) + ".gro");
        }
        try {
            // copy then rename: a grompp reading the old file of a replaced slot keeps reading it whole
            Path tmp = Files.createTempFile(dir, "incoming-", ".gro");
            Files.copy(gro, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache conformation " + gro + " as " + target, e);
        }
        entries.add(new Entry(angles.clone(), target));
    }

    /** @return the number of stored conformations (the minimised structure included). */
    synchronized int size() {
        return entries.size();
    }

    /** @return the periodic distance sqrt(Σ wrap(a_i − b_i)²) in rad. */
    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = RestrainedMeanForce.wrap(a[i] - b[i]);
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
