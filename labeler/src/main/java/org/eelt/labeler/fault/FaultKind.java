package org.eelt.labeler.fault;

import java.util.Locale;

/**
 * The kinds of injected oracle faults, each going through the failure path of a real external code.
 */
public enum FaultKind {
    /** A real process ({@code sh}) writes an error to stderr and exits with status 3. */
    EXIT,
    /** A real process sleeps until the oracle's process timeout kills its process tree. */
    TIMEOUT,
    /** The real result with one force replaced by NaN, rejected by {@code OracleResult.checked}. */
    NAN,
    /** A real process writes a malformed LAMMPS result file, rejected by the LAMMPS output parser. */
    GARBAGE,
    /** A real process sleeps past the labeler's timeout (which must fire); the process is killed later. */
    HANG;

    /** @return the SPEC name, e.g. {@code "exit"}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a SPEC name ({@code exit}, {@code timeout}, {@code nan}, {@code garbage}, {@code hang})
     * @return the kind
     * @throws IllegalArgumentException naming the allowed kinds
     */
    public static FaultKind ofSpecName(String name) {
        for (FaultKind k : values()) {
            if (k.specName().equals(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + name.trim()
                + "': use exit, timeout, nan, garbage or hang (separated by |)");
    }
}
