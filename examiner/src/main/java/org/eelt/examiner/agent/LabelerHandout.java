package org.eelt.examiner.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * Who labels what: the labelers' pending requests, the seed candidates (bootstrap or a resumed
 * selection, handed out before anything the ensemble selected) and the candidates in flight with
 * the labeler holding each. Labelers pull: a request is answered as soon as a seed or a queued
 * candidate exists. Owned by the examiner actor (not thread-safe).
 */
final class LabelerHandout {
    private final Deque<Examiner.Candidate> seeds = new ArrayDeque<>();
    private final Map<String, Examiner.Candidate> inFlight = new HashMap<>();
    private final Map<String, ActorRef<Examiner.Candidate>> inFlightBy = new HashMap<>();
    private final Set<ActorRef<Examiner.Candidate>> known = new HashSet<>();
    private final Deque<Examiner.RequestWork> waiting = new ArrayDeque<>();

    /** Adds seeds behind those already waiting. */
    void addSeeds(Collection<Examiner.Candidate> c) {
        seeds.addAll(c);
    }

    /**
     * Queues a labeler's request.
     *
     * @return whether the labeler asks for the first time (the actor then watches it)
     */
    boolean request(Examiner.RequestWork r) {
        boolean first = known.add(r.replyTo());
        waiting.addLast(r);
        return first;
    }

    /** The labeler finished a candidate (labeled or given up). */
    void done(String candidateId) {
        inFlight.remove(candidateId);
        inFlightBy.remove(candidateId);
    }

    /**
     * A labeler is gone: its pending requests are dropped and the candidates it held are offered
     * again, seeds ahead of every other seed, selected candidates back into {@code queue}.
     *
     * @return how many candidates it held
     */
    int requesterGone(ActorRef<Examiner.Candidate> requester, CandidateQueue queue) {
        known.remove(requester);
        waiting.removeIf(r -> r.replyTo().equals(requester));
        List<String> lost = new ArrayList<>();
        inFlightBy.forEach((id, ref) -> {
            if (ref.equals(requester)) {
                lost.add(id);
            }
        });
        for (String id : lost) {
            inFlightBy.remove(id);
            Examiner.Candidate c = inFlight.remove(id);
            if (c == null) {
                continue;
            }
            if (c.generation() == 0 && Double.isNaN(c.deviation())) {
                seeds.addFirst(c);
            } else {
                queue.requeue(c);
            }
        }
        return lost.size();
    }

    /** Answers waiting requests, seeds first, then {@code queue}'s best, while both last. */
    void dispatch(CandidateQueue queue) {
        while (!waiting.isEmpty()) {
            Examiner.Candidate c = seeds.pollFirst();
            if (c == null) {
                c = queue.pollBest();
            }
            if (c == null) {
                return;
            }
            Examiner.RequestWork r = waiting.pollFirst();
            inFlight.put(c.id(), c);
            inFlightBy.put(c.id(), r.replyTo());
            r.replyTo().tell(c);
        }
    }

    /** @return seeds waiting for a labeler */
    int seedCount() {
        return seeds.size();
    }

    /** @return candidates being labeled */
    int inFlightCount() {
        return inFlight.size();
    }

    /** @return the waiting seeds in handout order (a copy) */
    List<Examiner.Candidate> seeds() {
        return new ArrayList<>(seeds);
    }

    /** @return the candidates being labeled (a copy) */
    List<Examiner.Candidate> inFlight() {
        return new ArrayList<>(inFlight.values());
    }
}
