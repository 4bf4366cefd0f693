package org.eelt.protocol.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format specification: NEP 1, "A simple file format for NumPy arrays").
 *
 * <p>Layout: magic {@code \x93NUMPY}, major and minor version bytes, the header length (uint16
 * little-endian in version 1.0, uint32 in 2.0 and 3.0), an ASCII (3.0: UTF-8) Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (80, 9), }} padded with spaces and a
 * newline, then the raw values.
 *
 * <p>Reads versions 1.0, 2.0 and 3.0 with dtypes {@code f8 f4 i8 i4 i2 i1 u1 u2 u4} in either byte
 * order ({@code <}, {@code >}, {@code |}), C order only. Writes version 1.0, {@code <f8}, with the
 * header padded so that the data starts at a multiple of 64 bytes, as NumPy does.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads a whole {@code .npy} file.
     *
     * @throws FormatException naming the file for a bad magic, header, dtype, Fortran order or a
     *                         truncated data block
     */
    public static NpyArray read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses the bytes of a {@code .npy} file; {@code name} is used in error messages. */
    public static NpyArray parse(byte[] bytes, String name) {
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw new FormatException(name, "file header", "not a NumPy .npy file (missing the \\x93NUMPY magic)",
                    "save the array with numpy.save");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw truncated(name, "header length");
            }
            headerLen = buf.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new FormatException(name, "file header", "unsupported .npy format version " + major + "." + (bytes[7] & 0xff),
                    "save with numpy.save (format version 1.0, 2.0 or 3.0)");
        }
        if (headerStart + headerLen > bytes.length) {
            throw truncated(name, "header");
        }
        String header = new String(bytes, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name, "descr");
        if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
            throw new FormatException(name, "header", "array is stored in Fortran (column-major) order",
                    "save a C-ordered array: numpy.save(path, numpy.ascontiguousarray(a))");
        }
        int[] shape = parseShape(group(SHAPE, header, name, "shape"), name);
        Dtype dt = Dtype.parse(descr, name);
        long count = 1;
        for (int d : shape) {
            long cap = Long.MAX_VALUE / 16; // saturate instead of overflowing: such an array is rejected below
            count = d != 0 && count > cap / d ? cap : count * d;
        }
        int dataStart = headerStart + (int) headerLen;
        long need = count * dt.size;
        if (count > Integer.MAX_VALUE || bytes.length - dataStart < need) {
            throw new FormatException(name, "data block", "shape " + NpyArray.shapeString(shape) + " of " + descr
                    + " needs " + need + " bytes but the file holds " + (bytes.length - dataStart),
                    "the file is truncated or its header is wrong: write it again with numpy.save");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) need).slice().order(dt.order);
        double[] out = new double[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = dt.get(data, i);
        }
        return new NpyArray(descr, shape, out);
    }

    /**
     * Writes a float64 array ({@code <f8}, C order, format 1.0).
     *
     * @param shape dimensions (product = data length); empty for a scalar
     * @param data  values in C order
     */
    public static void write(Path file, int[] shape, double[] data) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(encode(shape, data));
        }
    }

    /** @return the bytes of a {@code <f8} .npy file holding the array. */
    public static byte[] encode(int[] shape, double[] data) {
        new NpyArray("<f8", shape, data); // validates shape against data length
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + NpyArray.shapeString(shape) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(total - unpadded)).append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(total + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        for (double v : data) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static FormatException truncated(String name, String part) {
        return new FormatException(name, "file header", "file ends inside the " + part, "the file is truncated: write it again");
    }

    private static String group(Pattern p, String header, String name, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new FormatException(name, "header", "no valid '" + key + "' entry in the header " + header.strip(),
                    "save the array with numpy.save");
        }
        return m.group(1);
    }

    private static int[] parseShape(String s, String name) {
        String[] parts = s.split(",");
        int n = 0;
        int[] tmp = new int[parts.length];
        for (String p : parts) {
            String t = p.strip();
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1); // Python 2 long literal
            }
            if (t.isEmpty()) {
                continue;
            }
            try {
                tmp[n] = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new FormatException(name, "header", "bad dimension '" + p.strip() + "' in shape (" + s + ")",
                        "save the array with numpy.save");
            }
            if (tmp[n] < 0) {
                throw new FormatException(name, "header", "negative dimension in shape (" + s + ")", "save the array with numpy.save");
            }
            n++;
        }
        int[] shape = new int[n];
        System.arraycopy(tmp, 0, shape, 0, n);
        return shape;
    }

    /** Supported element types. */
    private record Dtype(char kind, int size, ByteOrder order) {
        static Dtype parse(String descr, String name) {
            if (descr.length() >= 3) {
                char bo = descr.charAt(0);
                char kind = descr.charAt(1);
                String sizeText = descr.substring(2);
                ByteOrder order = bo == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                boolean okOrder = bo == '<' || bo == '>' || bo == '|' || bo == '=';
                if (okOrder && sizeText.matches("[1248]")) {
                    int size = Integer.parseInt(sizeText);
                    boolean ok = switch (kind) {
                        case 'f' -> size == 4 || size == 8;
                        case 'i' -> true;
                        case 'u' -> size <= 4;
                        default -> false;
                    };
                    if (ok) {
                        return new Dtype(kind, size, order);
                    }
                }
            }
            throw new FormatException(name, "header", "unsupported dtype '" + descr + "'",
                    "store the array as float64 ('<f8'), float32 ('<f4') or integers ('<i8', '<i4')");
        }

        double get(ByteBuffer b, int i) {
            int at = i * size;
            return switch (kind) {
                case 'f' -> size == 8 ? b.getDouble(at) : b.getFloat(at);
                case 'i' -> switch (size) {
                    case 1 -> b.get(at);
                    case 2 -> b.getShort(at);
                    case 4 -> b.getInt(at);
                    default -> b.getLong(at);
                };
                default -> switch (size) {
                    case 1 -> b.get(at) & 0xff;
                    case 2 -> b.getShort(at) & 0xffff;
                    default -> b.getInt(at) & 0xffffffffL;
                };
            };
        }
    }
}
