package org.eelt.deploy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.CampaignSpecParser;
import org.eelt.deploy.campaign.OraclePotential;
import org.eelt.deploy.campaign.Summary;
import org.eelt.deploy.campaign.TestSet;
import org.eelt.examiner.agent.EnsembleModels;
import org.eelt.explorer.md.MdListener;
import org.eelt.explorer.md.MdRunner;
import org.eelt.explorer.md.MdSession;
import org.eelt.explorer.md.MdSettings;
import org.eelt.explorer.md.MdState;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.Oracles;
import org.eelt.potential.ForceResult;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.store.EeltStore;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.agent.TrainerSettings;
import org.eelt.trainer.agent.TrainingRound;

/**
 * {@code eelt bench label-efficiency --json}: how many labels EELT's ensemble selection needs
 * compared with random snapshots. EELT: one asynchronous campaign (the {@link CampaignBench}
 * campaign without simulated latency, 2 candidates per model version) gives {@code eelt_labels}
 * and member 0's test force RMSE.
 * Random: snapshots drawn uniformly from oracle-driven Langevin MD at the campaign's temperatures
 * and initial structures (the same conditions, sampled every 10 steps), labeled by the same
 * oracle. Both EELT's selected labels and the first n random snapshots train one fresh model
 * each with the same architecture, seed and as many optimizer steps as member 0 received in the
 * campaign, so only the selection differs; n grows through 0.5, 1, 2, 3, 4, … × eelt_labels until the random
 * model's test force RMSE reaches the EELT-selected model's. label_ratio = eelt_labels / random_labels.
 */
public final class LabelEfficiencyBench {
    /**
     * EELT's selection for this comparison: labels here are instant (no simulated latency), so
     * the per-model-version quota alone sets how many labels one state of the ensemble chooses
     * before the next retrain; 2 per version (1 per walker) lets every label be chosen by a
     * recently retrained ensemble. The random baseline does not depend on it.
     */
    static final String SELECTION = "\neelt.campaign.examination.max-candidates-per-model = 2\n"
            + "eelt.campaign.initial-data.train-after = 1.0\n"; // instant labels: the first round takes the whole bootstrap

    private LabelEfficiencyBench() {
    }

    /** @return the JSON of a run in {@code workDir} with at most {@code maxMultiple} × eelt_labels random labels. */
    public static String run(Path workDir, int labels, int maxMultiple) throws IOException {
        CampaignBench.Config c = new CampaignBench.Config(workDir, labels, 2, 0.0, 0.0, 420);
        String text = CampaignBench.spec(c, "async") + SELECTION;
        Path runDir = workDir.resolve("eelt");
        Summary s = CampaignRunner.run(new CampaignRunner.Options(text, workDir, runDir, false, null, 2000));
        CampaignSpec spec = CampaignSpecParser.parse(text, workDir);
        Oracle oracle = Oracles.create(spec.labeling().oracle(), OracleSettings.defaults());
        List<TestSet.Labeled> test = TestSet.build(spec, oracle);
        int eelt = (int) s.number("labeled");
        double target = s.number("test_force_rmse");
        long steps = (long) (spec.training().firstRoundSteps()
                + Math.max(0, s.number("model_versions") / spec.training().ensembleSize() - 1)
                * spec.training().stepsPerRound());
        // the same fresh training on EELT's selected labels, so that only the selection differs
        List<Frame> selected = new ArrayList<>();
        try (EeltStore store = EeltStore.open(runDir.resolve("store"))) {
            for (LabeledFrame l : store.export(store.snapshot())) {
                selected.add(l.frame());
            }
        }
        CampaignSpec.Training tr = spec.training();
        ModelPublished em = TrainingRound.run(new TrainerSettings(0, tr.model(), steps, steps, tr.startLr(),
                tr.warmStartLr(), tr.stopLr(), tr.prefactors(), tr.batchAtoms(), false, spec.seed(),
                workDir.resolve("eelt-retrained")), selected, 1);
        double campaignRmse = target;
        target = TestSet.errors(EnsembleModels.potentialOf(em), test).forceRmse();
        List<Frame> pool = randomSnapshots(spec, oracle, eelt * maxMultiple);
        int n = 0;
        double rmse = Double.NaN;
        for (double multiple : new double[] {0.5, 1, 2, 3, 4, 6, 8}) {
            n = (int) Math.round(multiple * eelt);
            if (multiple > maxMultiple || n > pool.size() || n < 1) {
                break;
            }
            CampaignSpec.Training t = spec.training();
            TrainerSettings ts = new TrainerSettings(0, t.model(), steps, steps, t.startLr(), t.warmStartLr(),
                    t.stopLr(), t.prefactors(), t.batchAtoms(), false, spec.seed(), workDir.resolve("random-" + n));
            ModelPublished m = TrainingRound.run(ts, pool.subList(0, n), 1);
            rmse = TestSet.errors(EnsembleModels.potentialOf(m), test).forceRmse();
            if (rmse <= target) {
                break;
            }
        }
        boolean reached = rmse <= target;
        int random = reached ? n : Math.min(n, pool.size());
        return String.format(Locale.ROOT, "{\"eelt_labels\": %d, \"random_labels\": %d, \"label_ratio\": %.4f,"
                        + " \"eelt_test_force_rmse\": %.5f, \"random_test_force_rmse\": %.5f, \"random_reached_target\": %b,"
                        + " \"training_steps\": %d, \"eelt_campaign_member0_test_force_rmse\": %.5f, \"oracle\": \"sutton-chen\"}",
                eelt, random, eelt / (double) random, target, rmse, reached, steps, campaignRmse);
    }

    /** Uniform random snapshots of oracle-driven MD at the campaign's stage temperatures and initial structures. */
    static List<Frame> randomSnapshots(CampaignSpec spec, Oracle oracle, int count) {
        OraclePotential p = new OraclePotential(oracle, spec.typeMap());
        SplittableRandom rng = new SplittableRandom(spec.seed() + 777);
        List<Double> temps = spec.exploration().stages().get(0).temperatures();
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
        for (int i = all.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Frame tmp = all.get(i);
            all.set(i, all.get(j));
            all.set(j, tmp);
        }
        return all.subList(0, Math.min(count, all.size()));
    }

    /** Runs the benchmark in {@code args[0]} (default: a temp directory) and prints the JSON. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : java.nio.file.Files.createTempDirectory("eelt-label-bench");
        System.out.println(run(dir, 40, 4));
        System.exit(0);
    }
}
