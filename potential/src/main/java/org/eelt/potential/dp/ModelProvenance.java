package org.eelt.potential.dp;

import org.eelt.protocol.atoms.CodeVersion;
import org.eelt.protocol.atoms.Provenance;

import java.util.Objects;

/**
 * Where a Deep Potential model came from.
 *
 * @param source         "trainer", "import:&lt;path&gt;" or "random-init"
 * @param seed           random seed of the initialisation / training
 * @param dataSnapshotId identifier of the training-data snapshot ("" when none)
 * @param codeVersion    EELT version ({@link CodeVersion#get()})
 * @param trainingSteps  optimizer steps taken (0 for an untrained or imported model)
 * @param createdEpochMs creation time, ms since the Unix epoch
 */
public record ModelProvenance(String source, long seed, String dataSnapshotId, String codeVersion, long trainingSteps,
                              long createdEpochMs) {
    /** Validates non-null fields and non-negative steps. */
    public ModelProvenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataSnapshotId, "dataSnapshotId");
        Objects.requireNonNull(codeVersion, "codeVersion");
        if (trainingSteps < 0) {
            throw new IllegalArgumentException("trainingSteps must be >= 0, got " + trainingSteps);
        }
    }

    /** @return provenance of a model trained now by this code version. */
    public static ModelProvenance trained(long seed, String dataSnapshotId, long steps) {
        return new ModelProvenance("trainer", seed, dataSnapshotId, CodeVersion.get(), steps, System.currentTimeMillis());
    }

    /** @return provenance of a model imported from a file now. */
    public static ModelProvenance imported(String path) {
        return new ModelProvenance("import:" + path, 0, "", CodeVersion.get(), 0, System.currentTimeMillis());
    }

    /** @return the generic {@link Provenance} record (settings = architecture text). */
    public Provenance toProvenance(String settings, String modelVersion) {
        return new Provenance(source, settings, modelVersion, seed, codeVersion, createdEpochMs);
    }
}
