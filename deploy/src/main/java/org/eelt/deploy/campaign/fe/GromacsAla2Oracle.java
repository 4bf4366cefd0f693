package org.eelt.deploy.campaign.fe;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eelt.examiner.agent.Examiner;
import org.eelt.labeler.agent.CandidateOracle;
import org.eelt.labeler.gromacs.GromacsAla2System;
import org.eelt.labeler.gromacs.GromacsMeanForce;
import org.eelt.labeler.gromacs.GromacsMeanForceOracle;
import org.eelt.labeler.gromacs.GromacsSettings;

/**
 * Mean-force labels of alanine dipeptide from GROMACS ({@link GromacsMeanForceOracle}): the
 * candidate's (φ, ψ) is the restraint center (rad), the label is f = κ⟨wrap(s − s0)⟩ in
 * kJ/mol/rad with a block-averaged error. Machine settings (the {@code gmx} binary, timeouts) come
 * from {@code eelt.oracles.gromacs.*}; the spec sets κ, T, steps, time step and the error
 * threshold. The system is prepared (pdb2gmx, box, minimisation; cached) on the first call, in
 * this labeler's own work directory. GROMACS failures surface as calculation failures quoting
 * the log.
 */
public final class GromacsAla2Oracle implements CandidateOracle {
    private final FeSpec fe;
    private final GromacsSettings settings;
    private final Path workDir;
    private final Path pdb;
    private GromacsMeanForceOracle oracle;

    /**
     * @param fe      the free-energy settings (CVs φ, ψ; κ kJ/mol/rad²; T; label steps and time step)
     * @param machine flat machine settings ({@code eelt.oracles.gromacs.*} keys)
     * @param workDir this labeler's work directory
     * @param pdb     the ACE-ALA-NME PDB
     * @param seed    base seed
     */
    public GromacsAla2Oracle(FeSpec fe, Map<String, String> machine, Path workDir, Path pdb, long seed) {
        this.fe = fe;
        Map<String, String> m = new HashMap<>(machine);
        String p = GromacsSettings.PREFIX;
        m.put(p + "kappa", Double.toString(fe.kappa()));
        m.put(p + "temperature-k", Double.toString(fe.temperature()));
        m.put(p + "steps", Long.toString(fe.label().steps()));
        m.put(p + "dt-ps", Double.toString(fe.label().timestepPs()));
        m.put(p + "equilibration-fraction", Double.toString(fe.label().equilibration()));
        m.put(p + "error-threshold", Double.toString(fe.label().errorThreshold()));
        m.put(p + "seed", Long.toString(seed));
        this.settings = GromacsSettings.fromMap(m, p);
        this.workDir = workDir;
        this.pdb = pdb;
    }

    @Override
    public String name() {
        return "gromacs";
    }

    @Override
    public String settings() {
        return settings.canonical();
    }

    @Override
    public Computed compute(Examiner.Candidate c) {
        double[] s0 = MeanForceCandidates.center(fe.cvs(), c);
        if (oracle == null) {
            oracle = new GromacsMeanForceOracle(settings, GromacsAla2System.prepare(settings, workDir, pdb));
        }
        GromacsMeanForce r = oracle.label(s0);
        return MeanForceCandidates.computed(r.center(), r.meanForce(), r.stdErr(), r.samples(), "kJ/mol",
                name() + " (" + r.gmxVersion() + ")", r.oracleSettings(), r.seed());
    }
}
