package org.eelt.store;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of a candidate structure for labeling: a SHA-256 digest (32 bytes, shown as 64
 * lower-case hex digits) computed by {@link ContentHasher} from the species, rounded positions,
 * rounded cell, periodic flags and oracle settings. Two candidates with equal hashes are the
 * same labeling job; the store keeps the first label of each and ignores later ones.
 *
 * <p>Immutable value; equality is by digest.
 */
public final class ContentHash implements Comparable<ContentHash> {
    /** Digest length in bytes. */
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] digest;

    private ContentHash(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @param digest 32 bytes
     * @return the hash with this digest
     * @throws IllegalArgumentException when the length is not 32
     */
    public static ContentHash ofBytes(byte[] digest) {
        if (digest == null || digest.length != LENGTH) {
            throw new IllegalArgumentException("a content hash has " + LENGTH + " bytes, got "
                    + (digest == null ? "null" : digest.length));
        }
        return new ContentHash(digest.clone());
    }

    /**
     * @param hex 64 hex digits (either case)
     * @return the hash
     * @throws IllegalArgumentException naming the input when it is not 64 hex digits
     */
    public static ContentHash ofHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a content hash is " + 2 * LENGTH + " hex digits, got '" + hex + "'");
        }
        try {
            return new ContentHash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("content hash '" + hex + "' is not hexadecimal", e);
        }
    }

    /** @return a copy of the 32 digest bytes. */
    public byte[] bytes() {
        return digest.clone();
    }

    byte[] rawBytes() {
        return digest;
    }

    /** @return the 64 lower-case hex digits. */
    public String hex() {
        return HEX.formatHex(digest);
    }

    @Override
    public int compareTo(ContentHash o) {
        return Arrays.compareUnsigned(digest, o.digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentHash h && Arrays.equals(digest, h.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return hex();
    }
}
