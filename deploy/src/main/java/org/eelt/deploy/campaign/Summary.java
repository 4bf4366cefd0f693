package org.eelt.deploy.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eelt.deploy.campaign.fe.FeSpec;
import org.eelt.deploy.campaign.fe.FeSummary;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;

/**
 * The campaign summary written to {@code summary.json}: status, counts, utilizations and the
 * errors of member 0's newest model (and of its first model) on the independent test set
 * (force RMSE eV/Å, energy RMSE eV/atom; see {@link TestSet}).
 *
 * @param fields    the JSON fields in order
 * @param rmseCurve (dataset size, test force RMSE eV/Å) of member 0's model versions, for the report
 */
public record Summary(Map<String, Object> fields, List<double[]> rmseCurve) {

    /**
     * Runs the independent test and assembles the summary.
     *
     * @param spec   the campaign
     * @param result the campaign result
     * @param store  the store
     * @param models newest model per member
     * @param oracle a fresh oracle for the test MD
     * @param processWallS seconds this process ran (campaign + test)
     * @return the summary
     */
    public static Summary evaluate(CampaignSpec spec, CampaignResult result, EeltStore store,
                                   Map<Integer, ModelPublished> models, Oracle oracle, double processWallS) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", result.status());
        f.put("reason", result.reason());
        f.put("campaign", spec.name());
        f.put("mode", spec.mode().name().toLowerCase(Locale.ROOT));
        f.put("explored", result.explored());
        f.put("examined", result.examined());
        f.put("labeled", store.count());
        f.put("labeled_fraction", result.explored() == 0 ? 0.0 : store.count() / (double) result.explored());
        f.put("label_failures", result.labelFailures());
        f.put("label_failed_attempts", FailureReasons.byReason(store).values().stream().mapToLong(Long::longValue).sum());
        f.put("label_failures_by_reason", FailureReasons.byReason(store));
        f.put("quarantined", FailureReasons.quarantined(store));
        f.put("model_versions", store.latestModelVersion());
        f.put("stages_converged", result.stagesConverged());
        f.put("accurate_ratio", result.lastAccurateRatio());
        List<double[]> curve = new ArrayList<>();
        if (models.containsKey(0) && !spec.test().temperatures().isEmpty() && spec.test().frames() > 0) {
            List<TestSet.Labeled> test = TestSet.build(spec, oracle);
            TestSet.Errors last = TestSet.errors(CampaignRunner.potential(models.get(0)), test);
            f.put("test_force_rmse", last.forceRmse());
            f.put("test_energy_rmse", last.energyRmsePerAtom());
            f.put("test_frames", last.frames());
            ModelPublished first = CampaignRunner.firstModel(store, 0);
            if (first != null) {
                f.put("test_force_rmse_first_model", TestSet.errors(CampaignRunner.potential(first), test).forceRmse());
            }
            curve = rmseCurve(store, test);
        } else {
            f.put("test_force_rmse", Double.NaN);
            f.put("test_energy_rmse", Double.NaN);
        }
        f.put("wall_s", result.wallS());
        f.put("process_wall_s", processWallS);
        f.put("labeler_utilization", result.labelerUtilization());
        f.put("trainer_utilization", result.trainerUtilization());
        f.put("explorer_utilization", result.explorerUtilization());
        if (!result.timings().isEmpty()) {
            f.put("timings", result.timings());
        }
        f.put("test_description", "member 0 vs the oracle on oracle-driven Langevin MD at " + spec.test().temperatures()
                + " K " + (spec.test().allSystems() ? "from each of the " + spec.systems().size() + " systems " : "")
                + "(" + spec.test().frames() + " frames each, seed " + spec.test().seed()
                + "); force RMSE eV/Å per component, energy RMSE eV/atom");
        return new Summary(f, curve);
    }

    /**
     * The summary of a free-energy campaign: status, counts (labels = mean-force labels), the FES
     * figures ({@code fes_rmse_kT} where the exact A is known, {@code delta_f_kjmol} when basins are
     * given) and timings; writes {@code fes.csv} and {@code fes.png} into the run directory.
     *
     * @throws IOException when the FES files cannot be written
     */
    public static Summary freeEnergy(CampaignSpec spec, CampaignResult result, EeltStore store,
                                     Map<Integer, ModelPublished> models, Path runDir, double processWallS)
            throws IOException {
        FeSpec fe = spec.fe();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", result.status());
        f.put("reason", result.reason());
        f.put("campaign", spec.name());
        f.put("kind", "fe");
        f.put("labels", store.meanForceCount());
        f.put("labeled", store.meanForceCount());
        f.put("explored", result.explored());
        f.put("examined", result.examined());
        f.put("label_failures", result.labelFailures());
        f.put("model_versions", store.latestModelVersion());
        f.put("accurate_ratio", result.lastAccurateRatio());
        FeSummary.Result r = FeSummary.write(fe, FeSummary.ensemble(fe, models), runDir);
        f.putAll(FeSummary.fields(fe, r));
        f.put("wall_s", result.wallS());
        f.put("process_wall_s", processWallS);
        f.put("labeler_utilization", result.labelerUtilization());
        f.put("trainer_utilization", result.trainerUtilization());
        f.put("explorer_utilization", result.explorerUtilization());
        return new Summary(f, List.of());
    }

    /** Test force RMSE of every stored model of member 0, at most 12 evenly spread versions. */
    private static List<double[]> rmseCurve(EeltStore store, List<TestSet.Labeled> test) {
        List<Long> versions = new ArrayList<>();
        for (long v : store.modelVersions()) {
            if ("0".equals(store.model(v).orElseThrow().metadata().attributes().get("member"))) {
                versions.add(v);
            }
        }
        List<double[]> out = new ArrayList<>();
        int n = versions.size();
        int step = Math.max(1, (n + 11) / 12);
        for (int i = 0; i < n; i += step) {
            out.add(point(store, versions.get(i), test));
        }
        if (n > 0 && (n - 1) % step != 0) {
            out.add(point(store, versions.get(n - 1), test));
        }
        return out;
    }

    private static double[] point(EeltStore store, long version, List<TestSet.Labeled> test) {
        var m = store.model(version).orElseThrow();
        ModelPublished p = new ModelPublished(0, 1, m.metadata().datasetSnapshot(),
                new String(m.bytes(), java.nio.charset.StandardCharsets.UTF_8), 0, 0, 0, 0);
        return new double[] {m.metadata().datasetSnapshot(), TestSet.errors(CampaignRunner.potential(p), test).forceRmse()};
    }

    /** @return a field as it is (null when absent) */
    public Object field(String key) {
        return fields.get(key);
    }

    /** @return a field as a number (NaN when absent). */
    public double number(String key) {
        Object o = fields.get(key);
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return the status field. */
    public String status() {
        return String.valueOf(fields.get("status"));
    }

    /** @return the fields as one JSON object (NaN and infinities as null). */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (var e : fields.entrySet()) {
            b.append("  \"").append(e.getKey()).append("\": ").append(value(e.getValue()));
            b.append(++i < fields.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    /**
     * @param o a number, string, map or list (nested)
     * @return its JSON text (NaN and infinities as null)
     */
    public static String json(Object o) {
        return value(o);
    }

    private static String value(Object o) {
        if (o instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null";
        }
        if (o instanceof Number n) {
            return n.toString();
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            int i = 0;
            for (var e : m.entrySet()) {
                b.append(i++ == 0 ? "" : ", ").append(value(String.valueOf(e.getKey()))).append(": ")
                        .append(value(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(value(l.get(i)));
            }
            return b.append(']').toString();
        }
        String s = String.valueOf(o).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "\"" + s + "\"";
    }

    /** Writes the JSON atomically (temp file, then move). */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
