package org.eelt.examiner.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eelt.examiner.selection.SelectionPolicy;

/**
 * The examiner's queue of candidates waiting for a labeler, with the selection rules that decide
 * what enters it: duplicates are dropped ({@link CandidateFilter}); each model version (one state
 * of the ensemble: every member publication makes a new one, as the store numbers them) admits at
 * most {@code cap} candidates, and each walker of the stage at most ⌈cap / walkers⌉ of them; under
 * {@link SelectionPolicy#MAX_DEVI} a full version swaps its smallest-deviation candidate for a
 * larger one, and labelers get the largest deviation first; otherwise first in, first out.
 *
 * <p>Owned by the examiner actor (not thread-safe). Deviations are max atomic force deviations in
 * eV/Å (energy per CV unit for free-energy campaigns).
 */
final class CandidateQueue {
    /** What {@link #offer} did with a candidate. */
    enum Offer {
        /** queued under its version's quota */
        QUEUED,
        /** queued in place of a smaller-deviation candidate of a full version (max-devi) */
        REPLACED,
        /** dropped: it duplicates a candidate selected before */
        DUPLICATE,
        /** dropped: its version's or its walker's quota is used up */
        CAPPED
    }

    private final CandidateFilter filter;
    private final int cap;
    private final SelectionPolicy policy;
    private final LinkedHashMap<String, Examiner.Candidate> queued = new LinkedHashMap<>();
    private final Map<String, Long> versionOfQueued = new HashMap<>();
    private final Map<Long, Integer> selectedPerVersion = new HashMap<>();
    private final Map<String, Integer> selectedPerWalkerVersion = new HashMap<>();
    private int stageWalkers;
    private long selected;
    private long duplicates;
    private long capped;
    private long rescoredAway;

    /**
     * @param filter duplicate detection
     * @param cap    candidates admitted per model version (≥ 1)
     * @param policy selection policy
     */
    CandidateQueue(CandidateFilter filter, int cap, SelectionPolicy policy) {
        this.filter = filter;
        this.cap = cap;
        this.policy = policy;
    }

    /** A new stage: its walker count sets each walker's share of a version's quota (0 = no share limit). */
    void startStage(int walkers) {
        stageWalkers = Math.max(0, walkers);
    }

    /** Offers a candidate selected by the ensemble of model version {@code version}. */
    Offer offer(Examiner.Candidate c, long version) {
        if (filter.isDuplicate(c.atoms())) {
            duplicates++;
            return Offer.DUPLICATE;
        }
        String walkerKey = version + "/" + c.walker();
        int share = stageWalkers > 0 ? (cap + stageWalkers - 1) / stageWalkers : cap;
        if (selectedPerWalkerVersion.getOrDefault(walkerKey, 0) >= share) {
            capped++;
            return Offer.CAPPED;
        }
        int used = selectedPerVersion.getOrDefault(version, 0);
        Offer result;
        if (used >= cap) {
            if (policy != SelectionPolicy.MAX_DEVI || !replaceSmallest(c, version)) {
                capped++;
                return Offer.CAPPED;
            }
            result = Offer.REPLACED;
        } else {
            selectedPerVersion.put(version, used + 1);
            put(c, version);
            result = Offer.QUEUED;
        }
        selectedPerWalkerVersion.merge(walkerKey, 1, Integer::sum);
        selected++;
        filter.remember(c.atoms());
        return result;
    }

    /** max-devi: replaces the queued candidate of the same version with the smallest deviation, if smaller. */
    private boolean replaceSmallest(Examiner.Candidate c, long version) {
        Examiner.Candidate min = null;
        for (Examiner.Candidate q : queued.values()) {
            if (versionOfQueued.getOrDefault(q.id(), -1L) == version && (min == null || q.deviation() < min.deviation())) {
                min = q;
            }
        }
        if (min == null || min.deviation() >= c.deviation()) {
            return false;
        }
        remove(min.id());
        put(c, version);
        capped++;
        return true;
    }

    /** Queues a candidate again (its labeler is gone); it counts against no quota a second time. */
    void requeue(Examiner.Candidate c) {
        queued.put(c.id(), c);
    }

    /** @return the next candidate for a labeler (largest deviation under max-devi, else the oldest), or null */
    Examiner.Candidate pollBest() {
        if (queued.isEmpty()) {
            return null;
        }
        String best = null;
        if (policy == SelectionPolicy.MAX_DEVI) {
            double d = Double.NEGATIVE_INFINITY;
            for (Examiner.Candidate c : queued.values()) {
                if (c.deviation() > d) {
                    d = c.deviation();
                    best = c.id();
                }
            }
        } else {
            best = queued.keySet().iterator().next();
        }
        return remove(best);
    }

    /**
     * A newer ensemble re-scored a queued candidate: it leaves the queue when now accurate,
     * otherwise it keeps its place with the new deviation. Unknown ids (labeled meanwhile) are ignored.
     */
    void rescored(String id, double deviation, boolean accurate) {
        Examiner.Candidate c = queued.get(id);
        if (c == null) {
            return;
        }
        if (accurate) {
            remove(id);
            rescoredAway++;
        } else {
            queued.put(id, new Examiner.Candidate(id, c.atoms(), c.walker(), c.generation(), deviation));
        }
    }

    private void put(Examiner.Candidate c, long version) {
        queued.put(c.id(), c);
        versionOfQueued.put(c.id(), version);
    }

    private Examiner.Candidate remove(String id) {
        versionOfQueued.remove(id);
        return queued.remove(id);
    }

    /** @return the queued candidates in queue order (a copy) */
    List<Examiner.Candidate> candidates() {
        return new ArrayList<>(queued.values());
    }

    /** @return the queued candidates' ids in queue order (a copy) */
    List<String> ids() {
        return new ArrayList<>(queued.keySet());
    }

    /** @return the queued candidates (a read-only view) */
    Collection<Examiner.Candidate> view() {
        return java.util.Collections.unmodifiableCollection(queued.values());
    }

    boolean isEmpty() {
        return queued.isEmpty();
    }

    int size() {
        return queued.size();
    }

    /** @return candidates admitted so far (queued or replacing another) */
    long selected() {
        return selected;
    }

    /** @return candidates dropped as duplicates */
    long duplicates() {
        return duplicates;
    }

    /** @return candidates dropped or displaced by the quotas */
    long capped() {
        return capped;
    }

    /** @return queued candidates dropped because a newer ensemble found them accurate */
    long rescoredAway() {
        return rescoredAway;
    }
}
