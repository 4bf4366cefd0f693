package org.eelt.deploy.bench;

import java.util.ArrayList;
import java.util.List;

import org.eelt.deploy.campaign.CampaignSpec;
import org.eelt.deploy.campaign.DatasetRecorder;
import org.eelt.deploy.campaign.TestSet;

/**
 * The per-system view of a label-efficiency run ({@link LabelEfficiencyBench}): names of the
 * campaign's systems, the test set's frame range of each system, the walker that selected a label,
 * and the JSON fields that split the errors and the label counts by system. Test force RMSEs are
 * in eV/Å.
 */
final class SystemBreakdown {
    private SystemBreakdown() {
    }

    /** @return the walker of a label's campaign metadata ({@link DatasetRecorder#labelMeta}), or "unknown" */
    static String walkerOf(String labelMeta) {
        return DatasetRecorder.metaValue(labelMeta, "walker").orElse("unknown");
    }

    /** @return {@code known} when the spec has as many systems, else "system-0", "system-1", ... */
    static List<String> systemNames(CampaignSpec spec, List<String> known) {
        if (spec.systems().size() == known.size()) {
            return known;
        }
        List<String> n = new ArrayList<>();
        for (int i = 0; i < spec.systems().size(); i++) {
            n.add("system-" + i);
        }
        return n;
    }

    /**
     * @return the test set's index range of each system ([first, end)) when the test set covers every
     *         system ({@link TestSet#build} writes them system by system), else one range for all
     */
    static List<int[]> testGroups(CampaignSpec spec, int testFrames) {
        if (!spec.test().allSystems()) {
            return List.of(new int[] {0, testFrames});
        }
        int per = testFrames / spec.systems().size();
        List<int[]> g = new ArrayList<>();
        for (int i = 0; i < spec.systems().size(); i++) {
            g.add(new int[] {i * per, (i + 1) * per});
        }
        return g;
    }

    /**
     * @return JSON fields: EELT's retrainings (each seed's RMSE), the test RMSE by system of EELT's
     *         retrainings and of the random draws at EELT's label count (means over seeds / draws, when
     *         that count was trained), every draw's RMSE, and the labels and reservoir frames by system
     */
    static String json(List<String> names, double[] eeltRmse, double[][] eeltPerSystem, LabelCurve.Result random,
                       LabelCurve curves, int eelt, SystemTally labels, SystemTally reservoir, int testFrames) {
        StringBuilder b = new StringBuilder();
        b.append("\"eelt_test_force_rmse_seeds\": ").append(LabelCurve.json(eeltRmse));
        b.append(", \"random_curve_draws\": ").append(random.drawsJson());
        b.append(", \"test_frames\": ").append(testFrames);
        b.append(", \"systems\": [\"").append(String.join("\", \"", names)).append("\"]");
        int groups = eeltPerSystem[0].length;
        if (groups == names.size()) {
            b.append(", \"eelt_test_force_rmse_per_system\": ").append(LabelCurve.json(mean(eeltPerSystem)));
            if (random.draws().containsKey(eelt)) {
                double[][] r = new double[random.draws().get(eelt).length][];
                for (int d = 0; d < r.length; d++) {
                    r[d] = curves.groupRmse(LabelCurve.drawName("random", d, eelt));
                }
                b.append(", \"random_test_force_rmse_per_system_at_eelt_labels\": ").append(LabelCurve.json(mean(r)));
            }
        }
        b.append(", \"eelt_labels_per_system\": ").append(labels.json());
        b.append(", \"reservoir_per_system\": ").append(reservoir.json());
        return b.toString();
    }

    private static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] r : rows) {
            for (int i = 0; i < m.length; i++) {
                m[i] += r[i] / rows.length;
            }
        }
        return m;
    }
}
