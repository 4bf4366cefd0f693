package org.eelt.labeler.run;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.Oracles;
import org.eelt.protocol.atoms.CodeVersion;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelRunnerTest {
    @TempDir
    Path tmp;

    /** Rattled, strained fcc Cu cells; frame {@code badIndex} has a silver atom the Cu potential does not know. */
    private static List<Structure> frames(int n, int badIndex) {
        List<Structure> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double a = 3.55 + 0.02 * k;
            Structure s = TestStructures.fccCu(new double[] {a, 0, 0, 0.05 * k, a, 0, 0, 0, a}, 0.08, k);
            if (k == badIndex) {
                s = new Structure(new String[] {"Cu", "Ag", "Cu", "Cu"}, s.positions(), s.cell());
            }
            out.add(s);
        }
        return out;
    }

    @Test
    void labelsInInputOrderWithFailuresRecordedPerFrame() throws Exception {
        OracleSettings settings = OracleSettings.defaults().withWorkRoot(tmp);
        String spec = "sutton-chen:";
        Oracle reference = Oracles.create(spec, settings);
        List<Structure> input = frames(12, 7);
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());
        LabelReport report = LabelRunner.of(OracleSpec.parse(spec), settings, 3)
                .label(input, Set.of(Property.VIRIAL), (done, failed, total) -> calls.add(new int[] {done, failed, total}));

        assertEquals(12, report.total());
        assertEquals(1, report.failures().size());
        LabelFailure f = report.failures().get(0);
        assertEquals(7, f.index());
        assertEquals("OracleSetupException", f.errorType());
        assertTrue(f.message().contains("'Ag'"), f.message());
        assertTrue(f.summary().startsWith("frame 7: sutton-chen"), f.summary());
        assertNull(report.frames().get(7));
        assertEquals(11, report.labeled().size());
        for (int i = 0; i < 12; i++) {
            if (i == 7) {
                continue;
            }
            LabeledFrame lf = report.frames().get(i);
            assertEquals(input.get(i), lf.structure(), "frame " + i + " stays at its index");
            OracleResult r = reference.calculate(input.get(i), Set.of(Property.ENERGY, Property.FORCES, Property.VIRIAL));
            assertEquals(r.energy(), lf.energy(), 0.0);
            assertArrayEquals(r.forces(), lf.forces(), 0.0);
            assertArrayEquals(r.virial(), lf.frame().virial(), 0.0);
            assertEquals("sutton-chen", lf.provenance().source());
            assertEquals(reference.settings(), lf.provenance().settings());
            assertEquals(CodeVersion.get(), lf.provenance().codeVersion());
        }
        assertEquals(12, calls.size(), "one progress call per frame");
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(i + 1, calls.get(i)[0], "done count increases by one");
            assertEquals(12, calls.get(i)[2]);
        }
        assertEquals(1, calls.get(11)[1]);
    }

    @Test
    void externalOracleWorkersUseTheirOwnWorkRoots() throws Exception {
        TestStructures.assumeOnPath("lmp");
        OracleSettings settings = OracleSettings.defaults().withWorkRoot(tmp.resolve("runs")).withKeep(true, true);
        List<Structure> input = frames(4, -1);
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        LabelReport report = LabelRunner.of(OracleSpec.parse("lammps:pair_style=eam;pair_coeff=* * Cu_u3.eam"),
                settings, 2).label(input, Set.of(), new TextProgressBar(new PrintStream(bar, true,
                StandardCharsets.UTF_8), 20));
        assertTrue(report.complete(), () -> report.failures().toString());
        Oracle builtin = Oracles.create("eam:Cu_u3.eam", settings);
        for (int i = 0; i < 4; i++) {
            double e = builtin.calculate(input.get(i), Set.of(Property.ENERGY)).energy();
            assertEquals(e, report.frames().get(i).energy(), 1e-9 * Math.abs(e));
            assertNull(report.frames().get(i).frame().virial(), "virial not requested");
        }
        int dirs = 0;
        for (String w : new String[] {"worker-0", "worker-1"}) {
            Path root = tmp.resolve("runs").resolve(w);
            if (Files.isDirectory(root)) {
                try (var s = Files.list(root)) {
                    dirs += (int) s.filter(p -> p.getFileName().toString().startsWith("lammps-")).count();
                }
            }
        }
        assertEquals(4, dirs, "one kept work directory per calculation under the workers' roots");
        String text = bar.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[####################] 4/4 (0 failed)"), text);
    }

    @Test
    void interruptingTheCallerKillsRunningCalculations() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = bin.resolve("xtb");
        // records its pid, then hangs like a stuck SCF
        Files.writeString(fake, "#!/bin/sh\necho $$ > " + tmp.resolve("pids") + ".$$\nexec sleep 300\n");
        Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        OracleSettings settings = OracleSettings.defaults().withWorkRoot(tmp.resolve("runs"))
                .withBinaries("lmp", fake.toString(), "cp2k");
        LabelRunner runner = LabelRunner.of(OracleSpec.parse("xtb"), settings, 2);
        Thread caller = new Thread(() -> {
            try {
                runner.label(List.of(TestStructures.ethanol(), TestStructures.ethanol(), TestStructures.ethanol()),
                        Set.of(), ProgressListener.NONE);
            } catch (InterruptedException expected) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();
        List<Path> pidFiles = List.of();
        for (int i = 0; i < 100 && pidFiles.size() < 2; i++) {
            Thread.sleep(100);
            try (var s = Files.list(tmp)) {
                pidFiles = s.filter(p -> p.getFileName().toString().startsWith("pids.")).toList();
            }
        }
        assertEquals(2, pidFiles.size(), "two workers started a calculation each");
        caller.interrupt();
        caller.join(20_000);
        assertTrue(!caller.isAlive(), "label() returned after the interrupt");
        for (Path p : pidFiles) {
            long pid = Long.parseLong(Files.readString(p).trim());
            for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                Thread.sleep(100);
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "process " + pid + " was killed");
        }
    }

    @Test
    void missingBinaryAbortsTheRunWithASetupError() {
        OracleSettings settings = OracleSettings.defaults().withWorkRoot(tmp)
                .withBinaries("lmp", "/nonexistent/xtb", "cp2k");
        LabelRunner runner = LabelRunner.of(OracleSpec.parse("xtb"), settings, 2);
        OracleSetupException e = assertThrows(OracleSetupException.class,
                () -> runner.label(List.of(TestStructures.ethanol()), Set.of(), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("apt-get install xtb"), e.getMessage());
    }
}
