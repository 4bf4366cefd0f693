package org.eelt.protocol.io;

import java.util.Arrays;

/**
 * A numeric array read from a NumPy {@code .npy} file: its shape, its values widened to
 * {@code double} in C (row-major) order, and the dtype it was stored with (e.g. {@code "<f4"}).
 * Float32 values widen exactly; integers are exact up to 2⁵³ in magnitude.
 *
 * @param dtype the NumPy type string of the file ({@code "<f8"}, {@code "<f4"}, {@code "<i8"}, ...)
 * @param shape the dimensions (empty for a 0-d scalar); copied in and out
 * @param data  the values in C order; length = product of {@code shape}
 */
public record NpyArray(String dtype, int[] shape, double[] data) {
    /** Validates that the data length matches the shape. */
    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** @return dimension {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** @return the number of values. */
    public int size() {
        return data.length;
    }

    /** @return the shape in NumPy notation, e.g. {@code (80, 576)} or {@code (80,)}. */
    public String shapeString() {
        return shapeString(shape);
    }

    /**
     * Checks the shape; a negative entry in {@code expected} matches any length.
     *
     * @param file     file name for the error message
     * @param what     what the array holds, e.g. {@code "coord (nframes, 3*natoms)"}
     * @param expected expected dimensions, −1 for any
     * @return this array
     * @throws FormatException naming the file, the expected and the found shape
     */
    public NpyArray requireShape(String file, String what, int... expected) {
        boolean ok = expected.length == shape.length;
        for (int i = 0; ok && i < expected.length; i++) {
            ok = expected[i] < 0 || expected[i] == shape[i];
        }
        if (!ok) {
            StringBuilder exp = new StringBuilder("(");
            for (int i = 0; i < expected.length; i++) {
                exp.append(i > 0 ? ", " : "").append(expected[i] < 0 ? "*" : String.valueOf(expected[i]));
            }
            exp.append(expected.length == 1 ? ",)" : ")");
            throw new FormatException(file, "array shape", what + " has shape " + shapeString() + ", expected " + exp,
                    "write the array with shape " + exp + " (* = any length)");
        }
        return this;
    }

    /** @return the NumPy notation of a shape. */
    static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && dtype.equals(a.dtype) && Arrays.equals(shape, a.shape)
                && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + shapeString() + "]";
    }
}
