package org.eelt.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eelt.deploy.campaign.CampaignSpec;

/**
 * Counts frames by the system (of {@code eelt.campaign.systems}, after strains) their walker
 * started from, so a label-efficiency run shows what each selection drew: walker ids are
 * {@code s<stage>-w<index>-<tag>}, and walker w of stage k starts from system
 * {@link CampaignSpec#startSystem}. Frames of other sources (the bootstrap) are counted under
 * their walker name.
 */
final class SystemTally {
    private final CampaignSpec spec;
    private final List<String> names;
    private final TreeMap<String, Integer> counts = new TreeMap<>();

    /**
     * @param spec  the campaign
     * @param names one name per system of the spec
     */
    SystemTally(CampaignSpec spec, List<String> names) {
        if (names.size() != spec.systems().size()) {
            throw new IllegalArgumentException(names.size() + " names for " + spec.systems().size() + " systems");
        }
        this.spec = spec;
        this.names = List.copyOf(names);
    }

    /** @return the name of the system walker {@code walker} started from, or the walker name itself */
    String systemOf(String walker) {
        int dash = walker.indexOf("-w");
        if (!walker.startsWith("s") || dash < 2) {
            return walker;
        }
        int end = walker.indexOf('-', dash + 2);
        try {
            int stage = Integer.parseInt(walker.substring(1, dash));
            int w = Integer.parseInt(walker.substring(dash + 2, end < 0 ? walker.length() : end));
            return names.get(spec.startSystem(stage, w));
        } catch (RuntimeException e) {
            return walker;
        }
    }

    /** Counts one frame of {@code walker}. */
    void add(String walker) {
        counts.merge(systemOf(walker), 1, Integer::sum);
    }

    /** @return the counts by system name */
    Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    /** @return the counts as a JSON object */
    String json() {
        List<String> e = new ArrayList<>();
        counts.forEach((k, v) -> e.add(String.format(Locale.ROOT, "\"%s\": %d", k, v)));
        return "{" + String.join(", ", e) + "}";
    }
}
