package org.eelt.protocol.io;

import java.util.Map;
import java.util.Objects;

import org.eelt.protocol.atoms.Frame;

/**
 * One extended-XYZ frame with the comment-line entries that are not part of the {@link Frame}:
 * everything except {@code Lattice}, {@code Properties}, {@code pbc}, {@code energy},
 * {@code virial} and {@code stress} (e.g. {@code step=10}, {@code max_devi_f=0.12}, or the flags of
 * a bare word).
 *
 * @param frame the structure and labels
 * @param info  the other key/value pairs in file order, values unquoted (immutable copy)
 */
public record ExtXyzFrame(Frame frame, Map<String, String> info) {
    /** Copies the info map. */
    public ExtXyzFrame {
        Objects.requireNonNull(frame, "frame");
        info = info == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
    }

    /** @return a frame without extra info. */
    public static ExtXyzFrame of(Frame frame) {
        return new ExtXyzFrame(frame, Map.of());
    }
}
