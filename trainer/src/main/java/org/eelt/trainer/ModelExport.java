package org.eelt.trainer;

import java.io.IOException;
import java.nio.file.Path;
import org.eelt.potential.dp.DeepPotModel;
import org.eelt.potential.dp.DpModelYaml;
import org.eelt.potential.dp.EeltModelFile;
import org.eelt.potential.dp.ModelProvenance;
import org.eelt.protocol.io.FormatException;
import org.eelt.trainer.model.DeepPotConversion;
import org.eelt.trainer.model.DpModel;

/**
 * Writes trained models in the formats of {@code org.eelt.potential.dp}: EELT's versioned model
 * file (with provenance) and DeePMD-kit's dpmodel YAML (for {@code dp convert-backend} and
 * LAMMPS); reads either back as a trainable model (init-model from a DeePMD-kit model).
 */
public final class ModelExport {
    private ModelExport() {
    }

    /**
     * @param model    trained model
     * @param file     destination (.yaml)
     * @param seed     training seed
     * @param dataId   training-data snapshot id ("" when none)
     * @param steps    optimizer steps taken
     */
    public static void writeEelt(DpModel model, Path file, long seed, String dataId, long steps) throws IOException {
        new EeltModelFile(DeepPotConversion.toDeepPot(model), ModelProvenance.trained(seed, dataId, steps)).write(file);
    }

    /** Writes DeePMD-kit's dpmodel YAML. */
    public static void writeDeepmd(DpModel model, Path file) throws IOException {
        DpModelYaml.write(DeepPotConversion.toDeepPot(model), file);
    }

    /**
     * Reads an EELT model file or a DeePMD-kit dpmodel YAML as a trainable model.
     *
     * @throws FormatException          when the file is neither
     * @throws IllegalArgumentException when the model uses features the trainer cannot train
     */
    public static DpModel read(Path file) throws IOException {
        DeepPotModel m;
        try {
            m = EeltModelFile.read(file).model();
        } catch (FormatException notEelt) {
            m = DpModelYaml.read(file);
        }
        return DeepPotConversion.fromDeepPot(m);
    }
}
