package org.eelt.deploy.dashboard;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Builds the data of one dashboard event, {@code {"time": T, "campaigns": [...], "cluster": {...}}}:
 * {@code time} is the Unix time in seconds (float64) when the parts were complete,
 * {@code campaigns} the array of per-campaign status objects of {@code GET /api/campaigns/{id}}
 * and {@code cluster} the object of {@code GET /api/cluster}. Both parts are asked for at once
 * and combined without blocking.
 */
public final class DashboardSnapshot {
    private DashboardSnapshot() {
    }

    /**
     * @param campaignsJson non-blocking source of the JSON array of campaign status objects
     * @param clusterJson   non-blocking source of the JSON object of the cluster
     * @return a snapshot source for {@link DashboardRoutes}
     */
    public static Supplier<CompletionStage<String>> of(Supplier<? extends CompletionStage<String>> campaignsJson,
                                                       Supplier<? extends CompletionStage<String>> clusterJson) {
        Objects.requireNonNull(campaignsJson, "campaignsJson");
        Objects.requireNonNull(clusterJson, "clusterJson");
        return () -> {
            CompletionStage<String> campaigns = campaignsJson.get();
            CompletionStage<String> cluster = clusterJson.get();
            return campaigns.thenCombine(cluster, (a, c) -> compose(System.currentTimeMillis() / 1000.0, a, c));
        };
    }

    /**
     * @param timeS         Unix time, s
     * @param campaignsJson JSON array
     * @param clusterJson   JSON object
     * @return the event data
     * @throws IllegalArgumentException when a part is not a JSON array / object
     */
    public static String compose(double timeS, String campaignsJson, String clusterJson) {
        String a = campaignsJson.strip();
        String c = clusterJson.strip();
        if (!a.startsWith("[") || !a.endsWith("]")) {
            throw new IllegalArgumentException("campaign snapshots must be a JSON array, got: " + abbreviate(a));
        }
        if (!c.startsWith("{") || !c.endsWith("}")) {
            throw new IllegalArgumentException("the cluster snapshot must be a JSON object, got: " + abbreviate(c));
        }
        return String.format(Locale.ROOT, "{\"time\":%.3f,\"campaigns\":%s,\"cluster\":%s}", timeS, a, c);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
