package org.eelt.explorer.md;

/**
 * The outcome of a run.
 *
 * @param status           completed, or stopped because the system exploded
 * @param reason           null when completed; otherwise the cause with step number and atoms
 * @param steps            steps actually taken
 * @param last             the last thermo sample
 * @param neighborRebuilds neighbor lists built during the run
 * @param wallSeconds      wall-clock time of the run in s
 * @param cpuSeconds       CPU time of the running thread in s (NaN when the JVM cannot measure it);
 *                         unlike wall time it does not grow when other processes share the cores
 */
public record MdResult(Status status, String reason, long steps, ThermoSample last, int neighborRebuilds,
                       double wallSeconds, double cpuSeconds) {
    /** Run status. */
    public enum Status {
        /** All steps were taken. */
        COMPLETED,
        /** The run stopped early: non-finite values, atoms too close or temperature runaway. */
        EXPLODED
    }

    /** @return true when all steps were taken. */
    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
