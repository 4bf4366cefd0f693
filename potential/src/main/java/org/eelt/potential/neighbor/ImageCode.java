package org.eelt.potential.neighbor;

/**
 * Packs a periodic image (n_a, n_b, n_c) ∈ ℤ³ into one {@code int}, so that a neighbor list
 * stores 4 bytes per pair instead of a 24-byte Cartesian shift. The shift in Å is recovered
 * through the cell matrix H (rows a, b, c in Å): S = n_a·a + n_b·b + n_c·c.
 *
 * <p>Layout: each component is stored with a bias of {@value #BIAS} in {@value #BITS} bits,
 * code = (n_a + 512) | (n_b + 512) ≪ 10 | (n_c + 512) ≪ 20, so every component must lie in
 * [{@value #MIN}, {@value #MAX}]. Codes are non-negative and ordered lexicographically by
 * (n_c, n_b, n_a). Because the packing is linear while components stay in range,
 * {@code ZERO + raw(n)} with {@link #raw(int, int, int)} equals {@code pack(n)}, and raw values add.
 */
public final class ImageCode {
    /** Bits per component. */
    public static final int BITS = 10;
    /** Bias added to every component. */
    public static final int BIAS = 1 << (BITS - 1);
    /** Smallest storable image index. */
    public static final int MIN = -BIAS;
    /** Largest storable image index. */
    public static final int MAX = BIAS - 1;
    /** The code of the zero image (0, 0, 0). */
    public static final int ZERO = BIAS | BIAS << BITS | BIAS << (2 * BITS);
    private static final int MASK = (1 << BITS) - 1;

    private ImageCode() {
    }

    /** @return whether all three image indices fit in a code. */
    public static boolean fits(int na, int nb, int nc) {
        return na >= MIN && na <= MAX && nb >= MIN && nb <= MAX && nc >= MIN && nc <= MAX;
    }

    /**
     * @return the code of image (na, nb, nc)
     * @throws IllegalArgumentException when a component is outside [MIN, MAX]
     */
    public static int pack(int na, int nb, int nc) {
        if (!fits(na, nb, nc)) {
            throw new IllegalArgumentException("image (" + na + ", " + nb + ", " + nc
                    + ") does not fit an image code: components must be in [" + MIN + ", " + MAX + "]");
        }
        return ZERO + raw(na, nb, nc);
    }

    /**
     * The unbiased linear form na + nb·2¹⁰ + nc·2²⁰; {@code ZERO + raw(n)} is the code of n when every
     * component is in range, and raw(n) + raw(m) = raw(n + m).
     */
    public static int raw(int na, int nb, int nc) {
        return na + (nb << BITS) + (nc << (2 * BITS));
    }

    /** @return image index k (0 = a, 1 = b, 2 = c) of a code. */
    public static int component(int code, int k) {
        return ((code >>> (BITS * k)) & MASK) - BIAS;
    }

    /**
     * Cartesian component k (Å) of the shift of {@code code}: S_k = n_a·H[0][k] + n_b·H[1][k] + n_c·H[2][k].
     *
     * @param h row-major cell matrix in Å
     */
    public static double shift(int code, double[] h, int k) {
        return component(code, 0) * h[k] + component(code, 1) * h[3 + k] + component(code, 2) * h[6 + k];
    }
}
