package org.eelt.deploy.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers around {@link NodeLauncher}: polling, and the coordinator's progress lines. */
final class NodeProcesses {
    private NodeProcesses() {
    }

    /** @return the newest "labeled N" count on the coordinator's progress lines (0 before the first). */
    static long labeledSoFar(NodeLauncher nodes, String coordinator) throws IOException {
        long n = 0;
        Path f = nodes.log(coordinator);
        if (!Files.exists(f)) {
            return 0;
        }
        for (String l : Files.readAllLines(f)) {
            int i = l.indexOf("  labeled ");
            if (i >= 0) {
                n = Long.parseLong(l.substring(i + 10).trim().split("\\s+")[0]);
            }
        }
        return n;
    }

    /** Polls {@code condition} every 200 ms until it holds or {@code seconds} pass. */
    static boolean await(double seconds, Check condition) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.holds();
    }

    /** A polled condition. */
    interface Check {
        boolean holds() throws Exception;
    }
}
