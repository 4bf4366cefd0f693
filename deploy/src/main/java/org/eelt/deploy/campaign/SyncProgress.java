package org.eelt.deploy.campaign;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eelt.store.EeltStore;

/**
 * Where a synchronous campaign stands, as persisted in the store's state column family (written
 * atomically by the dataset recorder at every barrier), so that {@code eelt run --resume} continues
 * a killed synchronous run at the right barrier.
 *
 * @param iteration      DP-GEN iteration (0 while the bootstrap is labeled, then 1, 2, ...)
 * @param phase          the phase the iteration is in
 * @param stage          exploration stage index
 * @param stageSteps     MD steps per walker of the stage done before this iteration's exploration
 * @param labeledAtTrain labels of the iteration's training snapshot
 * @param explored       frames explored before this iteration's exploration
 * @param wallS          campaign wall seconds so far (all processes)
 */
record SyncProgress(long iteration, Phase phase, int stage, long stageSteps, long labeledAtTrain, long explored,
                    double wallS) {
    /** The phases of one iteration, in order (BOOTSTRAP only in iteration 0). */
    enum Phase { BOOTSTRAP, TRAIN, EXPLORE, SELECT, LABEL, DONE }

    /** State key of the candidates of the iteration's selection ({@link SyncSelection}). */
    static final String SELECTION_KEY = "sync/selection";
    /** State key of the phase timings ({@link SyncTimings}). */
    static final String TIMINGS_KEY = "sync/timings";

    /** @return the state entries (the campaign's generic keys included) */
    Map<String, String> toState() {
        Map<String, String> s = new HashMap<>();
        s.put("campaign/mode", "sync");
        s.put("campaign/stage", Integer.toString(stage));
        s.put("campaign/explored", Long.toString(explored));
        s.put("campaign/wall-s", Double.toString(wallS));
        s.put("sync/iteration", Long.toString(iteration));
        s.put("sync/phase", phase.name());
        s.put("sync/stage-steps", Long.toString(stageSteps));
        s.put("sync/labeled-at-train", Long.toString(labeledAtTrain));
        return s;
    }

    /**
     * @return the persisted progress, or a new run's (iteration 0, bootstrap) when none is stored
     * @throws IllegalStateException when a stored value is damaged (names the key)
     */
    static SyncProgress read(EeltStore store) {
        String phase = store.getString("sync/phase").orElse(null);
        if (phase == null) {
            return new SyncProgress(0, Phase.BOOTSTRAP, 0, 0, 0, number(store, "campaign/explored"),
                    decimal(store, "campaign/wall-s"));
        }
        Phase p;
        try {
            p = Phase.valueOf(phase);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("state key sync/phase holds '" + phase + "', not one of "
                    + java.util.Arrays.toString(Phase.values()) + "; the run directory is damaged");
        }
        return new SyncProgress(number(store, "sync/iteration"), p, (int) number(store, "campaign/stage"),
                number(store, "sync/stage-steps"), number(store, "sync/labeled-at-train"),
                number(store, "campaign/explored"), decimal(store, "campaign/wall-s"));
    }

    private static long number(EeltStore store, String key) {
        return parsed(store, key, Long::parseLong, "an integer");
    }

    private static double decimal(EeltStore store, String key) {
        return parsed(store, key, Double::parseDouble, "a number");
    }

    /** A state value stored as text ("0" when absent), parsed; a damaged value names its key. */
    private static <T> T parsed(EeltStore store, String key, java.util.function.Function<String, T> parse, String kind) {
        String v = store.getString(key).orElse("0");
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(String.format(Locale.ROOT, "state key %s holds '%s', not %s;"
                    + " the run directory is damaged", key, v, kind), e);
        }
    }
}
