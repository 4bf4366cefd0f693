package org.eelt.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.atoms.Structure;
import org.junit.jupiter.api.Test;

class LabelCodecTest {
    private static void assertSame(LabeledFrame a, LabeledFrame b) {
        // Frame.equals compares double arrays bit for bit (Double.doubleToLongBits)
        assertEquals(a.frame(), b.frame());
        assertEquals(a.provenance(), b.provenance());
        assertEquals(Double.doubleToRawLongBits(a.energy()), Double.doubleToRawLongBits(b.energy()));
        assertEquals(a.structure().cell(), b.structure().cell());
        assertArrayEquals(a.structure().species(), b.structure().species());
    }

    @Test
    void waterFrameWithAllLabelsRoundTripsExactly() {
        LabeledFrame w = TestData.water(3);
        byte[] bytes = LabelCodec.encode(w);
        assertEquals(LabelCodec.VERSION, bytes[0]);
        assertSame(w, LabelCodec.decode(bytes));
        // compact: 8 bytes per double, one byte per atom type, small header
        int doubles = 3 * 192 + 9 + 1 + 3 * 192 + 9 + 192;
        assertTrue(bytes.length < 8 * doubles + 192 + 200, "record is " + bytes.length + " bytes");
    }

    @Test
    void extremeDoublesAndOptionalLabelsRoundTrip() {
        double[] pos = {-0.0, Double.MIN_VALUE, 1e300, 0.1 + 0.2, -1.0 / 3, Math.nextUp(1.0)};
        Structure s = new Structure(new String[] {"Cu", "Cu"}, pos, Cell.nonPeriodic());
        double[] f = {-0.0, Double.MIN_NORMAL, -Double.MAX_VALUE, 1e-310, Math.PI, -Math.E};
        LabeledFrame l = new LabeledFrame(new Frame(s, -0.0, f, null, null),
                new Provenance("lammps", "pair_style eam\npair_coeff * * Cu_u3.eam ✓", "", -5, "v", 0));
        LabeledFrame back = LabelCodec.decode(LabelCodec.encode(l));
        assertSame(l, back);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.forces()[0]));
        assertTrue(!back.frame().hasVirial() && !back.frame().hasAtomicEnergies());
        assertEquals(Cell.nonPeriodic(), back.structure().cell());
    }

    @Test
    void manySpeciesAndMixedPbcRoundTrip() {
        int n = 300;
        String[] sp = new String[n];
        double[] pos = new double[3 * n];
        Random r = new Random(5);
        for (int i = 0; i < n; i++) {
            sp[i] = "X" + (i * 7 % n);
            for (int c = 0; c < 3; c++) {
                pos[3 * i + c] = r.nextDouble() * 20;
            }
        }
        Structure s = new Structure(sp, pos, new Cell(new double[] {20, 0, 0, 1, 20, 0, 0, 0, 20},
                new boolean[] {true, false, true}));
        LabeledFrame l = TestData.label(s, r, true, "cg");
        assertSame(l, LabelCodec.decode(LabelCodec.encode(l)));
    }

    @Test
    void unknownVersionAndTruncationAreRefusedClearly() {
        byte[] bytes = LabelCodec.encode(TestData.cluster(1, 4, "x"));
        byte[] newer = bytes.clone();
        newer[0] = 9;
        var e = assertThrows(IllegalArgumentException.class, () -> LabelCodec.decode(newer));
        assertTrue(e.getMessage().contains("format version 9"), e.getMessage());
        var t = assertThrows(IllegalArgumentException.class, () -> LabelCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
        assertTrue(t.getMessage().contains("truncated") || t.getMessage().contains("corrupt"), t.getMessage());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalArgumentException.class, () -> LabelCodec.decode(longer));
    }
}
