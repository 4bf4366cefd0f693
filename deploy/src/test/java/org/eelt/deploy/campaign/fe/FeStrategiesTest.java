package org.eelt.deploy.campaign.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.Dihedral;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.messages.AtomsData;
import org.junit.jupiter.api.Test;

/** The FE strategies plugged into the agents: placement of CV points, CV-space clustering. */
class FeStrategiesTest {
    static final Path PDB = Path.of("..", "..", "shared", "fixtures", "ala2", "alanine-dipeptide.pdb");

    @Test
    void dihedralsArePlacedExactlyAndBondsKeepTheirLengths() {
        if (!Files.isRegularFile(PDB)) {
            return;
        }
        Structure ala2 = FeSystems.readPdb(PDB);
        assertEquals(22, ala2.size());
        CvSet cvs = new CvSet(List.of(new Dihedral(4, 6, 8, 14), new Dihedral(6, 8, 14, 16)));
        CvEmbedding e = new CvEmbedding(cvs, ala2);
        double[] x0 = ala2.positions();
        for (double[] target : new double[][] {{-1.4, 1.2}, {1.1, -1.3}, {Math.PI, -Math.PI + 0.01}, {0.0, 0.0}}) {
            Structure placed = e.place(ala2, target);
            double[] s = cvs.values(placed.positions(), null);
            assertEquals(0, CvSet.wrapDifference(s[0] - target[0], true, 2 * Math.PI), 1e-9);
            assertEquals(0, CvSet.wrapDifference(s[1] - target[1], true, 2 * Math.PI), 1e-9);
            double[] x = placed.positions();
            for (int a = 0; a < 22; a++) { // rigid rotations of fragments: every bonded distance is unchanged
                for (int b = a + 1; b < 22; b++) {
                    double d0 = dist(x0, a, b);
                    if (d0 < CvEmbedding.BOND_A) {
                        assertEquals(d0, dist(x, a, b), 1e-9, "bond " + a + "-" + b);
                    }
                }
            }
        }
    }

    private static double dist(double[] x, int a, int b) {
        double dx = x[3 * a] - x[3 * b], dy = x[3 * a + 1] - x[3 * b + 1], dz = x[3 * a + 2] - x[3 * b + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Test
    void clusteringUsesPeriodicDistances() {
        if (!Files.isRegularFile(PDB)) {
            return;
        }
        Structure ala2 = FeSystems.readPdb(PDB);
        CvSet cvs = new CvSet(List.of(new Dihedral(4, 6, 8, 14), new Dihedral(6, 8, 14, 16)));
        CvEmbedding e = new CvEmbedding(cvs, ala2);
        CvClusterFilter f = new CvClusterFilter(cvs, 0.2, List.of());
        AtomsData a = AtomsData.of(e.place(ala2, new double[] {3.10, 0.0}));
        f.remember(a);
        assertTrue(f.isDuplicate(AtomsData.of(e.place(ala2, new double[] {-3.10, 0.05}))),
                "3.10 and -3.10 rad are 0.083 rad apart across the period");
        assertFalse(f.isDuplicate(AtomsData.of(e.place(ala2, new double[] {2.80, 0.0}))));
        assertEquals(1, f.clusters());
    }

    @Test
    void aCandidateWithCollinearDihedralAtomsIsSkippedWithAReason() {
        CvSet cvs = new CvSet(List.of(new Dihedral(0, 1, 2, 3)));
        Structure line = new Structure(new String[] {"C", "C", "C", "C"}, new double[] {0, 0, 0, 1.5, 0, 0, 3, 0, 0, 4, 1, 0},
                org.eelt.protocol.atoms.Cell.nonPeriodic());
        org.eelt.examiner.agent.Examiner.Candidate c = new org.eelt.examiner.agent.Examiner.Candidate("c1",
                AtomsData.of(line), "w0", 2, 0.5);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.eelt.labeler.oracle.CalculationFailedException.class,
                () -> MeanForceCandidates.center(cvs, c));
        assertTrue(e.getMessage().contains("label skipped") && e.getMessage().contains("dihedral"), e.getMessage());
    }
}
