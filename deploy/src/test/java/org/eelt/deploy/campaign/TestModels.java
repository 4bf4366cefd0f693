package org.eelt.deploy.campaign;

import java.util.List;

import org.eelt.potential.dp.EeltModelFile;
import org.eelt.potential.dp.ModelProvenance;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.trainer.model.DeepPotConversion;
import org.eelt.trainer.model.DpModel;
import org.eelt.trainer.model.DpSpec;
import org.eelt.trainer.model.ParamInit;
import org.eelt.trainer.model.ParamLayout;

/** Small untrained Cu Deep Potentials (random weights from a seed) as published models, for agent tests. */
final class TestModels {
    static final DpSpec SPEC = new DpSpec(List.of("Cu"), new int[] {40}, 4.5, 1.0, new int[] {4, 8}, 2,
            new int[] {8}, false, false, true);

    private TestModels() {
    }

    /** @return member {@code member}, generation {@code gen}, weights drawn from {@code seed}. */
    static ModelPublished model(int member, long gen, long seed) {
        ParamLayout lay = new ParamLayout(SPEC);
        double[] p = ParamInit.draw(lay, seed, new double[] {-3.5});
        double[] davg = new double[SPEC.ntypes() * 4];
        double[] dstd = new double[davg.length];
        java.util.Arrays.fill(dstd, 1.0);
        DpModel m = new DpModel(SPEC, p, davg, dstd);
        String yaml = new EeltModelFile(DeepPotConversion.toDeepPot(m), ModelProvenance.trained(seed, "test", 0)).toYaml();
        return new ModelPublished(member, gen, 0, yaml, 0, 0, 0, 0);
    }
}
