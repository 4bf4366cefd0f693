package org.eelt.labeler.agent;

import java.util.EnumSet;
import java.util.Set;

import org.eelt.examiner.agent.Examiner;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.FrameLabeled;

/**
 * Deep Potential labels: energy (eV), forces (eV/Å) and, for fully periodic cells when the oracle
 * implements it, the virial (eV) of the candidate structure, as {@link FrameLabeled}.
 */
public final class StructureOracle implements CandidateOracle {
    private final Oracle oracle;

    /** @param oracle the reference calculator */
    public StructureOracle(Oracle oracle) {
        this.oracle = oracle;
    }

    @Override
    public String name() {
        return oracle.name();
    }

    @Override
    public String settings() {
        return oracle.settings();
    }

    @Override
    public Computed compute(Examiner.Candidate c) {
        Structure s = c.atoms().toStructure();
        Set<Property> props = EnumSet.of(Property.ENERGY, Property.FORCES);
        if (s.cell().isFullyPeriodic() && oracle.implementedProperties().contains(Property.VIRIAL)) {
            props.add(Property.VIRIAL);
        }
        OracleResult r = oracle.calculate(s, props);
        String name = oracle.name();
        String settings = oracle.settings();
        return (cand, labeler, attempts, busy, millis) -> new FrameLabeled(cand.id(), labeler, cand.atoms(), r.energy(),
                r.forces(), r.virial(), name, settings, cand.generation(), cand.walker(), cand.deviation(), attempts,
                busy, millis);
    }
}
