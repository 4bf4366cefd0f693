package org.eelt.labeler.fault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.oracle.WrappingOracle;
import org.eelt.protocol.atoms.Structure;

/**
 * A fault-injecting wrapper of a real oracle, for reliability tests and chaos runs
 * ({@code faulty:rate=0.2,seed=1,kinds=exit|timeout|nan|garbage|hang:sutton-chen:}). A
 * {@link FaultPlan} decides per call whether it fails; the faults go through real failure paths:
 * <ul>
 *   <li>{@code exit}: a real {@code sh} process exits with status 3 ({@link FaultProcess});</li>
 *   <li>{@code timeout}: a real {@code sleep} killed by the oracle process timeout ({@code timeout-s});</li>
 *   <li>{@code garbage}: a real process writes a garbled LAMMPS result that the LAMMPS parser rejects;</li>
 *   <li>{@code nan}: the inner oracle's real result with one force set to NaN, rejected by
 *       {@link OracleResult#checked} as an external code's parsed output is;</li>
 *   <li>{@code hang}: a real {@code sleep} of {@code hang-s}, longer than the labeler's timeout, which
 *       must fire; the process is killed by the oracle process timeout (or ends and is discarded).</li>
 * </ul>
 * Calls that do not fail return the inner oracle's result. Name and settings are the inner
 * oracle's, so labels carry the real oracle's provenance and content hash. Units as the inner oracle.
 */
public final class FaultyOracle extends WrappingOracle {
    private final FaultPlan plan;
    private final Map<FaultKind, FaultProcess> processes = new EnumMap<>(FaultKind.class);

    /**
     * @param inner    the real oracle
     * @param plan     which calls fail (share one plan between the instances of a campaign)
     * @param settings machine settings (work root; its timeout bounds a hang's process)
     * @param timeout  the process timeout of {@code timeout} faults
     * @param hangS    seconds a {@code hang} fault sleeps
     */
    public FaultyOracle(Oracle inner, FaultPlan plan, OracleSettings settings, Duration timeout, double hangS) {
        super(inner);
        this.plan = Objects.requireNonNull(plan, "plan");
        OracleSettings s = settings.withKeep(false, false);
        processes.put(FaultKind.EXIT, new FaultProcess(FaultKind.EXIT, inner, s, 0));
        processes.put(FaultKind.GARBAGE, new FaultProcess(FaultKind.GARBAGE, inner, s, 0));
        processes.put(FaultKind.TIMEOUT, new FaultProcess(FaultKind.TIMEOUT, inner, s.withTimeout(timeout),
                timeout.toMillis() / 1000.0 + 3600));
        processes.put(FaultKind.HANG, new FaultProcess(FaultKind.HANG, inner, s, hangS));
    }

    /** @return the shared fault plan (its counts). */
    public FaultPlan plan() {
        return plan;
    }

    @Override
    public OracleResult calculate(Structure structure, Set<Property> properties) {
        requireImplemented(properties);
        Optional<FaultKind> fault = plan.next(structure);
        if (fault.isEmpty()) {
            return inner.calculate(structure, properties);
        }
        if (fault.get() == FaultKind.NAN) {
            OracleResult r = inner.calculate(structure, properties);
            double[] f = r.forces();
            f[f.length / 2] = Double.NaN;
            // the check every external oracle applies to its parsed numbers: throws CalculationFailedException
            return OracleResult.checked(inner.name() + "[injected nan]", structure.size(), r.energy(), f,
                    r.virial(), r.atomicEnergies(), "", null);
        }
        return processes.get(fault.get()).calculate(structure, properties);
    }
}
