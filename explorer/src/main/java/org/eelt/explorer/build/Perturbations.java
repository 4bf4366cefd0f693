package org.eelt.explorer.build;

import org.eelt.explorer.md.Gaussian;
import org.eelt.protocol.atoms.Structure;

import java.util.SplittableRandom;

/** Seeded random perturbations of structures: rattles and homogeneous cell strains. */
public final class Perturbations {
    private Perturbations() {
    }

    /**
     * Displaces every atom by independent Gaussian noise of standard deviation {@code sigma} Å
     * per Cartesian component (the cell is unchanged).
     *
     * @param seed random seed (same seed, same displacements)
     */
    public static Structure rattle(Structure s, double sigma, long seed) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("rattle amplitude must be >= 0 Å, got " + sigma);
        }
        Gaussian g = new Gaussian(new SplittableRandom(seed));
        double[] r = s.positions();
        for (int i = 0; i < r.length; i++) {
            r[i] += sigma * g.next();
        }
        return s.withPositions(r);
    }

    /**
     * Applies a random symmetric strain ε with each independent component ε_ab (a ≤ b) uniform in
     * [−maxStrain, maxStrain]: cell H → H(I + ε) and positions r → r(I + ε), so fractional
     * coordinates are kept.
     *
     * @param maxStrain largest strain component (dimensionless, 0 ≤ maxStrain &lt; 0.5)
     * @param seed      random seed
     */
    public static Structure strain(Structure s, double maxStrain, long seed) {
        if (!(maxStrain >= 0) || !(maxStrain < 0.5)) {
            throw new IllegalArgumentException("maxStrain must be in [0, 0.5), got " + maxStrain);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                double e = maxStrain * (2 * rng.nextDouble() - 1);
                m[3 * a + b] += e;
                if (a != b) {
                    m[3 * b + a] += e;
                }
            }
        }
        return deform(s, m);
    }

    /** @return the structure deformed by the row-major matrix M: H → H·M, r → r·M. */
    public static Structure deform(Structure s, double[] m) {
        double[] r = s.positions();
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                out[i + c] = r[i] * m[c] + r[i + 1] * m[3 + c] + r[i + 2] * m[6 + c];
            }
        }
        return new Structure(s.species(), out, s.cell().transformed(m));
    }
}
