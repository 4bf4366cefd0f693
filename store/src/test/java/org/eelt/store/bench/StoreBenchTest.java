package org.eelt.store.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the store benchmark at a small size (set {@code -Deelt.bench.frames=5000} for the
 * reported numbers) and checks the JSON.
 */
class StoreBenchTest {
    @TempDir
    Path dir;

    @Test
    void benchmarkRunsAndReportsPositiveRates() throws Exception {
        int frames = Integer.getInteger("eelt.bench.frames", 300);
        int sync = Integer.getInteger("eelt.bench.sync", 100);
        StoreBench b = StoreBench.run(dir, frames, sync, 50);
        String json = b.toJson();
        System.out.println("StoreBench " + json);
        assertEquals(192, b.atoms());
        for (String key : new String[] {"sync_puts_per_s", "async_puts_per_s", "batch_sync_puts_per_s",
                "batch_async_puts_per_s", "gets_per_s", "iterate_per_s", "hashes_per_s"}) {
            Matcher m = Pattern.compile("\"" + key + "\": ([0-9.]+)").matcher(json);
            assertTrue(m.find(), key + " missing in " + json);
            assertTrue(Double.parseDouble(m.group(1)) > 0, key);
        }
        assertTrue(json.startsWith("{") && json.endsWith("}"));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "benchmark stores are deleted");
        }
    }
}
