package org.eelt.freeenergy.cv;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eelt.protocol.atoms.Cell;

/**
 * s = Σ_q c_q s_q(x), a linear combination of non-periodic CVs (a periodic term would make the
 * wrap of the sum ambiguous and is refused). Unit: the terms' common unit (or {@code "mixed"}).
 * The domain is [Σ min(c_q a_q, c_q b_q), Σ max(c_q a_q, c_q b_q)] from the terms' domains [a_q, b_q].
 */
public final class LinearCombination implements CollectiveVariable {
    private final List<CollectiveVariable> terms;
    private final double[] coefficients;

    /**
     * @param terms        the CVs (non-empty, none periodic)
     * @param coefficients c_q, one finite number per term
     */
    public LinearCombination(List<CollectiveVariable> terms, double[] coefficients) {
        if (terms == null || terms.isEmpty() || coefficients == null || coefficients.length != terms.size()) {
            throw new IllegalArgumentException("linear combination needs as many coefficients as CVs (at least one), got "
                    + (terms == null ? 0 : terms.size()) + " CVs and "
                    + (coefficients == null ? 0 : coefficients.length) + " coefficients");
        }
        for (CollectiveVariable t : terms) {
            if (t.periodic()) {
                throw new IllegalArgumentException("linear combination cannot contain the periodic CV " + t.name()
                        + ": use it as a CV of its own");
            }
        }
        for (double c : coefficients) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("linear combination coefficients must be finite, got "
                        + Arrays.toString(coefficients));
            }
        }
        this.terms = List.copyOf(terms);
        this.coefficients = coefficients.clone();
    }

    @Override
    public String name() {
        StringBuilder b = new StringBuilder("lincomb(");
        for (int q = 0; q < terms.size(); q++) {
            b.append(q == 0 ? "" : "+").append(coefficients[q]).append('*').append(terms.get(q).name());
        }
        return b.append(')').toString();
    }

    @Override
    public String unit() {
        Set<String> u = new LinkedHashSet<>();
        for (CollectiveVariable t : terms) {
            u.add(t.unit());
        }
        return u.size() == 1 ? u.iterator().next() : "mixed";
    }

    @Override
    public int[] atoms() {
        Set<Integer> all = new LinkedHashSet<>();
        for (CollectiveVariable t : terms) {
            for (int a : t.atoms()) {
                all.add(a);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private double bound(boolean upper) {
        double sum = 0;
        for (int q = 0; q < terms.size(); q++) {
            double c = coefficients[q];
            if (c == 0) {
                continue;
            }
            double a = c * terms.get(q).domainMin(), b = c * terms.get(q).domainMax();
            sum += upper ? Math.max(a, b) : Math.min(a, b);
        }
        return sum;
    }

    @Override
    public double domainMin() {
        return bound(false);
    }

    @Override
    public double domainMax() {
        return bound(true);
    }

    @Override
    public double valueAndGradient(double[] x, Cell cell, double[] grad) {
        Geometry.check(this, x, grad);
        Arrays.fill(grad, 0);
        double[] g = new double[x.length];
        double s = 0;
        for (int q = 0; q < terms.size(); q++) {
            s += coefficients[q] * terms.get(q).valueAndGradient(x, cell, g);
            for (int a = 0; a < g.length; a++) {
                grad[a] += coefficients[q] * g[a];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return name();
    }
}
