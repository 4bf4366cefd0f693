package org.eelt.labeler.oracle;

import java.util.Objects;
import java.util.Set;

/**
 * Base of an oracle that wraps another and changes only how a calculation runs (injected faults,
 * a simulated latency): it keeps the inner oracle's name, properties and settings, so the labels
 * it gives carry the inner oracle's provenance and content hash.
 */
public abstract class WrappingOracle implements Oracle {
    /** The wrapped oracle. */
    protected final Oracle inner;

    /** @param inner the wrapped oracle */
    protected WrappingOracle(Oracle inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** @return the wrapped oracle. */
    public Oracle inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Set<Property> implementedProperties() {
        return inner.implementedProperties();
    }

    @Override
    public String settings() {
        return inner.settings();
    }
}
