package org.eelt.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;

/** Frames for store tests: water-like boxes and small random clusters, deterministic per seed. */
final class TestData {
    static final String SETTINGS = "oracle=eam file=Cu_u3.eam";

    private TestData() {
    }

    /** @return the shared reference folder, found by walking up from the working directory. */
    static Path shared() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("shared/DESIGN.md"))) {
                return p.resolve("shared");
            }
        }
        throw new IllegalStateException("no shared/DESIGN.md above " + Path.of("").toAbsolutePath());
    }

    /**
     * A water-like frame: 64 H2O (192 atoms) in a 12.42 Å cube, O on a jittered 4×4×4 grid and
     * H at about 0.96 Å, with random labels of DFT magnitude (E ≈ −30 eV/atom, |F| ~ 1 eV/Å).
     */
    static LabeledFrame water(long seed) {
        Random r = new Random(seed);
        double box = 12.42;
        int molecules = 64;
        String[] species = new String[3 * molecules];
        double[] pos = new double[9 * molecules];
        int m = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++, m++) {
                    double ox = (i + 0.5) * box / 4 + 0.3 * r.nextGaussian();
                    double oy = (j + 0.5) * box / 4 + 0.3 * r.nextGaussian();
                    double oz = (k + 0.5) * box / 4 + 0.3 * r.nextGaussian();
                    species[m] = "O";
                    pos[3 * m] = ox;
                    pos[3 * m + 1] = oy;
                    pos[3 * m + 2] = oz;
                    for (int h = 0; h < 2; h++) {
                        int a = molecules + 2 * m + h;
                        species[a] = "H";
                        double[] d = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                        double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                        for (int c = 0; c < 3; c++) {
                            pos[3 * a + c] = pos[3 * m + c] + 0.96 * d[c] / norm;
                        }
                    }
                }
            }
        }
        Structure s = new Structure(species, pos, Cell.orthorhombic(box, box, box));
        return label(s, r, true, SETTINGS);
    }

    /** A small non-periodic cluster of {@code n} Cu atoms with random labels. */
    static LabeledFrame cluster(long seed, int n, String settings) {
        Random r = new Random(seed);
        String[] species = new String[n];
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            species[i] = "Cu";
            for (int c = 0; c < 3; c++) {
                pos[3 * i + c] = 2.5 * i * (c == 0 ? 1 : 0) + r.nextDouble();
            }
        }
        return label(new Structure(species, pos, Cell.nonPeriodic()), r, false, settings);
    }

    static LabeledFrame label(Structure s, Random r, boolean full, String settings) {
        int n = s.size();
        double[] f = new double[3 * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextGaussian();
        }
        double[] v = null;
        double[] ae = null;
        double e = -30.0 * n + r.nextGaussian();
        if (full) {
            v = new double[9];
            for (int i = 0; i < 9; i++) {
                v[i] = 10 * r.nextGaussian();
            }
            ae = new double[n];
            for (int i = 0; i < n; i++) {
                ae[i] = e / n + 0.01 * r.nextGaussian();
            }
        }
        Provenance p = new Provenance("test-oracle", settings, "3", r.nextLong(), "0.1.0-SNAPSHOT", 1_760_000_000_000L);
        return new LabeledFrame(new Frame(s, e, f, v, ae), p);
    }

    /** @return {@code count} distinct small clusters. */
    static List<LabeledFrame> clusters(int count, int atoms) {
        List<LabeledFrame> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(cluster(1000 + i, atoms, SETTINGS));
        }
        return out;
    }
}
