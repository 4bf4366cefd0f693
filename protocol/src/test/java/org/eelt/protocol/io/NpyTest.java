package org.eelt.protocol.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path tmp;

    /** Builds a .npy file by hand: version, header dict and raw little/big-endian payload. */
    private static byte[] npy(int major, String dict, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] h = (dict + "\n").getBytes(StandardCharsets.UTF_8);
        if (major == 1) {
            out.write(h.length & 0xff);
            out.write(h.length >> 8);
        } else {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(h.length).array());
        }
        out.writeBytes(h);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    @Test
    void readsSharedFloat32CoordinatesExactly() throws IOException {
        Path file = SharedData.water().resolve("data_1/set.000/coord.npy");
        NpyArray a = Npy.read(file);
        assertEquals("<f4", a.dtype());
        assertArrayEquals(new int[] {80, 576}, a.shape());
        // independent decoding: header length at bytes 8-9 (v1.0), then little-endian float32 bits
        byte[] raw = Files.readAllBytes(file);
        int start = 10 + ((raw[8] & 0xff) | (raw[9] & 0xff) << 8);
        for (int i : new int[] {0, 1, 2, 575, 80 * 576 - 1}) {
            int at = start + 4 * i;
            int bits = (raw[at] & 0xff) | (raw[at + 1] & 0xff) << 8 | (raw[at + 2] & 0xff) << 16 | (raw[at + 3] & 0xff) << 24;
            assertEquals((double) Float.intBitsToFloat(bits), a.data()[i]);
        }
        // bit patterns found with numpy: coord[0, :3].view(uint32)
        assertEquals((double) Float.intBitsToFloat(1089173152), a.data()[0]);
        assertEquals((double) Float.intBitsToFloat(1073824376), a.data()[1]);
        assertEquals((double) Float.intBitsToFloat(1084049788), a.data()[2]);
        assertEquals(7.35823059, a.data()[0], 1e-8);
    }

    @Test
    void float64RoundTripIsBitExactAndAligned() throws IOException {
        Random rnd = new Random(11);
        double[] d = new double[6 * 7];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
        }
        d[3] = -0.0;
        d[4] = Double.MIN_VALUE;
        for (int[] shape : new int[][] {{6, 7}, {42}, {2, 3, 7}}) {
            Path f = tmp.resolve("a" + shape.length + ".npy");
            Npy.write(f, shape, d);
            byte[] raw = Files.readAllBytes(f);
            int headerLen = (raw[8] & 0xff) | (raw[9] & 0xff) << 8;
            assertEquals(0, (10 + headerLen) % 64, "data must start on a 64-byte boundary");
            assertEquals(10 + headerLen + 8 * d.length, raw.length);
            NpyArray a = Npy.read(f);
            assertEquals("<f8", a.dtype());
            assertArrayEquals(shape, a.shape());
            for (int i = 0; i < d.length; i++) {
                assertEquals(Double.doubleToRawLongBits(d[i]), Double.doubleToRawLongBits(a.data()[i]));
            }
        }
        Path scalar = tmp.resolve("s.npy");
        Npy.write(scalar, new int[0], new double[] {2.5});
        NpyArray s = Npy.read(scalar);
        assertEquals(0, s.ndim());
        assertEquals(2.5, s.data()[0]);
        assertEquals("(42,)", NpyArray.shapeString(new int[] {42}));
    }

    @Test
    void readsVersions2And3IntegersAndBigEndian() {
        ByteBuffer i4 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(0).putInt(123456);
        NpyArray a = Npy.parse(npy(2, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", i4.array()), "a.npy");
        assertArrayEquals(new double[] {-7, 0, 123456}, a.data());
        ByteBuffer i8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 52).putLong(-3);
        NpyArray b = Npy.parse(npy(3, "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2), }", i8.array()), "b.npy");
        assertArrayEquals(new double[] {1L << 52, -3}, b.data());
        assertArrayEquals(new int[] {1, 2}, b.shape());
        ByteBuffer be = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(Math.PI).putDouble(-1e-300);
        NpyArray c = Npy.parse(npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", be.array()), "c.npy");
        assertArrayEquals(new double[] {Math.PI, -1e-300}, c.data());
        ByteBuffer f4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.1f).putFloat(-2.5f);
        NpyArray d = Npy.parse(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", f4.array()), "d.npy");
        assertArrayEquals(new double[] {0.1f, -2.5f}, d.data());
        assertEquals("<f4", d.dtype());
    }

    @Test
    void malformedArraysNameTheFile() {
        byte[] eight = new byte[8];
        FormatException e = assertThrows(FormatException.class, () -> Npy.parse(
                npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", eight), "fortran.npy"));
        assertTrue(e.getMessage().startsWith("fortran.npy") && e.getMessage().contains("Fortran"), e.getMessage());
        e = assertThrows(FormatException.class, () -> Npy.parse(
                npy(1, "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]), "complex.npy"));
        assertTrue(e.getMessage().contains("complex.npy") && e.getMessage().contains("<c16"), e.getMessage());
        e = assertThrows(FormatException.class, () -> Npy.parse(
                npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", eight), "short.npy"));
        assertTrue(e.getMessage().contains("short.npy") && e.getMessage().contains("(2, 3)")
                && e.getMessage().contains("48 bytes"), e.getMessage());
        e = assertThrows(FormatException.class, () -> Npy.parse("hello world, not numpy".getBytes(StandardCharsets.UTF_8), "text.npy"));
        assertTrue(e.getMessage().contains("text.npy") && e.getMessage().contains("magic"), e.getMessage());
        e = assertThrows(FormatException.class, () -> Npy.parse(
                npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (a,), }", eight), "shape.npy"));
        assertTrue(e.getMessage().contains("shape.npy"), e.getMessage());
        e = assertThrows(FormatException.class, () -> Npy.parse(npy(1,
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2000000000, 2000000000, 2000000000), }", eight), "huge.npy"));
        assertTrue(e.getMessage().contains("huge.npy") && e.getMessage().contains("truncated"), e.getMessage());
        NpyArray a = new NpyArray("<f8", new int[] {4, 9}, new double[36]);
        e = assertThrows(FormatException.class, () -> a.requireShape("set.000/box.npy", "box", -1, 9 + 1));
        assertTrue(e.getMessage().contains("set.000/box.npy") && e.getMessage().contains("(4, 9)")
                && e.getMessage().contains("(*, 10)"), e.getMessage());
        assertEquals(a, a.requireShape("box.npy", "box", -1, 9));
    }
}
