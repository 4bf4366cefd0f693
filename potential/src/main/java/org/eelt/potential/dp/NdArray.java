package org.eelt.potential.dp;

import java.util.Arrays;
import java.util.List;

/**
 * A dense float64 array with a shape, as DeePMD-kit serialises {@code np.ndarray} variables
 * (nested lists, row-major). Immutable.
 *
 * @param shape dimensions
 * @param data  row-major values, length = product of shape
 */
record NdArray(int[] shape, double[] data) {
    NdArray {
        long size = 1;
        for (int s : shape) {
            size *= s;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got "
                    + data.length);
        }
    }

    String shapeString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * Parses a DeePMD-kit ndarray node ({@code "@class": np.ndarray}, dtype, value).
     *
     * @throws org.eelt.protocol.io.FormatException naming the path on a ragged list, bad dtype or version
     */
    static NdArray parse(YamlNode node) {
        String cls = node.get("@class").asString();
        if (!cls.equals("np.ndarray")) {
            throw node.get("@class").error("expected 'np.ndarray', found '" + cls + "'", "");
        }
        int version = node.opt("@version", 1).asInt();
        if (version != 1) {
            throw node.get("@version").error("np.ndarray @version " + version + " is not supported (only 1)",
                    "export the model with a DeePMD-kit version that writes ndarray version 1");
        }
        String dtype = node.opt("dtype", "float64").asString();
        if (!dtype.startsWith("float") && !dtype.startsWith("int")) {
            throw node.get("dtype").error("dtype '" + dtype + "' is not numeric", "use float64 or float32");
        }
        YamlNode value = node.get("value");
        int[] shape = shapeOf(value);
        long size = 1;
        for (int s : shape) {
            size *= s;
        }
        double[] data = new double[(int) size];
        int[] pos = {0};
        fill(value, shape, 0, data, pos);
        return new NdArray(shape, data);
    }

    private static int[] shapeOf(YamlNode v) {
        int depth = 0;
        Object o = v.value;
        int[] dims = new int[8];
        while (o instanceof List<?> l) {
            if (depth == dims.length) {
                dims = Arrays.copyOf(dims, depth * 2);
            }
            dims[depth++] = l.size();
            o = l.isEmpty() ? null : l.get(0);
        }
        return Arrays.copyOf(dims, depth);
    }

    private static void fill(YamlNode v, int[] shape, int level, double[] data, int[] pos) {
        if (level == shape.length) {
            if (v.value instanceof List) {
                throw v.error("ragged array: expected a number at depth " + level, "make all rows the same length");
            }
            data[pos[0]++] = v.asDouble();
            return;
        }
        if (!(v.value instanceof List<?> l) || l.size() != shape[level]) {
            throw v.error("ragged array: expected a list of " + shape[level] + " entries at depth " + level
                    + ", found " + YamlNode.describe(v.value), "make all rows the same length");
        }
        for (YamlNode c : v.asList()) {
            fill(c, shape, level + 1, data, pos);
        }
    }
}
