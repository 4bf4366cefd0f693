package org.eelt.deploy.cli;

import org.eelt.labeler.external.Executables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eelt gromacs-label} with the real gmx (skipped when Debian's gromacs is absent). */
class GromacsLabelCommandTest {
    @TempDir
    Path tmp;

    @Test
    void labelsAShortRunAndRefusesACenterOutsideTheDomain() {
        String pdb = CliTestSupport.shared().resolve("fixtures/ala2/alanine-dipeptide.pdb").toString();
        CliTestSupport.Run bad = CliTestSupport.run("gromacs-label", "--phi", "200", "--psi", "150", "--work-dir",
                tmp.toString(), "--pdb", pdb);
        assertEquals(2, bad.status(), bad.err());
        assertTrue(bad.err().contains("--phi 200.0 is outside the dihedral's domain (-180, 180] degrees: use --phi -160"),
                bad.err());
        Assumptions.assumeTrue(Executables.onPath("gmx"), "gmx is not on PATH: apt-get install gromacs");
        CliTestSupport.Run r = CliTestSupport.run("gromacs-label", "--phi", "0", "--psi", "150", "--steps", "10000",
                "--work-dir", tmp.toString(), "--pdb", pdb);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"center_deg\": [0.000000, 150.000000]") && r.out().contains("\"samples\": 180")
                && r.out().contains("\"accepted\": true") && r.out().contains("GROMACS 20"), r.out());
        double fPhi = Double.parseDouble(r.out().replaceAll("(?s).*\"mean_force_kjmol_rad\": \\[([-0-9.]+),.*", "$1"));
        assertTrue(fPhi < -30, "on the C7eq side of the barrier f_phi < 0: " + r.out());
    }
}
