package org.eelt.store;

import java.math.BigDecimal;

/**
 * Rounds coordinates (Å) to integer multiples of a resolution: q(x) = round(x / δ), with the
 * result defined on the <em>exact</em> binary values of x and δ, so it is the same on every
 * JVM, platform and code path.
 *
 * <p><b>Boundary handling.</b> Any rounding grid has boundaries (the midpoints (k + ½)·δ), and a
 * value within noise ε of one can round either way; no scheme removes that. What this class
 * guarantees is that the decision never depends on floating-point error of the division:
 * <ul>
 *   <li>Fast path: s = x / δ in double precision; when |s| &lt; 2⁴⁰ and s is farther than
 *       {@value #MIDPOINT_WINDOW} (in units of δ) from a midpoint, q = rint(s). Here the rounding
 *       error of s (≤ ½ ulp(2⁴⁰) ≈ 1.2·10⁻⁴) cannot cross the midpoint, so the result equals the
 *       exact one.</li>
 *   <li>Exact path otherwise: the candidates k = ⌊s⌋ ± 1 are checked with exact decimal
 *       arithmetic ({@link BigDecimal} of the binary values) so that k·δ ≤ x &lt; (k+1)·δ, and x
 *       is compared exactly with (k + ½)·δ. An exact tie (possible only for dyadic δ such as
 *       0.5) goes to the even k.</li>
 * </ul>
 * A coordinate written in a file as a decimal midpoint (e.g. {@code 0.0000015} with δ = 10⁻⁶)
 * parses to a double just above or below it, and rounds according to that binary value
 * everywhere. −0.0 and 0.0 both give 0.
 *
 * <p>Probability that noise of amplitude ε flips one coordinate: about 2ε/δ; the hash of a
 * structure changes only if such a flip occurs.
 */
public final class Quantizer {
    /** Distance from a midpoint, in units of the resolution, below which the exact path decides. */
    public static final double MIDPOINT_WINDOW = 1e-3;
    private static final double FAST_LIMIT = 0x1p40;

    private final double resolution;
    private final BigDecimal exactResolution;

    /**
     * @param resolution grid spacing δ in Å, finite and positive
     * @throws IllegalArgumentException otherwise
     */
    public Quantizer(double resolution) {
        if (!(resolution > 0) || !Double.isFinite(resolution)) {
            throw new IllegalArgumentException("hash resolution must be a finite positive length in Å, got "
                    + resolution);
        }
        this.resolution = resolution;
        this.exactResolution = new BigDecimal(resolution);
    }

    /** @return the resolution δ in Å. */
    public double resolution() {
        return resolution;
    }

    /**
     * @param x a finite coordinate in Å
     * @return round(x / δ) as defined in the class documentation
     * @throws IllegalArgumentException when x is not finite or x / δ does not fit a long
     */
    public long quantize(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("cannot quantize a non-finite coordinate " + x);
        }
        double s = x / resolution;
        if (Math.abs(s) < FAST_LIMIT) {
            double r = Math.rint(s);
            if (0.5 - Math.abs(s - r) > MIDPOINT_WINDOW) {
                return (long) r;
            }
        }
        return exact(x, s);
    }

    private long exact(double x, double s) {
        if (!(Math.abs(s) < 0x1p62)) {
            throw new IllegalArgumentException("coordinate " + x + " Å is too large for hash resolution "
                    + resolution + " Å (|x/δ| must stay below 2^62)");
        }
        BigDecimal bx = new BigDecimal(x);
        long k = (long) Math.floor(s);
        while (bx.compareTo(exactResolution.multiply(BigDecimal.valueOf(k))) < 0) {
            k--;
        }
        while (bx.compareTo(exactResolution.multiply(BigDecimal.valueOf(k + 1))) >= 0) {
            k++;
        }
        BigDecimal mid = exactResolution.multiply(BigDecimal.valueOf(k).add(BigDecimal.valueOf(0.5)));
        int c = bx.compareTo(mid);
        if (c < 0) {
            return k;
        }
        if (c > 0) {
            return k + 1;
        }
        return (k & 1L) == 0 ? k : k + 1;
    }
}
