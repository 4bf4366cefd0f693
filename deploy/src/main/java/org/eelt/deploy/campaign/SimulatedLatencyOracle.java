package org.eelt.deploy.campaign;

import java.util.Set;
import java.util.SplittableRandom;

import org.eelt.explorer.md.Gaussian;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.oracle.WrappingOracle;
import org.eelt.protocol.atoms.Structure;

/**
 * A real oracle plus a declared, <b>simulated</b> extra latency per call, drawn from a log-normal
 * distribution (median m seconds, log-σ s: t = m·exp(s·ξ), ξ ~ N(0, 1)), so that oracle time
 * dominates as DFT does in real campaigns (benchmarks only). The labels are the real oracle's;
 * only the waiting is simulated. Its settings text is the inner oracle's, so labels hash alike.
 */
public final class SimulatedLatencyOracle extends WrappingOracle {
    private final double medianS;
    private final double sigma;
    private final Gaussian gaussian;

    private SimulatedLatencyOracle(Oracle inner, double medianS, double sigma, long seed) {
        super(inner);
        this.medianS = medianS;
        this.sigma = sigma;
        this.gaussian = new Gaussian(new SplittableRandom(seed));
    }

    /** @return {@code inner} itself when medianS is 0, else the wrapper. */
    public static Oracle wrap(Oracle inner, double medianS, double sigma, long seed) {
        return medianS <= 0 ? inner : new SimulatedLatencyOracle(inner, medianS, sigma, seed);
    }

    @Override
    public OracleResult calculate(Structure structure, Set<Property> properties) {
        long t0 = System.nanoTime();
        OracleResult r = inner.calculate(structure, properties);
        double wait;
        synchronized (gaussian) {
            wait = medianS * Math.exp(sigma * gaussian.next());
        }
        long remaining = (long) (wait * 1e9) - (System.nanoTime() - t0);
        if (remaining > 0) {
            try {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.eelt.labeler.oracle.CalculationFailedException(inner.name(), "simulated latency wait interrupted", "", null);
            }
        }
        return r;
    }
}
