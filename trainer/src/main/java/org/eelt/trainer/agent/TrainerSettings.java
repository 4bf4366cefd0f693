package org.eelt.trainer.agent;

import java.nio.file.Path;

import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.schedule.LossPrefactors;

/**
 * Settings of an ensemble member's training rounds.
 *
 * @param member          member index (its seeds are offset by it)
 * @param spec            the DeepPot-SE architecture
 * @param firstRoundSteps optimizer steps of the first (fresh) round
 * @param stepsPerRound   optimizer steps of later (warm-started) rounds
 * @param startLr         learning rate at the start of the first round
 * @param warmStartLr     learning rate at the start of a warm-started round
 * @param stopLr          learning rate at the end of every round
 * @param prefactors      loss prefactors
 * @param batchAtoms      batch size rule "auto:batchAtoms": ⌈batchAtoms / N⌉ frames per batch
 * @param warmStart       whether rounds after the first start from the previous round's model
 * @param seed            base seed
 * @param workDir         where checkpoints and lcurves go (member-K.ckpt)
 */
public record TrainerSettings(int member, DpSpec spec, long firstRoundSteps, long stepsPerRound, double startLr,
                              double warmStartLr, double stopLr, LossPrefactors prefactors, int batchAtoms,
                              boolean warmStart, long seed, Path workDir) {
    /** Validates. */
    public TrainerSettings {
        if (member < 0 || firstRoundSteps < 1 || stepsPerRound < 1 || batchAtoms < 1) {
            throw new IllegalArgumentException("trainer member " + member + ": steps and batch atoms must be >= 1");
        }
        if (!(startLr > 0) || !(warmStartLr > 0) || !(stopLr > 0) || stopLr > startLr || stopLr > warmStartLr) {
            throw new IllegalArgumentException("trainer: need 0 < stop-lr <= start-lr and warm-start-lr, got start "
                    + startLr + ", warm " + warmStartLr + ", stop " + stopLr);
        }
    }

    /** @return this member's checkpoint file. */
    public Path checkpoint() {
        return workDir.resolve("member-" + member + ".ckpt");
    }
}
