package org.eelt.labeler.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.OracleSpecException;
import org.eelt.labeler.spec.Oracles;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault-injecting oracle: SPEC grammar, deterministic plan, and each fault's real failure path. */
class FaultyOracleTest {
    private static final Set<Property> EF = EnumSet.of(Property.ENERGY, Property.FORCES);

    @TempDir
    Path tmp;

    private OracleSettings settings() {
        return OracleSettings.defaults().withWorkRoot(tmp.resolve("work")).withTimeout(Duration.ofSeconds(20));
    }

    private static Structure cu(long seed) {
        return TestStructures.fccCu(new double[] {7.23, 0, 0, 0, 7.23, 0, 0, 0, 7.23}, 0.05, seed);
    }

    private Oracle only(FaultKind kind) {
        return Oracles.create("faulty:rate=1,seed=5,kinds=" + kind.specName() + ",timeout-s=0.3,hang-s=3:sutton-chen:",
                settings());
    }

    @Test
    void specParsesWithDefaultsAndRoundTrips() {
        OracleSpec s = OracleSpec.parse("faulty:rate=0.2,seed=1,kinds=exit|nan:sutton-chen:");
        OracleSpec.Faulty f = assertInstanceOf(OracleSpec.Faulty.class, s);
        assertEquals(0.2, f.rate());
        assertEquals(List.of(FaultKind.EXIT, FaultKind.NAN), f.kinds());
        assertInstanceOf(OracleSpec.SuttonChenSpec.class, f.inner());
        assertEquals(s, OracleSpec.parse(s.canonical()));
        OracleSpec.Faulty all = (OracleSpec.Faulty) OracleSpec.parse("faulty:rate=0:lj:Ar-Ar=0.0104,3.40,8.5");
        assertEquals(List.of(FaultKind.values()), all.kinds());
    }

    @Test
    void badSpecsNameTheProblem() {
        assertTrue(assertThrows(OracleSpecException.class, () -> OracleSpec.parse("faulty:rate=1.5:sutton-chen:"))
                .getMessage().contains("rate must be in [0, 1]"));
        assertTrue(assertThrows(OracleSpecException.class, () -> OracleSpec.parse("faulty:rate=0.1,kinds=boom:sutton-chen:"))
                .getMessage().contains("unknown fault kind 'boom'"));
        assertTrue(assertThrows(OracleSpecException.class, () -> OracleSpec.parse("faulty:seed=1:sutton-chen:"))
                .getMessage().contains("needs rate"));
        assertTrue(assertThrows(OracleSpecException.class, () -> OracleSpec.parse("faulty:rate=0.1"))
                .getMessage().contains("inner SPEC"));
        assertTrue(assertThrows(OracleSpecException.class,
                () -> OracleSpec.parse("faulty:rate=0.1:faulty:rate=0.1:sutton-chen:")).getMessage().contains("another faulty"));
    }

    @Test
    void planIsDeterministicPerStructureAndAttemptAndHitsTheRate() {
        List<FaultKind> kinds = List.of(FaultKind.values());
        FaultPlan a = new FaultPlan(0.2, 11, kinds);
        FaultPlan b = new FaultPlan(0.2, 11, kinds);
        List<Structure> structures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            structures.add(cu(i));
        }
        List<Optional<FaultKind>> seqA = new ArrayList<>();
        for (Structure s : structures) {
            seqA.add(a.next(s));
        }
        // b sees the same structures in reverse order: the decisions per structure are the same
        List<Optional<FaultKind>> seqB = new ArrayList<>();
        for (int i = structures.size() - 1; i >= 0; i--) {
            seqB.add(0, b.next(structures.get(i)));
        }
        assertEquals(seqA, seqB);
        double rate = a.injectedTotal() / (double) a.calls();
        assertTrue(rate > 0.14 && rate < 0.26, "fault fraction " + rate + " for rate 0.2 over 400 calls");
        for (FaultKind k : FaultKind.values()) {
            assertTrue(a.injected().get(k) > 0, "kind " + k + " injected");
        }
        // the second attempt of a structure is decided independently of the first
        int secondFails = 0;
        for (Structure s : structures) {
            secondFails += a.next(s).isPresent() ? 1 : 0;
        }
        assertTrue(secondFails > 50 && secondFails < 110, "second attempts failing: " + secondFails);
        assertFalse(new FaultPlan(0.0, 1, kinds).next(structures.get(0)).isPresent());
    }

    @Test
    void passingCallsReturnTheInnerOraclesExactResult() {
        Oracle clean = Oracles.create("sutton-chen:", settings());
        Oracle wrapped = Oracles.create("faulty:rate=0,seed=1:sutton-chen:", settings());
        Structure s = cu(3);
        OracleResult r0 = clean.calculate(s, EF);
        OracleResult r1 = wrapped.calculate(s, EF);
        assertEquals(r0.energy(), r1.energy());
        assertArrayEquals(r0.forces(), r1.forces());
        assertEquals(clean.settings(), wrapped.settings(), "labels hash like the real oracle's");
        assertEquals(clean.name(), wrapped.name());
    }

    @Test
    void exitFaultIsARealProcessExitingNonZero() {
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> only(FaultKind.EXIT).calculate(cu(1), EF));
        assertTrue(e.reason().contains("exited with status 3"), e.reason());
        assertTrue(e.excerpt().contains(FaultProcess.EXIT_MESSAGE), "stderr quoted: " + e.excerpt());
    }

    @Test
    void garbageFaultIsRejectedByTheLammpsParser() {
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> only(FaultKind.GARBAGE).calculate(cu(1), EF));
        assertTrue(e.reason().startsWith("unreadable output: result.txt"), e.reason());
        assertTrue(e.excerpt().contains("garbled output"), e.excerpt());
    }

    @Test
    void nanFaultIsRejectedByTheResultCheck() {
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> only(FaultKind.NAN).calculate(cu(1), EF));
        assertTrue(e.reason().startsWith("non-finite force NaN on atom"), e.reason());
    }

    @Test
    void timeoutFaultIsKilledByTheProcessTimeout() {
        long t0 = System.nanoTime();
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> only(FaultKind.TIMEOUT).calculate(cu(1), EF));
        double s = (System.nanoTime() - t0) * 1e-9;
        assertTrue(e.reason().contains("killed after the timeout"), e.reason());
        assertTrue(s < 15, "the sleep of 3600 s was killed, took " + s + " s");
    }

    @Test
    void hangOutlivesACallersTimeoutThenEndsAsASlowSuccess() throws Exception {
        Oracle o = only(FaultKind.HANG);
        Structure s = cu(1);
        CompletableFuture<OracleResult> f = CompletableFuture.supplyAsync(() -> o.calculate(s, EF))
                .orTimeout(500, TimeUnit.MILLISECONDS);
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertInstanceOf(TimeoutException.class, e.getCause(), "the caller's timeout fired during the hang");
        // the hang itself ends after hang-s = 3 s with the real result (a late success the labeler discards)
        OracleResult late = CompletableFuture.supplyAsync(() -> o.calculate(cu(2), EF)).get(20, TimeUnit.SECONDS);
        assertEquals(Oracles.create("sutton-chen:", settings()).calculate(cu(2), EF).energy(), late.energy());
    }

    @Test
    void factorySharesThePlanSoAFreshInstanceContinuesTheAttemptCount() {
        Supplier<Oracle> f = Oracles.factory("faulty:rate=0.5,seed=2,kinds=nan:sutton-chen:", settings());
        FaultyOracle a = (FaultyOracle) f.get();
        FaultyOracle b = (FaultyOracle) f.get();
        assertTrue(a.plan() == b.plan());
        Structure s = cu(4);
        int failures = 0;
        for (int i = 0; i < 20; i++) {
            try {
                (i % 2 == 0 ? a : b).calculate(s, EF);
            } catch (CalculationFailedException e) {
                failures++;
            }
        }
        assertEquals(a.plan().injectedTotal(), failures);
        assertTrue(failures > 0 && failures < 20, "attempts of one structure fail independently: " + failures);
        assertTrue(Files.notExists(tmp.resolve("work")) || tmp.resolve("work").toFile().list().length == 0,
                "NaN faults need no work directory");
    }
}
