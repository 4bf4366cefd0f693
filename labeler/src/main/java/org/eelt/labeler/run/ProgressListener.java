package org.eelt.labeler.run;

/**
 * Told after each frame finishes (labeled or failed). Calls are serialized (never concurrent) but
 * may come from any worker thread; implementations should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, failed, total) -> { };

    /**
     * @param done   frames finished so far (labeled + failed)
     * @param failed frames failed so far
     * @param total  frames in the run
     */
    void progress(int done, int failed, int total);
}
