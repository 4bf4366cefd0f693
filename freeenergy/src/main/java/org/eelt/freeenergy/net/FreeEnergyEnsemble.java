package org.eelt.freeenergy.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * K free-energy nets of the same feature map and shape that differ in their initial seeds
 * (default K = 4). Gives the mean free energy Ā, the mean force F̄ = −∇_s Ā and the mean-force
 * deviation
 * <pre>
 *   ε(s) = sqrt((1/d) Σ_q σ_q²),   σ_q² = (1/K) Σ_m (F_mq − F̄_q)²,   F_m = −∇_s A_m
 * </pre>
 * with its exact gradient (used by the biased-MD switch): since Σ_m (F_m − F̄) = 0,
 * ∇_s σ_q² = (2/K) Σ_m (F_mq − F̄_q) ∇_s F_mq, and ∇_s F_mq = −(H_m)_{q·}, so
 * <pre>
 *   ∇_s ε = −(1/(ε d K)) Σ_m H_m (F_m − F̄)
 * </pre>
 * with H_m the Hessian of A_m, applied as exact Hessian–vector products (forward-over-reverse). At
 * ε = 0 the gradient is undefined and reported as 0. Immutable and thread-safe.
 */
public final class FreeEnergyEnsemble {
    /** The default number of members. */
    public static final int DEFAULT_SIZE = 4;

    private final List<FreeEnergyNet> members;

    /** @param members the nets (non-empty, same CV dimension) */
    public FreeEnergyEnsemble(List<FreeEnergyNet> members) {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("a free-energy ensemble needs at least one net");
        }
        int d = members.get(0).dimension();
        for (FreeEnergyNet n : members) {
            if (n.dimension() != d) {
                throw new IllegalArgumentException("ensemble members must have the same number of CVs, got " + d + " and "
                        + n.dimension());
            }
        }
        this.members = List.copyOf(members);
    }

    /**
     * @param features map shared by all members
     * @param hidden   hidden widths
     * @param size     K
     * @param seed     member m gets seed {@code seed + m}
     * @return K freshly initialized members
     */
    public static FreeEnergyEnsemble initial(FeatureMap features, int[] hidden, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("ensemble size must be >= 1, got " + size);
        }
        List<FreeEnergyNet> m = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            m.add(FreeEnergyNet.initial(features, hidden, seed + k));
        }
        return new FreeEnergyEnsemble(m);
    }

    /** @return the members. */
    public List<FreeEnergyNet> members() {
        return members;
    }

    /** @return K. */
    public int size() {
        return members.size();
    }

    /** @return d, the number of CVs. */
    public int dimension() {
        return members.get(0).dimension();
    }

    /** @return an ensemble with member m replaced. */
    public FreeEnergyEnsemble withMember(int m, FreeEnergyNet net) {
        List<FreeEnergyNet> l = new ArrayList<>(members);
        l.set(m, net);
        return new FreeEnergyEnsemble(l);
    }

    /** @return Ā(s). */
    public double meanA(double[] s) {
        double a = 0;
        for (FreeEnergyNet n : members) {
            a += n.value(s);
        }
        return a / members.size();
    }

    /** @return Ā, F̄ and ε at s (without ∇ε). */
    public EnsemblePoint evaluate(double[] s) {
        return evaluate(s, false);
    }

    /**
     * @param s                 the point (CV units)
     * @param deviationGradient whether to compute ∂ε/∂s as well (K more Hessian–vector products)
     */
    public EnsemblePoint evaluate(double[] s, boolean deviationGradient) {
        int d = dimension(), k = members.size();
        double[][] grads = new double[k][d];
        MlpPass[] passes = new MlpPass[k];
        double a = 0;
        double[] mg = new double[d];
        for (int m = 0; m < k; m++) {
            FreeEnergyNet n = members.get(m);
            if (s.length != d) {
                throw new IllegalArgumentException("ensemble over " + d + " CVs got a point with " + s.length + " components");
            }
            passes[m] = n.pass();
            a += n.valueAndGradient(passes[m], s, grads[m]) / k;
            for (int q = 0; q < d; q++) {
                mg[q] += grads[m][q] / k;
            }
        }
        double var = 0;
        for (int m = 0; m < k; m++) {
            for (int q = 0; q < d; q++) {
                double dev = grads[m][q] - mg[q];
                var += dev * dev;
            }
        }
        double eps = Math.sqrt(var / (k * (double) d));
        double[] force = new double[d];
        for (int q = 0; q < d; q++) {
            force[q] = -mg[q];
        }
        double[] geps = null;
        if (deviationGradient) {
            geps = new double[d];
            if (eps > 0) {
                double[] delta = new double[d], hv = new double[d], tmp = new double[d];
                for (int m = 0; m < k; m++) {
                    FreeEnergyNet n = members.get(m);
                    for (int q = 0; q < d; q++) {
                        delta[q] = -(grads[m][q] - mg[q]); // F_m − F̄
                    }
                    n.hessianVector(passes[m], s, delta, tmp, hv);
                    for (int q = 0; q < d; q++) {
                        geps[q] -= hv[q] / (eps * d * k);
                    }
                }
            }
        }
        return new EnsemblePoint(a, mg, force, eps, geps);
    }

    /** @return the versioned bytes of this ensemble ({@link NetCodec}). */
    public byte[] toBytes() {
        return NetCodec.encode(this);
    }

    /** @return the ensemble encoded by {@link #toBytes()}. */
    public static FreeEnergyEnsemble fromBytes(byte[] bytes) {
        return NetCodec.decodeEnsemble(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FreeEnergyEnsemble e && members.equals(e.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "FreeEnergyEnsemble[K=" + members.size() + ", d=" + dimension() + ", widths="
                + Arrays.toString(members.get(0).hidden()) + "]";
    }
}
