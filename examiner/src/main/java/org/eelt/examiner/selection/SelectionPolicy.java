package org.eelt.examiner.selection;

import java.util.Locale;

/**
 * How candidates are chosen among frames with lo ≤ ε &lt; hi.
 * <ul>
 *   <li>{@link #FIXED}: every candidate, in arrival order, up to the cap per model generation.</li>
 *   <li>{@link #MAX_DEVI}: the cap is filled with the largest deviations: when the cap is reached, a
 *       new candidate replaces the queued one with the smallest deviation if its own is larger.</li>
 *   <li>{@link #ADAPTIVE_LOWER}: like fixed, but the lower level adapts down to the
 *       (1 − ratio) quantile of recent deviations, never below a floor, so that the most uncertain
 *       fraction is labeled even when all frames are below lo (DP-GEN's adaptive trust_lo).</li>
 * </ul>
 */
public enum SelectionPolicy {
    /** Fixed trust levels. */
    FIXED,
    /** Largest deviations first. */
    MAX_DEVI,
    /** Adaptive lower trust level. */
    ADAPTIVE_LOWER;

    /** @return the policy named {@code fixed}, {@code max-devi} or {@code adaptive-lower}. */
    public static SelectionPolicy parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fixed" -> FIXED;
            case "max-devi" -> MAX_DEVI;
            case "adaptive-lower" -> ADAPTIVE_LOWER;
            default -> throw new IllegalArgumentException("unknown selection policy '" + name
                    + "'; use fixed, max-devi or adaptive-lower");
        };
    }

    /** @return the configuration name. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
