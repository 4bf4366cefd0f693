package org.eelt.deploy.chaos;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eelt.potential.dp.EeltModelFile;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;
import org.eelt.store.StoredModel;

/**
 * Checks a campaign store after a kill (opened read-only, so the audit itself changes nothing):
 * every acknowledged label is present; no content hash occurs twice and every label sits under
 * the hash recomputed from its structure and oracle settings; model versions increase, each
 * acknowledged one is present, every model's bytes parse as an {@code eelt-dp} model, its metadata
 * names member and generation, and each member's generation increases with the version.
 *
 * @param labels             labels stored
 * @param lost               acknowledged labels missing
 * @param duplicated         labels stored twice or under a wrong hash
 * @param models             model versions stored
 * @param modelProblems      model inconsistencies (with {@link #problems} naming them)
 * @param problems           what was wrong, for the report
 */
record StoreAudit(long labels, long lost, long duplicated, long models, long modelProblems, List<String> problems) {

    static StoreAudit of(Path storeDir, Set<String> ackedLabels, Set<Long> ackedModels) {
        List<String> problems = new java.util.ArrayList<>();
        try (EeltStore s = EeltStore.openReadOnly(storeDir)) {
            Set<String> seen = new HashSet<>();
            long dup = 0;
            for (StoredLabel l : s.iterate().stream().toList()) {
                if (!seen.add(l.hash().hex())) {
                    dup++;
                    problems.add("label " + l.hash() + " stored twice");
                } else if (!s.hashOf(l.label()).equals(l.hash())) {
                    dup++;
                    problems.add("label " + l.sequence() + " stored under a wrong hash " + l.hash());
                }
            }
            if (seen.size() != s.count()) {
                problems.add(seen.size() + " distinct labels but the store counts " + s.count());
                dup += Math.abs(s.count() - seen.size());
            }
            long lost = 0;
            for (String h : ackedLabels) {
                if (!seen.contains(h)) {
                    lost++;
                    problems.add("acknowledged label " + h + " is missing");
                }
            }
            long modelProblems = 0;
            List<Long> versions = s.modelVersions();
            Map<String, Long> lastGeneration = new HashMap<>();
            long prev = 0;
            for (long v : versions) {
                if (v <= prev) {
                    modelProblems++;
                    problems.add("model version " + v + " after " + prev);
                }
                prev = v;
                StoredModel m = s.model(v).orElseThrow();
                Map<String, String> a = m.metadata().attributes();
                try {
                    EeltModelFile.parse(new String(m.bytes(), StandardCharsets.UTF_8), "model version " + v);
                } catch (RuntimeException e) {
                    modelProblems++;
                    problems.add("model version " + v + " does not load: " + e.getMessage());
                }
                if (!a.containsKey("member") || !a.containsKey("generation")) {
                    modelProblems++;
                    problems.add("model version " + v + " lacks member/generation metadata: " + a);
                    continue;
                }
                long gen = Long.parseLong(a.get("generation"));
                Long before = lastGeneration.put(a.get("member"), gen);
                if (before != null && before >= gen) {
                    modelProblems++;
                    problems.add("member " + a.get("member") + " generation " + gen + " (version " + v
                            + ") after generation " + before);
                }
            }
            for (long v : ackedModels) {
                if (!versions.contains(v)) {
                    modelProblems++;
                    problems.add("acknowledged model version " + v + " is missing");
                }
            }
            return new StoreAudit(seen.size(), lost, dup, versions.size(), modelProblems, List.copyOf(problems));
        }
    }
}
