package org.eelt.labeler.external;

import org.eelt.labeler.TestStructures;
import org.eelt.labeler.cp2k.Cp2kOracle;
import org.eelt.labeler.cp2k.Cp2kParameters;
import org.eelt.labeler.lammps.LammpsOracle;
import org.eelt.labeler.lammps.LammpsParameters;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.labeler.xtb.XtbOracle;
import org.eelt.labeler.xtb.XtbParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process runner and the failure paths of external oracles, with small shell scripts standing
 * in for a code that hangs, crashes or writes garbage.
 */
class ExternalProcessTest {
    @TempDir
    Path tmp;

    private Path script(String name, String body) throws IOException {
        Path p = tmp.resolve("bin").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void hangingProcessTreeIsKilledAtTheTimeout() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        // a parent that starts two children and a grandchild, records their pids, then waits forever
        Path hang = script("hang", "sleep 300 & echo $! > pids\nsh -c 'sleep 300 & echo $! >> pids; wait' &\n"
                + "echo $! >> pids\necho started\nwait\n");
        long t0 = System.nanoTime();
        ExternalProcess.Outcome o = ExternalProcess.run(List.of(hang.toString()), work, Map.of(), Duration.ofMillis(1500));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(o.timedOut());
        assertFalse(o.succeeded());
        assertTrue(seconds < 10, "returned after " + seconds + " s");
        assertTrue(o.describe().contains("timeout"), o.describe());
        assertEquals("started", Files.readString(o.stdout()).trim());
        List<String> pids = Files.readAllLines(work.resolve("pids"));
        assertEquals(3, pids.size(), "two children and a grandchild were started: " + pids);
        for (String pid : pids) {
            long id = Long.parseLong(pid.trim());
            for (int i = 0; i < 50 && alive(id); i++) {
                Thread.sleep(100);
            }
            assertFalse(alive(id), "descendant " + id + " survived the timeout");
        }
    }

    @Test
    void exitStatusAndCapturedStreams() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("w2"));
        Path p = script("fails", "echo out-line\necho err-line >&2\nexit 3\n");
        ExternalProcess.Outcome o = ExternalProcess.run(List.of(p.toString()), work, Map.of("X", "1"), Duration.ofSeconds(20));
        assertFalse(o.timedOut());
        assertEquals(3, o.exitCode());
        assertEquals("out-line", Files.readString(o.stdout()).trim());
        assertEquals("err-line", Files.readString(o.stderr()).trim());
    }

    @Test
    void oracleTimeoutKeepsTheWorkDirectoryAndSaysWhere() throws Exception {
        Path hang = script("xtb", "echo computing\nsleep 300\n");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp.resolve("runs"))
                .withBinaries("lmp", hang.toString(), "cp2k").withTimeout(Duration.ofSeconds(1));
        XtbOracle o = new XtbOracle(XtbParameters.defaults(), s);
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> o.calculate(TestStructures.ethanol(), Set.of(Property.ENERGY, Property.FORCES)));
        assertTrue(e.getMessage().contains("killed after the timeout"), e.getMessage());
        assertTrue(e.getMessage().contains("computing"), "quotes the output: " + e.getMessage());
        assertTrue(e.workDir().isPresent() && Files.isDirectory(e.workDir().get()), e.getMessage());
        assertTrue(e.getMessage().contains(e.workDir().get().toString()));
        assertTrue(Files.exists(e.workDir().get().resolve("coord.xyz")));
    }

    @Test
    void garbageOutputFailsWithAnExcerpt() throws Exception {
        Path fake = script("xtb", "printf '$energy\\n     1   garbage-not-a-number\\n$end\\n' > energy\n"
                + "echo 'normal termination of xtb' >&2\n");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp.resolve("runs"))
                .withBinaries("lmp", fake.toString(), "cp2k");
        XtbOracle o = new XtbOracle(XtbParameters.defaults(), s);
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> o.calculate(TestStructures.ethanol(), Set.of(Property.ENERGY)));
        assertTrue(e.getMessage().contains("garbage-not-a-number"), e.getMessage());
        assertTrue(e.getMessage().contains("normal termination of xtb"), "stderr excerpt: " + e.getMessage());
        assertTrue(e.workDir().isPresent());
    }

    @Test
    void nanEnergyNeverBecomesALabel() throws Exception {
        StringBuilder grad = new StringBuilder("$grad\n  cycle =      1    SCF energy = NaN\n");
        for (String el : TestStructures.ethanol().species()) {
            grad.append("  0.0 0.0 0.0 ").append(el.toLowerCase()).append('\n');
        }
        grad.append("  1.0D-03 2.0D-03 -3.0D-03\n".repeat(9)).append("$end\n");
        Files.writeString(tmp.resolve("gradient.txt"), grad);
        Path fake = script("xtb", "printf '$energy\\n     1   NaN  NaN NaN\\n$end\\n' > energy\n"
                + "cp " + tmp.resolve("gradient.txt") + " gradient\n"
                + "echo 'normal termination of xtb'\n");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp.resolve("runs")).withKeep(false, false)
                .withBinaries("lmp", fake.toString(), "cp2k");
        XtbOracle o = new XtbOracle(XtbParameters.defaults(), s);
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> o.calculate(TestStructures.ethanol(), Set.of(Property.ENERGY)));
        assertTrue(e.getMessage().contains("non-finite energy NaN"), e.getMessage());
        assertTrue(e.workDir().isEmpty(), "keepFailedWorkDirs=false removes it");
        try (var files = Files.list(tmp.resolve("runs"))) {
            assertEquals(0, files.count(), "work directory removed");
        }
    }

    @Test
    void crashingCodeReportsStatusAndStderr() throws Exception {
        Path fake = script("xtb", "echo '[ERROR] Program stopped due to fatal error' >&2\nexit 128\n");
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp.resolve("runs"))
                .withBinaries("lmp", fake.toString(), "cp2k");
        XtbOracle o = new XtbOracle(XtbParameters.defaults(), s);
        CalculationFailedException e = assertThrows(CalculationFailedException.class,
                () -> o.calculate(TestStructures.ethanol(), Set.of(Property.ENERGY)));
        assertTrue(e.getMessage().contains("exited with status 128"), e.getMessage());
        assertTrue(e.getMessage().contains("Program stopped due to fatal error"), e.getMessage());
    }

    @Test
    void missingBinaryIsASetupErrorNamingTheDebianPackage() {
        OracleSettings s = OracleSettings.defaults().withWorkRoot(tmp)
                .withBinaries("/nonexistent/lmp", "/nonexistent/xtb", "/nonexistent/cp2k");
        OracleSetupException e = assertThrows(OracleSetupException.class,
                () -> new XtbOracle(XtbParameters.defaults(), s));
        assertTrue(e.getMessage().contains("apt-get install xtb"), e.getMessage());
        assertTrue(e.getMessage().contains("eelt.oracles.xtb.binary"), e.getMessage());
        LammpsParameters lj = new LammpsParameters(List.of("Ar"), "lj/cut 8", List.of("1 1 0.0104 3.4"), List.of());
        e = assertThrows(OracleSetupException.class, () -> new LammpsOracle(lj, s));
        assertTrue(e.getMessage().contains("apt-get install lammps"), e.getMessage());
        e = assertThrows(OracleSetupException.class, () -> new Cp2kOracle(Cp2kParameters.defaults(), s));
        assertTrue(e.getMessage().contains("apt-get install cp2k"), e.getMessage());
    }
}
