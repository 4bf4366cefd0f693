package org.eelt.trainer.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A data section ({@code training.training_data} or {@code training.validation_data}).
 *
 * @param systems   deepmd/npy system directories (resolved against the config file's directory)
 * @param autoRule  when &gt; 0, batch size "auto[:rule]": ⌈rule/N_atoms⌉ per system
 * @param batchSize fixed batch sizes: one entry for all systems or one per system (used when autoRule = 0)
 * @param numbBatch validation only: batches evaluated per validation (DeePMD-kit's numb_btch)
 */
public record DataConfig(List<Path> systems, int autoRule, int[] batchSize, int numbBatch) {
    /** @return the batch size of system s with N atoms per frame. */
    public int batchSizeFor(int s, int natoms) {
        if (autoRule > 0) {
            return (autoRule + natoms - 1) / natoms;
        }
        return batchSize.length == 1 ? batchSize[0] : batchSize[s];
    }
}
