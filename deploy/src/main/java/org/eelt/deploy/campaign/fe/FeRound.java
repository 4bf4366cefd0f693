package org.eelt.deploy.campaign.fe;

import java.util.ArrayList;
import java.util.List;

import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.freeenergy.net.FeatureMap;
import org.eelt.freeenergy.net.FreeEnergyNet;
import org.eelt.freeenergy.net.FreeEnergyTrainer;
import org.eelt.freeenergy.net.TrainSettings;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.store.StoredMeanForce;
import org.eelt.trainer.agent.RoundRunner;

/**
 * One training round of one free-energy ensemble member ({@link RoundRunner}): the first
 * {@code snapshot} mean-force labels of the store, the mean-force loss (weighted by the labels'
 * error bars) with Adam and an exponentially decaying learning rate ({@link FreeEnergyTrainer}),
 * warm-started from the member's previous net. The first round fixes the feature map (periodic
 * CVs as cos/sin, others standardized on the labels) and the member's seed. The published model
 * is the net in {@link FeModels} form; its {@code trainRmseF} is the RMS of (−∇A − f) over all
 * labels (energy per CV unit). Rounds of one member run one at a time (the actor's contract).
 */
public final class FeRound implements RoundRunner {
    private final FeSpec fe;
    private final EeltStore store;
    private final int member;
    private final long seed;
    private FreeEnergyNet last;

    /**
     * @param fe      the free-energy settings
     * @param store   the campaign store (read only here)
     * @param member  the member index
     * @param seed    the campaign seed
     * @param resume  the member's newest published model on resume, or null
     */
    public FeRound(FeSpec fe, EeltStore store, int member, long seed, ModelPublished resume) {
        this.fe = fe;
        this.store = store;
        this.member = member;
        this.seed = seed;
        this.last = resume == null ? null : FeModels.decode(resume);
    }

    @Override
    public ModelPublished run(long snapshot, long generation) {
        List<MeanForceLabel> labels = labels(store, snapshot);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("free-energy member " + member + ": the snapshot has no mean-force labels");
        }
        FeSpec.Training t = fe.training();
        boolean warm = last != null;
        FreeEnergyNet start = warm ? last : FreeEnergyNet.initial(fit(labels), t.widths(), seed * 1_000_003L + 7919L * member);
        long steps = warm ? t.stepsPerRound() : t.firstRoundSteps();
        TrainSettings ts = new TrainSettings((int) steps, t.batchSize(), t.startLr(), t.stopLr(),
                seed + 3001L * member + 17L * generation);
        FreeEnergyTrainer.Result r = FreeEnergyTrainer.train(start, labels, ts, "generation-" + generation);
        last = r.net();
        return new ModelPublished(member, generation, labels.size(), FeModels.encode(r.net()), Double.NaN, r.forceRmse(),
                r.steps(), r.wallSeconds());
    }

    private FeatureMap fit(List<MeanForceLabel> labels) {
        List<double[]> centers = new ArrayList<>(), forces = new ArrayList<>();
        for (MeanForceLabel l : labels) {
            centers.add(l.center());
            forces.add(l.meanForce());
        }
        return FeatureMap.fit(fe.cvs().periodic(), centers, forces);
    }

    /** @return the first {@code snapshot} mean-force labels of the store as training labels. */
    public static List<MeanForceLabel> labels(EeltStore store, long snapshot) {
        List<MeanForceLabel> out = new ArrayList<>();
        for (StoredMeanForce s : store.meanForces(snapshot)) {
            out.add(s.label());
        }
        return out;
    }
}
