package org.eelt.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.OraclePotential;
import org.eelt.explorer.md.MdListener;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSession;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.store.ExplorationSample;

/**
 * The random baselines of the label-efficiency comparison ({@link LabelEfficiencyBench}): seeded
 * orders of the exploration reservoir labeled by the oracle on demand ({@link LabeledPool}), random
 * sets that share the campaign's bootstrap labels ({@link #withBootstrap}), and snapshots of
 * oracle-driven MD ({@link #oracleMdSnapshots}). Energies in eV, forces in eV/Å.
 */
final class RandomLabelSets {
    /** Seed salt of the random order of the reservoir. */
    static final long ORDER_SALT = 4242;

    private RandomLabelSets() {
    }

    /**
     * A random set of n labels: the campaign's bootstrap labels (which EELT's labels include too, so
     * that only the selection of the rest differs) and the first n − b frames of a shuffled
     * reservoir; the first n bootstrap labels when n ≤ b.
     */
    static List<Frame> withBootstrap(List<Frame> bootstrap, LabeledPool pool, int n) {
        if (n <= bootstrap.size()) {
            return bootstrap.subList(0, n);
        }
        List<Frame> set = new ArrayList<>(bootstrap);
        set.addAll(pool.first(n - bootstrap.size()));
        return set;
    }

    /** Fisher–Yates shuffle with a seeded generator. */
    static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    /**
     * Reservoir frames labeled by the oracle on demand, in order. A frame the oracle cannot label
     * (a calculation failure) is left out and counted, as a user's failed label would be.
     */
    static final class LabeledPool {
        private final List<ExplorationSample> samples;
        private final OraclePotential oracle;
        private final List<Frame> labeled = new ArrayList<>();
        private int next;
        private int failed;

        LabeledPool(List<ExplorationSample> samples, Oracle oracle, List<String> typeMap) {
            this.samples = samples;
            this.oracle = new OraclePotential(oracle, typeMap);
        }

        /** @return the first n labeled frames (fewer when the reservoir runs out) */
        List<Frame> first(int n) {
            while (labeled.size() < n && next < samples.size()) {
                Structure s = samples.get(next++).structure();
                try {
                    ForceResult fr = oracle.compute(s);
                    labeled.add(new Frame(s, fr.energy(), fr.forces(), fr.virial(), null));
                } catch (CalculationFailedException e) {
                    failed++;
                }
            }
            return labeled.subList(0, Math.min(n, labeled.size()));
        }

        /** @return frames the oracle could not label */
        int failed() {
            return failed;
        }
    }

    /**
     * Uniform random snapshots of oracle-driven MD at every temperature of the campaign's stages,
     * from each initial structure (100 steps of equilibration, then a frame every 10 steps).
     */
    static List<Frame> oracleMdSnapshots(CampaignSpec spec, Oracle oracle, int count) {
        OraclePotential p = new OraclePotential(oracle, spec.typeMap());
        SplittableRandom rng = new SplittableRandom(spec.seed() + 777);
        List<Double> temps = spec.exploration().stages().stream().flatMap(st -> st.temperatures().stream()).distinct()
                .toList();
        List<Frame> all = new ArrayList<>();
        int perRun = Math.max(1, count / (temps.size() * spec.systems().size())) + 1;
        for (double t : temps) {
            for (Structure start : spec.systems()) {
                MdSettings md = MdSettings.builder().timestep(spec.exploration().timestepPs()).temperature(t)
                        .langevin(1 / spec.exploration().frictionPerPs()).maxForce(spec.exploration().maxForce())
                        .seed(rng.nextLong()).trajectoryEvery(10).thermoEvery(Integer.MAX_VALUE).build();
                MdSession run = new MdRunner(p, md).session(MdState.of(start));
                run.advance(100); // equilibration
                List<Structure> frames = new ArrayList<>();
                run.advance(10L * perRun, new MdListener() {
                    @Override
                    public void frame(long step, double time, Frame frame) {
                        frames.add(frame.structure());
                    }
                });
                for (Structure f : frames) {
                    ForceResult fr = p.compute(f);
                    all.add(new Frame(f, fr.energy(), fr.forces(), fr.virial(), null));
                }
            }
        }
        shuffle(all, rng);
        return all.subList(0, Math.min(count, all.size()));
    }
}
