package org.eelt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

class ContentHashTest {
    private static final ContentHasher HASHER = ContentHasher.defaults();

    /** A fixed 3-atom structure: its hash must never change (stable across JVMs, runs and releases). */
    static Structure fixed() {
        return new Structure(new String[] {"O", "H", "H"},
                new double[] {0.0, 0.0, 0.117, 0.0, 0.757, -0.469, 0.0, -0.757, -0.469},
                Cell.periodic(10.0, 0, 0, 0.5, 11.0, 0, 0, 0, 12.0));
    }

    @Test
    void fixedStructureHasAFixedHash() {
        ContentHash h = HASHER.hash(fixed(), "dft:pbe cutoff=500");
        assertEquals(EXPECTED_FIXED, h.hex());
        assertEquals(h, ContentHash.ofHex(h.hex().toUpperCase()));
        assertEquals(h, ContentHash.ofBytes(h.bytes()));
    }

    /**
     * Computed once and cross-checked with an independent Python implementation of the layout
     * documented in {@link ContentHasher} (struct.pack big-endian, exact rounding with fractions).
     */
    static final String EXPECTED_FIXED = "84c71171552195d7bd33003c792ec5f3105c71a7a230e74e8628e8b801967015";

    @Test
    void noiseBelowResolutionDoesNotChangeTheHash() {
        Random r = new Random(7);
        double d = ContentHasher.DEFAULT_RESOLUTION;
        int n = 192;
        double[] grid = new double[3 * n];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.round(r.nextDouble() * 12.0 / d) * d;
        }
        Structure base = new Structure(species(n), grid, Cell.orthorhombic(12, 12, 12));
        ContentHash h0 = HASHER.hash(base, "s");
        for (int trial = 0; trial < 20; trial++) {
            double[] noisy = grid.clone();
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] += (r.nextDouble() - 0.5) * 0.8 * d;
            }
            assertEquals(h0, HASHER.hash(base.withPositions(noisy), "s"), "noise below δ/2 changed the hash");
        }
        // a shift of one resolution step of one coordinate is a different candidate
        double[] moved = grid.clone();
        moved[100] += d;
        assertNotEquals(h0, HASHER.hash(base.withPositions(moved), "s"));
        // −0.0 and 0.0 are the same coordinate
        double[] zero = grid.clone();
        zero[0] = 0.0;
        double[] negZero = grid.clone();
        negZero[0] = -0.0;
        assertEquals(HASHER.hash(base.withPositions(zero), "s"), HASHER.hash(base.withPositions(negZero), "s"));
    }

    @Test
    void hashIsSensitiveToSpeciesCellPbcAndSettings() {
        Structure s = fixed();
        ContentHash h = HASHER.hash(s, "a");
        assertNotEquals(h, HASHER.hash(s, "b"), "settings");
        Structure swapped = new Structure(new String[] {"H", "O", "H"}, s.positions(), s.cell());
        assertNotEquals(h, HASHER.hash(swapped, "a"), "species order");
        Cell c = s.cell();
        double[] m = c.matrix();
        m[4] += 1e-5;
        assertNotEquals(h, HASHER.hash(s.withCell(new Cell(m, c.pbc())), "a"), "cell");
        assertNotEquals(h, HASHER.hash(s.withCell(new Cell(c.matrix(), new boolean[] {true, true, false})), "a"), "pbc");
        assertNotEquals(h, new ContentHasher(1e-5).hash(s, "a"), "resolution is part of the identity");
        assertEquals(h, HASHER.hash(fixed(), "a"), "deterministic");
    }

    @Test
    void quantizerRoundsTheExactBinaryValue() {
        Quantizer half = new Quantizer(0.5);
        // exact ties (dyadic resolution) go to the even multiple
        assertEquals(0, half.quantize(0.25));
        assertEquals(2, half.quantize(0.75));
        assertEquals(0, half.quantize(-0.25));
        assertEquals(-2, half.quantize(-0.75));
        assertEquals(1, half.quantize(0.2500000000000001));
        Quantizer q = new Quantizer(1e-6);
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double x;
            if (i % 2 == 0) {
                x = (r.nextDouble() - 0.5) * 2e3;
            } else {
                // values within a few ulps of a decimal midpoint (k + ½)·δ, where double division errs
                long k = r.nextLong() % 1_000_000_000L;
                x = (k + 0.5) * 1e-6;
                for (int u = r.nextInt(7) - 3; u != 0; u -= Integer.signum(u)) {
                    x = u > 0 ? Math.nextUp(x) : Math.nextDown(x);
                }
            }
            assertEquals(reference(x, 1e-6), q.quantize(x), "x = " + x);
        }
        assertThrows(IllegalArgumentException.class, () -> q.quantize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Quantizer(0));
        assertThrows(IllegalArgumentException.class, () -> new Quantizer(Double.NaN));
    }

    /** Round-half-even of x/δ on the exact binary values, with 60-digit division. */
    private static long reference(double x, double delta) {
        BigDecimal s = new BigDecimal(x).divide(new BigDecimal(delta), new MathContext(60, RoundingMode.HALF_EVEN));
        return s.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    @Test
    void badHashTextIsRejectedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> ContentHash.ofHex("abc"));
        assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContentHash.ofHex("z".repeat(64)));
    }

    private static String[] species(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = i % 3 == 0 ? "O" : "H";
        }
        return s;
    }
}
