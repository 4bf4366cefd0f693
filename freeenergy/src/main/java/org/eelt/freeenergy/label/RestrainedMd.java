package org.eelt.freeenergy.label;

import org.eelt.explorer.md.BlockAverage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eelt.explorer.md.MdListener;
import org.eelt.explorer.md.MdResult;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.DegenerateCvException;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.CodeVersion;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in restrained-MD labeler: Langevin MD (the explorer's {@link MdRunner}, BAOAB) on
 * {@link RestrainedPotential} = potential + Σ κ_q/2 wrap(s_q − s0_q)², the CVs sampled every
 * {@code sampleEvery} steps, the first {@code equilibrationFraction} (10 %) discarded, and
 * <pre>
 *   f_q = κ_q ⟨Δ_q⟩,   Δ_q = wrap(s_q − s0_q)   (eV per CV unit; f = −∂A/∂s)
 * </pre>
 * For a periodic CV the average of the wrapped differences is the circular mean's offset from s0
 * (they agree to O(var²) for the narrow distributions a restraint produces, and the wrapped-difference
 * average is the one that enters the exact identity ⟨−A'(s)⟩_κ = κ⟨Δ⟩). The error bar is κ_q times
 * the block-averaged standard error of ⟨Δ_q⟩ with {@code minBlocks} equal blocks (32 by default):
 * long blocks, because a restrained coordinate oscillates and blocks shorter than its correlation
 * time overestimate the error (the maximum over Flyvbjerg–Petersen levels came out 3× too large on
 * Müller–Brown, where 12 seeds give z-scores of unit spread with this estimate). A label whose error
 * exceeds {@code maxStdErr} in any component, or whose MD exploded, is returned as rejected with
 * the reason. A pure function: same inputs and seed, same label.
 */
public final class RestrainedMd {
    /**
     * The outcome of one labeling run.
     *
     * @param label     the label (also when rejected, for diagnostics)
     * @param accepted  whether the label passed the error threshold and the MD completed
     * @param rejection why it was rejected, or null
     * @param meanDelta ⟨wrap(s − s0)⟩ per CV (CV units)
     * @param md        the MD run's result (steps, timings)
     */
    public record Outcome(MeanForceLabel label, boolean accepted, String rejection, double[] meanDelta, MdResult md) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestrainedMd.class);

    private RestrainedMd() {
    }

    /**
     * As {@link #label}, but a CV that becomes undefined (collinear dihedral atoms) is logged as a
     * warning naming the CV, the atoms and s0, and the label is skipped.
     *
     * @return the outcome, or empty when the label was skipped
     */
    public static Optional<Outcome> labelOrSkip(Potential potential, String potentialSettings, Structure start,
                                                double[] masses, CvSet cvs, double[] s0, RestrainedMdSettings settings,
                                                String modelVersion) {
        try {
            return Optional.of(label(potential, potentialSettings, start, masses, cvs, s0, settings, modelVersion));
        } catch (DegenerateCvException e) {
            LOG.warn("skipping the mean-force label at s0 = {}: {}", Arrays.toString(s0), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param potential         the physical potential (eV, Å)
     * @param potentialSettings canonical text of the potential, for provenance
     * @param start             starting structure (Å); ideally with s(start) near s0
     * @param masses            per-atom masses in amu, or null for the standard atomic masses
     * @param cvs               the CVs
     * @param s0                restraint centers (CV units)
     * @param settings          κ, T, steps, timestep, friction, thresholds, seed
     * @param modelVersion      the FE model version that selected s0 ({@code ""} if none)
     * @return the label with its acceptance
     * @throws org.eelt.freeenergy.cv.CvAtomException        when a CV refers to a missing atom
     * @throws org.eelt.freeenergy.cv.CvDomainException      when s0 is outside a CV's domain
     * @throws org.eelt.freeenergy.cv.DegenerateCvException  when a CV becomes undefined (e.g. collinear
     *                                                       dihedral atoms) at the start or during the run:
     *                                                       the caller warns and skips this label
     */
    public static Outcome label(Potential potential, String potentialSettings, Structure start, double[] masses,
                                CvSet cvs, double[] s0, RestrainedMdSettings settings, String modelVersion) {
        cvs.checkAtoms(start.size());
        cvs.requireValidCenter(s0);
        if (settings.kappa().length != cvs.dimension()) {
            throw new IllegalArgumentException("restrained MD: " + settings.kappa().length + " spring constants for "
                    + cvs.dimension() + " CVs");
        }
        RestrainedPotential restrained = new RestrainedPotential(potential, cvs, s0, settings.kappa());
        cvs.values(start.positions(), start.cell()); // a degenerate start fails here, before any MD
        MdSettings md = MdSettings.builder().timestep(settings.timestep()).steps(settings.steps())
                .temperature(settings.temperature()).langevin(settings.frictionTau()).seed(settings.seed())
                .thermoEvery((int) Math.min(Integer.MAX_VALUE, settings.steps())).trajectoryEvery(settings.sampleEvery())
                .minDistance(settings.minDistance()).build();
        long skip = (long) Math.ceil(settings.equilibrationFraction() * settings.steps());
        int d = cvs.dimension();
        int capacity = (int) ((settings.steps() - skip) / settings.sampleEvery() + 2);
        double[][] series = new double[d][capacity];
        int[] count = {0};
        MdListener sampler = new MdListener() {
            @Override
            public void frame(long step, double time, Frame frame) {
                if (step < skip || count[0] >= capacity) {
                    return;
                }
                Structure st = frame.structure();
                double[] dl = cvs.delta(cvs.values(st.positions(), st.cell()), s0);
                for (int q = 0; q < d; q++) {
                    series[q][count[0]] = dl[q];
                }
                count[0]++;
            }
        };
        MdState state = masses == null ? MdState.of(start) : MdState.of(start, masses);
        MdResult result = new MdRunner(restrained, md).withListener(sampler).run(state);
        int n = count[0];
        double[] kappa = settings.kappa();
        double[] mean = new double[d], force = new double[d], err = new double[d];
        String rejection = result.completed() ? null : "restrained MD stopped: " + result.reason();
        if (n < settings.minBlocks()) {
            rejection = rejection != null ? rejection : "only " + n + " samples after equilibration";
            n = Math.max(n, 0);
        }
        for (int q = 0; q < d && n >= 2; q++) {
            double[] x = Arrays.copyOf(series[q], n);
            BlockAverage.Estimate e = BlockAverage.of(x, Math.min(settings.minBlocks(), n));
            mean[q] = e.mean();
            force[q] = kappa[q] * e.mean();
            err[q] = kappa[q] * e.stdErr();
            if (rejection == null && err[q] > settings.maxStdErr()) {
                rejection = String.format(Locale.ROOT, "standard error %.4g of the mean force on %s exceeds the"
                        + " threshold %.4g: run longer or raise the threshold", err[q], cvs.get(q).name(),
                        settings.maxStdErr());
            }
        }
        String oracle = settings.canonical() + ";cvs=" + cvs + ";potential=" + potentialSettings;
        MeanForceLabel label = new MeanForceLabel(s0, force, err, n, MeanForceLabel.EV, new Provenance("restrained-md",
                oracle, modelVersion == null ? "" : modelVersion, settings.seed(), CodeVersion.get(),
                System.currentTimeMillis()));
        return new Outcome(label, rejection == null, rejection, mean, result);
    }
}
