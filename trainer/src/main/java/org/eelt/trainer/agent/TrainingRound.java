package org.eelt.trainer.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eelt.potential.dp.EeltModelFile;
import org.eelt.potential.dp.ModelProvenance;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.TrainListener;
import org.eelt.trainer.TrainOptions;
import org.eelt.trainer.TrainResult;
import org.eelt.trainer.Trainer;
import org.eelt.trainer.config.DataConfig;
import org.eelt.trainer.config.TrainConfig;
import org.eelt.trainer.data.DeepmdSystem;
import org.eelt.trainer.model.DeepPotConversion;
import org.eelt.trainer.schedule.LearningRate;

/**
 * One training round of one member, a plain blocking function (the actor runs it on the training
 * dispatcher): frames grouped into systems by species order and periodicity, DeePMD-style
 * training with {@link Trainer} (fresh, or warm-started from the member's checkpoint), and the
 * result packed as a {@link ModelPublished} with the model as {@code eelt-dp} YAML.
 */
public final class TrainingRound {
    private TrainingRound() {
    }

    /**
     * @param s          settings
     * @param frames     the snapshot's frames
     * @param generation the generation this round produces (1 = first)
     * @return the published model
     * @throws IOException when checkpoints cannot be read or written
     */
    public static ModelPublished run(TrainerSettings s, List<Frame> frames, long generation) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("trainer member " + s.member() + ": the dataset snapshot is empty");
        }
        Files.createDirectories(s.workDir());
        List<DeepmdSystem> systems = group(frames, s.spec().typeMap());
        boolean warm = s.warmStart() && Files.isRegularFile(s.checkpoint()) && generation > 1;
        long steps = warm ? s.stepsPerRound() : s.firstRoundSteps();
        double lr0 = warm ? s.warmStartLr() : s.startLr();
        int decay = (int) Math.max(1, Math.min(steps, Math.max(1, steps / 20)));
        long m = s.member();
        TrainConfig config = new TrainConfig(s.spec(), s.seed() + 1009L * m, s.seed() + 7 + 2003L * m,
                LearningRate.exp(lr0, s.stopLr(), decay, steps), s.prefactors(),
                new DataConfig(List.of(), s.batchAtoms(), new int[] {1}, 1), null, steps,
                s.seed() + 3001L * m + 17L * generation, s.workDir().resolve("lcurve-" + m + ".out"),
                (int) steps, (int) steps, s.checkpoint());
        TrainOptions options = warm ? new TrainOptions(null, s.checkpoint()) : TrainOptions.fresh();
        TrainResult r = Trainer.train(config, TrainListener.NONE, options, systems, List.of());
        String yaml = new EeltModelFile(DeepPotConversion.toDeepPot(r.model()),
                ModelProvenance.trained(config.seed(), "snapshot-" + frames.size(), r.steps())).toYaml();
        return new ModelPublished(s.member(), generation, frames.size(), yaml, r.last().rmseE(), r.last().rmseF(),
                r.steps(), r.seconds());
    }

    /** @return one system per distinct (species order, periodicity), in first-seen order. */
    static List<DeepmdSystem> group(List<Frame> frames, List<String> typeMap) {
        Map<String, List<Frame>> groups = new LinkedHashMap<>();
        for (Frame f : frames) {
            String key = Arrays.toString(f.structure().species()) + f.structure().cell().isPeriodic();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<DeepmdSystem> out = new ArrayList<>();
        int i = 0;
        for (List<Frame> g : groups.values()) {
            out.add(DeepmdSystem.fromFrames("snapshot-system-" + (i++), g, typeMap));
        }
        return out;
    }
}
