package org.eelt.deploy.campaign.fe;

import org.eelt.examiner.agent.Examiner;
import org.eelt.freeenergy.label.RestrainedMd;
import org.eelt.freeenergy.label.RestrainedMdSettings;
import org.eelt.labeler.agent.CandidateOracle;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.potential.Potential;

/**
 * Mean-force labels by the built-in restrained-MD engine ({@link RestrainedMd}): Langevin MD of
 * the full system with V + Σ κ/2 (s − s0)², started from the candidate configuration (whose CV
 * value is s0), first 10 % discarded, f = κ⟨wrap(s − s0)⟩ in eV per CV unit with a block-averaged
 * error; a label whose error exceeds the threshold, or whose MD exploded, is a failed attempt
 * (the labeler retries it with a fresh seed, then gives it up).
 */
public final class BuiltinMeanForceOracle implements CandidateOracle {
    private final FeSpec fe;
    private final Potential potential;
    private final String potentialSettings;
    private final RestrainedMdSettings md;
    private final long seed;
    private int attempt;

    /**
     * @param fe                the free-energy settings (CVs, κ, T, label MD)
     * @param potential         the system's physical potential (eV, Å)
     * @param potentialSettings its canonical text
     * @param seed              base seed
     */
    public BuiltinMeanForceOracle(FeSpec fe, Potential potential, String potentialSettings, long seed) {
        this.fe = fe;
        this.potential = potential;
        this.potentialSettings = potentialSettings;
        this.seed = seed;
        double[] kappa = new double[fe.dimension()];
        java.util.Arrays.fill(kappa, fe.kappa());
        FeSpec.Label l = fe.label();
        this.md = new RestrainedMdSettings(kappa, fe.temperature(), l.timestepPs(), l.steps(), 1 / l.frictionPerPs(),
                l.equilibration(), 1, 16, l.errorThreshold(), 0, seed);
    }

    @Override
    public String name() {
        return "restrained-md";
    }

    @Override
    public String settings() {
        return md.canonical() + ";potential=" + potentialSettings + ";max-err=" + fe.label().errorThreshold();
    }

    @Override
    public Computed compute(Examiner.Candidate c) {
        double[] s0 = MeanForceCandidates.center(fe.cvs(), c);
        long labelSeed = MeanForceCandidates.seed(seed, c) + 7919L * attempt++;
        RestrainedMd.Outcome o = RestrainedMd.label(potential, potentialSettings, c.atoms().toStructure(), null,
                fe.cvs(), s0, md.withSeed(labelSeed), "generation-" + c.generation());
        if (!o.accepted()) {
            throw new CalculationFailedException(name(), o.rejection(), "", null);
        }
        return MeanForceCandidates.computed(s0, o.label().meanForce(), o.label().stdErr(), o.label().samples(), "eV",
                name(), settings(), labelSeed);
    }
}
