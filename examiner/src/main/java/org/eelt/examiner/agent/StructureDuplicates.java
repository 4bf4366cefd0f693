package org.eelt.examiner.agent;

import java.util.HashSet;
import java.util.Set;

import org.eelt.examiner.selection.ExactKey;
import org.eelt.examiner.selection.NearDuplicates;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;

/** Structure duplicates: an exact key (positions rounded to 1e-6 Å), then near duplicates by RMS displacement. */
final class StructureDuplicates implements CandidateFilter {
    private static final double KEY_RESOLUTION = 1e-6;
    private final Set<String> exactKeys = new HashSet<>();
    private final NearDuplicates near;

    StructureDuplicates(double rmsThreshold) {
        this.near = new NearDuplicates(rmsThreshold, 256);
    }

    @Override
    public boolean isDuplicate(AtomsData frame) {
        Structure s = frame.toStructure();
        return exactKeys.contains(ExactKey.of(s, KEY_RESOLUTION)) || near.isDuplicate(s);
    }

    @Override
    public void remember(AtomsData frame) {
        Structure s = frame.toStructure();
        exactKeys.add(ExactKey.of(s, KEY_RESOLUTION));
        near.remember(s);
    }
}
