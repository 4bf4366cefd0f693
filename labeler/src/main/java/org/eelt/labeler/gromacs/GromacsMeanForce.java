package org.eelt.labeler.gromacs;

import java.util.Arrays;

/**
 * One mean-force label of alanine dipeptide from restrained GROMACS MD, with its provenance.
 *
 * <p>Units and sign: CVs s = (φ, ψ) in rad; the mean force f = κ·⟨wrap(s − s0)⟩ ≈ −∂A/∂s at the
 * center, in kJ/mol/rad (it points downhill in the free energy A); the standard error is in the same
 * unit. See {@link RestrainedMeanForce}.
 *
 * @param center         restraint center s0 = (φ0, ψ0) in rad, each in (−π, π]
 * @param meanForce      f = −∇A estimate in kJ/mol/rad
 * @param stdErr         block-averaged standard error of each component, kJ/mol/rad
 * @param samples        frames averaged (after discarding the equilibration fraction)
 * @param oracleSettings the canonical settings ({@link GromacsSettings#canonical()}) that produced it
 * @param gmxVersion     the GROMACS version string from {@code gmx --version}
 * @param seed           the random seed of the run (velocities and Langevin noise)
 * @param wallMs         wall time of the label (pre-pull, grompp, mdrun, analysis) in ms
 */
public record GromacsMeanForce(double[] center, double[] meanForce, double[] stdErr, int samples,
                               String oracleSettings, String gmxVersion, long seed, long wallMs) {
    /** Copies the arrays. */
    public GromacsMeanForce {
        center = center.clone();
        meanForce = meanForce.clone();
        stdErr = stdErr.clone();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "center (phi, psi) = (%.1f°, %.1f°): f = (%.2f, %.2f) ± (%.2f, %.2f)"
                        + " kJ/mol/rad from %d frames [%s; %s; seed %d; %d ms]",
                Math.toDegrees(center[0]), Math.toDegrees(center[1]), meanForce[0], meanForce[1], stdErr[0], stdErr[1],
                samples, oracleSettings, gmxVersion, seed, wallMs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GromacsMeanForce m && Arrays.equals(center, m.center) && Arrays.equals(meanForce, m.meanForce)
                && Arrays.equals(stdErr, m.stdErr) && samples == m.samples && oracleSettings.equals(m.oracleSettings)
                && gmxVersion.equals(m.gmxVersion) && seed == m.seed && wallMs == m.wallMs;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(center) + Arrays.hashCode(meanForce);
    }
}
