package org.eelt.examiner.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eelt.potential.Potential;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.EeltModelFile;
import org.eelt.protocol.messages.ModelPublished;

/**
 * The newest model of each ensemble member. Immutable: {@link #with} returns a new instance, so
 * a scoring job can keep using the ensemble it started with.
 */
public final class EnsembleModels {
    /** One member's model (a {@link Potential} for Deep Potential ensembles; what the {@link EnsembleScorer} parsed). */
    public record Member(long generation, Object model) {
    }

    private final int size;
    private final Map<Integer, Member> members;

    private EnsembleModels(int size, Map<Integer, Member> members) {
        this.size = size;
        this.members = members;
    }

    /** @return an empty ensemble of K members. */
    public static EnsembleModels empty(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("ensemble size must be >= 1, got " + k);
        }
        return new EnsembleModels(k, Map.of());
    }

    /**
     * Parses an {@code eelt-dp} YAML model into a Float64 Deep Potential evaluator with tabulated
     * embedding nets ({@link DeepPotEvaluator#compressed}, DeePMD-kit's model compression: quintic
     * tables on a 0.01 grid of the normalised s(r), neighbours closer than 0.5 Å evaluated exactly).
     * Its forces agree with the exact nets to about 1e-12 eV/Å (checked in the tests; the
     * potential module's bound is 1e-9 eV/Å) and it runs 1.5–2.5× faster on 32–108-atom Cu frames,
     * which is what walkers and the examiner spend their time on. Building the tables takes a few ms.
     */
    public static Potential potentialOf(ModelPublished m) {
        return DeepPotEvaluator.compressed(EeltModelFile.parse(m.modelYaml(), "member " + m.member() + " generation "
                + m.generation()).model());
    }

    /** @return this ensemble with member m replaced when the new one is newer (else this). */
    public EnsembleModels with(int member, long generation, Object p) {
        if (member < 0 || member >= size) {
            throw new IllegalArgumentException("model member " + member + " is outside the ensemble 0.." + (size - 1));
        }
        Member old = members.get(member);
        if (old != null && old.generation() >= generation) {
            return this;
        }
        Map<Integer, Member> m = new TreeMap<>(members);
        m.put(member, new Member(generation, p));
        return new EnsembleModels(size, m);
    }

    /** @return whether every member has a model. */
    public boolean complete() {
        return members.size() == size;
    }

    /** @return the ensemble generation: the oldest member generation (0 when incomplete). */
    public long generation() {
        if (!complete()) {
            return 0;
        }
        long g = Long.MAX_VALUE;
        for (Member m : members.values()) {
            g = Math.min(g, m.generation());
        }
        return g;
    }

    /** @return the sum of member generations (grows with every publication). */
    public long publications() {
        long s = 0;
        for (Member m : members.values()) {
            s += m.generation();
        }
        return s;
    }

    /** @return the members' parsed models in member order. */
    public List<Object> models() {
        List<Object> out = new ArrayList<>();
        for (Member m : members.values()) {
            out.add(m.model());
        }
        return out;
    }

    /** @return the ensemble size K. */
    public int size() {
        return size;
    }
}
