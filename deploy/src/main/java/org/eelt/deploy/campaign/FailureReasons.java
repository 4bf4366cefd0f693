package org.eelt.deploy.campaign;

import java.util.Map;
import java.util.TreeMap;

import org.eelt.store.EeltStore;

/**
 * Classifies the recorded label failures of a campaign (the {@code label-failure/<hash>/<attempt>}
 * records the {@link DatasetRecorder} writes) by cause, and counts quarantined candidates, for
 * {@code summary.json}'s {@code label_failures_by_reason} and {@code quarantined}.
 */
public final class FailureReasons {
    /** Longest reason text kept per failure record, characters. */
    static final int MAX_REASON_CHARS = 2000;

    private FailureReasons() {
    }

    /**
     * @param reason a labeler's failure reason
     * @return its class: {@code labeler-timeout} (the labeler gave up waiting), {@code process-timeout}
     * (the oracle's process timeout killed the code), {@code exit-status}, {@code unreadable-output},
     * {@code non-finite-result}, {@code setup} (missing binary, bad settings) or {@code other}
     */
    public static String classify(String reason) {
        if (reason.contains("timeout after")) {
            return "labeler-timeout";
        }
        if (reason.contains("killed after the timeout")) {
            return "process-timeout";
        }
        if (reason.contains("exited with status")) {
            return "exit-status";
        }
        if (reason.contains("unreadable output")) {
            return "unreadable-output";
        }
        if (reason.contains("non-finite")) {
            return "non-finite-result";
        }
        if (reason.startsWith("OracleSetupException")) {
            return "setup";
        }
        return "other";
    }

    /** @return the reason cut to {@value #MAX_REASON_CHARS} characters. */
    static String clip(String reason) {
        String r = reason == null ? "(no reason given)" : reason;
        return r.length() <= MAX_REASON_CHARS ? r : r.substring(0, MAX_REASON_CHARS) + " ...";
    }

    /** @return failed attempts per class, over all recorded attempts (sorted by class). */
    public static Map<String, Long> byReason(EeltStore store) {
        Map<String, Long> out = new TreeMap<>();
        for (String key : store.stateKeys()) {
            if (key.startsWith(DatasetRecorder.FAILURE_PREFIX)) {
                String reason = store.getString(key).orElse("");
                out.merge(classify(reason), 1L, Long::sum);
            }
        }
        return out;
    }

    /** @return how many candidates were given up after their retries. */
    public static long quarantined(EeltStore store) {
        return store.stateKeys().stream().filter(k -> k.startsWith(DatasetRecorder.QUARANTINE_PREFIX)).count();
    }
}
