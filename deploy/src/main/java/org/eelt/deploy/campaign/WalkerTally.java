package org.eelt.deploy.campaign;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eelt.explorer.agent.Walker;
import org.eelt.protocol.messages.ModelPublished;

/**
 * The campaign's account of its walkers: the latest progress report of each walker of the running
 * stage, and the totals of the stages that ended. Explored frames count every frame a walker sent
 * to the examiner; explorer utilization is walker busy seconds / (walkers × stage wall seconds),
 * summed over stages. Owned by the campaign actor (not thread-safe); times from {@link System#nanoTime()}.
 */
final class WalkerTally {
    private final Map<String, Walker.Progress> progress = new HashMap<>();
    private long exploredDone;
    private long busyMillisDone;
    private double aliveSecondsDone;
    private long stageStartNanos;
    private int stageWalkers;
    private boolean running;

    /** @param exploredBase frames explored by earlier processes of a resumed run */
    WalkerTally(long exploredBase) {
        this.exploredDone = exploredBase;
    }

    /** A stage with {@code walkers} walkers starts at {@code nowNanos}. */
    void stageStarted(int walkers, long nowNanos) {
        running = true;
        stageWalkers = walkers;
        stageStartNanos = nowNanos;
    }

    /**
     * Records a walker's report.
     *
     * @return whether every walker of the stage has now reported that it finished its steps
     */
    boolean report(Walker.Progress p) {
        progress.put(p.walker(), p);
        return progress.size() == stageWalkers && progress.values().stream().allMatch(Walker.Progress::finished);
    }

    /** The running stage ends at {@code nowNanos}: its walkers' figures move into the totals. */
    void stageEnded(long nowNanos) {
        aliveSecondsDone += (nowNanos - stageStartNanos) * 1e-9 * stageWalkers;
        for (Walker.Progress p : progress.values()) {
            exploredDone += p.framesSent();
            busyMillisDone += p.busyMillis();
        }
        progress.clear();
        running = false;
    }

    /** @return the generation of the model a walker last reported running, 0 when it has not reported */
    private long generation(String walker) {
        Walker.Progress p = progress.get(walker);
        return p == null ? 0 : p.generation();
    }

    /**
     * @param memberOf     ensemble member each walker of the stage runs
     * @param latestModels newest published model of each member
     * @return per walker, how many generations its model is behind its member's newest (sorted by walker)
     */
    Map<String, Long> staleness(Map<String, Integer> memberOf, Map<Integer, ModelPublished> latestModels) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Integer> e : memberOf.entrySet()) {
            ModelPublished newest = latestModels.get(e.getValue());
            if (newest != null) {
                out.put(e.getKey(), Math.max(0, newest.generation() - generation(e.getKey())));
            }
        }
        return out;
    }

    /** @return frames sent to the examiner, this run's earlier processes and stages included */
    long explored() {
        long e = exploredDone;
        for (Walker.Progress p : progress.values()) {
            e += p.framesSent();
        }
        return e;
    }

    /** @return walker busy time / walker alive time at {@code nowNanos}, 0 before any walker ran */
    double utilization(long nowNanos) {
        double alive = aliveSecondsDone + (running ? (nowNanos - stageStartNanos) * 1e-9 * stageWalkers : 0);
        long busy = busyMillisDone;
        for (Walker.Progress p : progress.values()) {
            busy += p.busyMillis();
        }
        return alive <= 0 ? 0 : busy / 1000.0 / alive;
    }
}
