package org.eelt.examiner.selection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eelt.protocol.atoms.Structure;

/**
 * Exact identity of a structure for dedupe: SHA-256 over species, positions rounded to
 * {@code resolution} Å, the cell (rounded alike) and the pbc flags. Two frames with the same key
 * would get the same label.
 */
public final class ExactKey {
    private ExactKey() {
    }

    /** @return the hex key of s with positions rounded to {@code resolution} Å (&gt; 0). */
    public static String of(Structure s, double resolution) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        for (String sp : s.species()) {
            md.update(sp.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        ByteBuffer b = ByteBuffer.allocate(8 * (3 * s.size() + 9) + 3);
        for (double x : s.positions()) {
            b.putLong(Math.round(x / resolution));
        }
        for (double x : s.cell().matrix()) {
            b.putLong(Math.round(x / resolution));
        }
        for (boolean p : s.cell().pbc()) {
            b.put((byte) (p ? 1 : 0));
        }
        md.update(b.array());
        return HexFormat.of().formatHex(md.digest());
    }
}
