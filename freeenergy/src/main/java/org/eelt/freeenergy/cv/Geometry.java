package org.eelt.freeenergy.cv;

import org.eelt.protocol.atoms.Cell;

/** Vector helpers shared by the CVs (package-private). */
final class Geometry {
    private Geometry() {
    }

    /** Writes d = r_b − r_a (Å) into {@code out}, minimum image when the cell is periodic. */
    static void displacement(double[] x, int a, int b, Cell cell, double[] out) {
        out[0] = x[3 * b] - x[3 * a];
        out[1] = x[3 * b + 1] - x[3 * a + 1];
        out[2] = x[3 * b + 2] - x[3 * a + 2];
        if (cell != null && cell.isPeriodic()) {
            cell.minimumImage(out);
        }
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** grad[3·atom + k] += c · v[k]. */
    static void add(double[] grad, int atom, double c, double[] v) {
        grad[3 * atom] += c * v[0];
        grad[3 * atom + 1] += c * v[1];
        grad[3 * atom + 2] += c * v[2];
    }

    /** Checks the position array length against the CV's atoms. */
    static void check(CollectiveVariable cv, double[] x, double[] grad) {
        if (x.length % 3 != 0 || grad.length != x.length) {
            throw new IllegalArgumentException(cv.name() + ": positions must have 3N entries and the gradient the same"
                    + " length, got " + x.length + " and " + grad.length);
        }
        cv.checkAtoms(x.length / 3);
    }

    static String list(int... atoms) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < atoms.length; i++) {
            b.append(i == 0 ? "" : ",").append(atoms[i]);
        }
        return b.toString();
    }
}
