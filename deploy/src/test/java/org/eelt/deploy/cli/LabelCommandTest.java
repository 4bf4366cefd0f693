package org.eelt.deploy.cli;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.Formats;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelCommandTest {
    private static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");

    @TempDir
    Path tmp;

    @Test
    void builtinEamAndLammpsAgreeThroughTheLabelCommandOnAnAlCuAlloy() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(POTENTIALS.resolve("AlCu.eam.alloy")), "Debian lammps not installed");
        Path in = tmp.resolve("alcu.extxyz");
        assertEquals(0, CliTestSupport.run("build", "fcc", "Cu", "--a", "3.8", "--repeat", "2", "2", "2",
                "--alloy", "Al=0.5,Cu=0.5", "--rattle", "0.05", "--strain", "0.02", "--count", "3",
                "--out", in.toString()).status());
        String file = POTENTIALS.resolve("AlCu.eam.alloy").toString();
        Path eam = tmp.resolve("eam.extxyz");
        Path lmp = tmp.resolve("lmp.extxyz");
        CliTestSupport.Run r1 = CliTestSupport.run("label", "--oracle", "eam:" + file, "--input", in.toString(),
                "--output", eam.toString());
        assertEquals(0, r1.status(), r1.err());
        CliTestSupport.Run r2 = CliTestSupport.run("label", "--oracle",
                "lammps:pair_style=eam/alloy;pair_coeff=* * " + file + " Al Cu", "--input", in.toString(),
                "--output", lmp.toString(), "--workers", "2", "--work-dir", tmp.resolve("work").toString());
        assertEquals(0, r2.status(), r2.err());
        List<Frame> a = Formats.read(eam);
        List<Frame> b = Formats.read(lmp);
        assertEquals(3, a.size());
        assertEquals(3, b.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(a.get(i).energy(), b.get(i).energy(), 1e-8 * Math.abs(a.get(i).energy()));
            double[] fa = a.get(i).forces();
            double[] fb = b.get(i).forces();
            for (int k = 0; k < fa.length; k++) {
                assertEquals(fa[k], fb[k], 1e-8);
            }
        }
    }

    @Test
    void invalidSpecShowsTheGrammar() {
        CliTestSupport.Run r = CliTestSupport.run("label", "--oracle", "dft:pbe", "--input", "x.extxyz", "--output", "y.extxyz");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("SPEC grammar"), r.err());
    }

    @Test
    void missingPotentialFileIsNamed() throws Exception {
        Path in = tmp.resolve("cu.extxyz");
        assertEquals(0, CliTestSupport.run("build", "fcc", "Cu", "--a", "3.615", "--out", in.toString()).status());
        CliTestSupport.Run r = CliTestSupport.run("label", "--oracle", "eam:/nonexistent/Cu.eam", "--input", in.toString(),
                "--output", tmp.resolve("o.extxyz").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("/nonexistent/Cu.eam"), r.err());
    }
}
