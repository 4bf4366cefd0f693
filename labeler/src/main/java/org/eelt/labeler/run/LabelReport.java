package org.eelt.labeler.run;

import org.eelt.protocol.atoms.LabeledFrame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of labeling a list of frames, in input order: for each index either a labeled frame
 * or a {@link LabelFailure}.
 *
 * @param frames   per input index, the labeled frame or null when it failed
 * @param failures failures ordered by index
 * @param elapsed  wall-clock time of the whole run
 */
public record LabelReport(List<LabeledFrame> frames, List<LabelFailure> failures, Duration elapsed) {
    /** Copies the lists (frames may hold nulls for failed indices). */
    public LabelReport {
        frames = Collections.unmodifiableList(new ArrayList<>(frames));
        failures = List.copyOf(failures);
    }

    /** @return the labeled frames in input order, failures left out. */
    public List<LabeledFrame> labeled() {
        List<LabeledFrame> out = new ArrayList<>();
        for (LabeledFrame f : frames) {
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return number of input frames. */
    public int total() {
        return frames.size();
    }

    /** @return true when every frame was labeled. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
