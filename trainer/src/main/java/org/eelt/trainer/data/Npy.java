package org.eelt.trainer.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eelt.protocol.io.FormatException;

/**
 * Minimal reader of NumPy {@code .npy} files (format versions 1–3): little- or big-endian
 * float32/float64/int32/int64 arrays in C order, returned as flat {@code double[]} with their
 * shape. Enough for deepmd/npy systems; anything else is rejected with a clear message.
 *
 * @param data  the values, row-major
 * @param shape the array shape
 */
public record Npy(double[] data, int[] shape) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * @param file the .npy file
     * @return its contents
     * @throws IOException     when the file cannot be read
     * @throws FormatException when it is not a supported .npy array
     */
    public static Npy read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        String f = file.toString();
        if (b.length < 10 || (b[0] & 0xff) != 0x93 || b[1] != 'N' || b[2] != 'U' || b[3] != 'M') {
            throw new FormatException(f, "header", "not a NumPy .npy file (magic \\x93NUMPY missing)",
                    "write it with numpy.save");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int hlen, start;
        if (major == 1) {
            hlen = bb.getShort(8) & 0xffff;
            start = 10;
        } else {
            hlen = bb.getInt(8);
            start = 12;
        }
        String header = new String(b, start, hlen, java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), fo = FORTRAN.matcher(header), sh = SHAPE.matcher(header);
        if (!d.find() || !fo.find() || !sh.find()) {
            throw new FormatException(f, "header", "unreadable header " + header.trim(), "save a plain numeric array");
        }
        if (fo.group(1).equals("True")) {
            throw new FormatException(f, "header", "Fortran-ordered arrays are not supported",
                    "save with numpy.ascontiguousarray");
        }
        String[] parts = sh.group(1).split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        long total = 1;
        for (String p : parts) {
            if (!p.isBlank()) {
                shape[count] = Integer.parseInt(p.trim());
                total *= shape[count++];
            }
        }
        shape = java.util.Arrays.copyOf(shape, count);
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        bb.order(d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int off = start + hlen;
        if (b.length - off < total * size) {
            throw new FormatException(f, "data", "file holds " + (b.length - off) + " bytes, shape "
                    + java.util.Arrays.toString(shape) + " needs " + total * size, "the file is truncated; re-create it");
        }
        double[] out = new double[(int) total];
        for (int i = 0; i < total; i++) {
            int p = off + i * size;
            out[i] = switch (kind + "" + size) {
                case "f8" -> bb.getDouble(p);
                case "f4" -> bb.getFloat(p);
                case "i8", "u8" -> bb.getLong(p);
                case "i4", "u4" -> bb.getInt(p);
                default -> throw new FormatException(f, "header", "unsupported dtype " + d.group(0),
                        "use float32/float64/int32/int64");
            };
        }
        return new Npy(out, shape);
    }
}
