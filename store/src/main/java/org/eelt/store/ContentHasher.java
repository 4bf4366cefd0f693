package org.eelt.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/**
 * Computes {@link ContentHash}es: SHA-256 over a canonical byte string of
 * <ol>
 *   <li>the tag {@code "eelt.content-hash.v1"} and the resolution δ (IEEE-754 bits),</li>
 *   <li>the atom count N and the species labels in atom order (UTF-8, length-prefixed),</li>
 *   <li>the 3N positions rounded to multiples of δ (Å) by {@link Quantizer}, as 64-bit integers,</li>
 *   <li>the 9 cell-matrix entries (rows a, b, c; Å) rounded the same way,</li>
 *   <li>the 3 periodic flags,</li>
 *   <li>the oracle settings string (UTF-8, length-prefixed).</li>
 * </ol>
 * Integers are big-endian. The hash is therefore invariant to noise below δ (away from rounding
 * midpoints, see {@link Quantizer}) and sensitive to any species, cell, flag or settings change.
 * It does <em>not</em> canonicalise atom order or wrap atoms into the cell: a permuted or
 * re-imaged copy is a different candidate.
 *
 * <p>Format history: v1 (EELT 0.1.0) as above. A new layout needs a new tag, and a store created
 * with one layout keeps it (the store records δ in its meta column family).
 *
 * <p>Immutable and thread-safe.
 */
public final class ContentHasher {
    /** Default rounding resolution δ = 10⁻⁶ Å. */
    public static final double DEFAULT_RESOLUTION = 1e-6;
    private static final byte[] TAG = "eelt.content-hash.v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CV_TAG = "eelt.cv-hash.v1".getBytes(StandardCharsets.UTF_8);

    private final Quantizer quantizer;

    /** @param resolution rounding resolution δ in Å (finite, positive) */
    public ContentHasher(double resolution) {
        this.quantizer = new Quantizer(resolution);
    }

    /** @return a hasher with δ = {@value #DEFAULT_RESOLUTION} Å. */
    public static ContentHasher defaults() {
        return new ContentHasher(DEFAULT_RESOLUTION);
    }

    /** @return the resolution δ in Å. */
    public double resolution() {
        return quantizer.resolution();
    }

    /**
     * @param structure      the candidate (positions and cell in Å)
     * @param oracleSettings the oracle's canonical settings text ({@code Provenance.settings()})
     * @return the content hash
     */
    public ContentHash hash(Structure structure, String oracleSettings) {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(oracleSettings, "oracleSettings");
        int n = structure.size();
        byte[][] names = new byte[n][];
        int size = TAG.length + 8 + 4 + 8 * (3 * n + 9) + 3 + 4;
        for (int i = 0; i < n; i++) {
            names[i] = structure.species(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + names[i].length;
        }
        byte[] settings = oracleSettings.getBytes(StandardCharsets.UTF_8);
        size += settings.length;
        ByteBuffer out = ByteBuffer.allocate(size); // big-endian
        out.put(TAG);
        out.putLong(Double.doubleToLongBits(quantizer.resolution()));
        out.putInt(n);
        for (byte[] name : names) {
            out.putInt(name.length).put(name);
        }
        for (double x : structure.positions()) {
            out.putLong(quantizer.quantize(x));
        }
        Cell cell = structure.cell();
        for (double h : cell.matrix()) {
            out.putLong(quantizer.quantize(h));
        }
        for (boolean p : cell.pbc()) {
            out.put((byte) (p ? 1 : 0));
        }
        out.putInt(settings.length).put(settings);
        return ContentHash.ofBytes(sha256().digest(out.array()));
    }

    /**
     * Content hash of a free-energy label: SHA-256 over the tag {@code "eelt.cv-hash.v1"}, δ, the
     * dimension d, the d restraint-center values rounded to multiples of δ (in CV units: Å, rad
     * or dimensionless; periodic CVs must be wrapped to (−π, π] by the caller) and the oracle
     * settings (which include κ, temperature and MD length). Format history: v1 (schema 2).
     *
     * @param center         s0, d values
     * @param oracleSettings the oracle's canonical settings text
     * @return the content hash
     */
    public ContentHash hashCv(double[] center, String oracleSettings) {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(oracleSettings, "oracleSettings");
        byte[] settings = oracleSettings.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(CV_TAG.length + 8 + 4 + 8 * center.length + 4 + settings.length);
        out.put(CV_TAG);
        out.putLong(Double.doubleToLongBits(quantizer.resolution()));
        out.putInt(center.length);
        for (double x : center) {
            out.putLong(quantizer.quantize(x));
        }
        out.putInt(settings.length).put(settings);
        return ContentHash.ofBytes(sha256().digest(out.array()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
