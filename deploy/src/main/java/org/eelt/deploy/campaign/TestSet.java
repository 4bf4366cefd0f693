package org.eelt.deploy.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eelt.explorer.md.MdResult;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSession;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.potential.ForceResult;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Structure;

/**
 * The independent test set of a campaign: oracle-driven Langevin MD ({@link MdRunner}, NVT,
 * τ = 1/γ of the exploration, the exploration's time step) at each test temperature from
 * the middle initial structure (the unstrained one for symmetric strains) or, with
 * {@code test.all-systems}, from every initial structure (the same frames per system and
 * temperature), with its own seed, so the campaign never saw these frames. Errors of a model against it:
 * <pre>
 *   force RMSE  = sqrt( Σ_frames Σ_i,k (F_model − F_oracle)² / Σ_frames 3N )         eV/Å
 *   energy RMSE = sqrt( (1/n_frames) Σ_frames ((E_model − E_oracle)/N)² )           eV/atom
 * </pre>
 */
public final class TestSet {
    /** One labeled test frame. */
    public record Labeled(Structure structure, double energy, double[] forces) {
    }

    /** Errors of a model on the test set. */
    public record Errors(double forceRmse, double energyRmsePerAtom, int frames) {
    }

    private TestSet() {
    }

    /**
     * @param spec   the campaign (test settings, systems, MD time step and friction)
     * @param oracle a fresh oracle instance
     * @return the labeled test frames
     */
    public static List<Labeled> build(CampaignSpec spec, Oracle oracle) {
        CampaignSpec.TestSet t = spec.test();
        OraclePotential p = new OraclePotential(oracle, spec.typeMap());
        List<Structure> starts = t.allSystems() ? spec.systems()
                : List.of(spec.systems().get(spec.systems().size() > 1 ? spec.systems().size() / 2 : 0));
        List<Labeled> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(t.seed());
        for (Structure start : starts) {
            for (double temp : t.temperatures()) {
                out.addAll(trajectory(spec, p, start, temp, rng.nextLong()));
            }
        }
        return out;
    }

    /** @return the test frames of one oracle-driven trajectory from {@code start} at {@code temp} K */
    private static List<Labeled> trajectory(CampaignSpec spec, OraclePotential p, Structure start, double temp,
                                            long seed) {
        CampaignSpec.TestSet t = spec.test();
        CampaignSpec.Exploration e = spec.exploration();
        List<Labeled> out = new ArrayList<>();
        MdSettings md = MdSettings.builder().timestep(e.timestepPs()).temperature(temp)
                .langevin(1 / e.frictionPerPs()).maxForce(e.maxForce()).seed(seed).build();
        MdSession run = new MdRunner(p, md).session(MdState.of(start));
        for (int f = -1; f < t.frames(); f++) {
            int steps = f < 0 ? Math.max(1, t.equilibrationSteps()) : t.stepsBetween();
            MdResult r = run.advance(steps);
            if (!r.completed()) {
                throw new IllegalStateException("oracle-driven test MD at " + temp + " K exploded (" + r.reason()
                        + "); lower the test temperature or the time step");
            }
            if (f >= 0) {
                Structure s = run.state().wrappedStructure();
                ForceResult fr = p.compute(s);
                out.add(new Labeled(s, fr.energy(), fr.forces()));
            }
        }
        return out;
    }

    /** @return the errors of {@code model} on the test frames. */
    public static Errors errors(Potential model, List<Labeled> frames) {
        double sf = 0, se = 0;
        long nf = 0;
        for (Labeled l : frames) {
            ForceResult r = model.compute(l.structure());
            double[] f = r.forces();
            for (int i = 0; i < f.length; i++) {
                double d = f[i] - l.forces()[i];
                sf += d * d;
            }
            nf += f.length;
            double de = (r.energy() - l.energy()) / l.structure().size();
            se += de * de;
        }
        return new Errors(Math.sqrt(sf / Math.max(1, nf)), Math.sqrt(se / Math.max(1, frames.size())), frames.size());
    }
}
