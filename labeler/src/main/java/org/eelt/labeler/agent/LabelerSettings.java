package org.eelt.labeler.agent;

import java.time.Duration;

/**
 * Settings of one labeler.
 *
 * @param id              labeler id, e.g. {@code "labeler-2"}
 * @param timeout         wall-clock limit of one oracle call
 * @param retries         further attempts after a failed one (0 = one attempt)
 * @param backoff         delay before the first retry; doubled for every further retry
 * @param quarantineAfter consecutive failed attempts after which the labeler pauses
 * @param quarantineFor   how long it pauses (then it takes a fresh oracle instance)
 */
public record LabelerSettings(String id, Duration timeout, int retries, Duration backoff, int quarantineAfter,
                              Duration quarantineFor) {
    /** Validates. */
    public LabelerSettings {
        if (timeout == null || timeout.isZero() || timeout.isNegative() || retries < 0 || backoff == null
                || backoff.isNegative() || quarantineAfter < 1 || quarantineFor == null || quarantineFor.isNegative()) {
            throw new IllegalArgumentException("labeler " + id + ": timeout > 0, retries >= 0, backoff >= 0,"
                    + " quarantine-after >= 1 and quarantine-for >= 0 required");
        }
    }
}
