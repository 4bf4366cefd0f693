package org.eelt.freeenergy.mb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;

/**
 * A two-dimensional free-energy surface on a regular grid: values A[i][j] at (x_i, y_j) in an
 * energy unit (NaN allowed = not evaluated). Immutable.
 *
 * <p>Comparison with an exact surface ({@link #rmseKt}): the region is the set of grid points where
 * A_exact − min A_exact &lt; cut · k_BT; the additive constant is aligned by the plain mean of
 * (A_exact − A) over the region (the constant that minimizes the RMSE); the result is
 * sqrt(mean over the region of (A + c − A_exact)²) / k_BT.
 *
 * <p>Basin free energies ({@link #deltaF}): F_basin = −k_BT ln Σ_{grid points in basin} exp(−A/k_BT);
 * on a uniform grid the cell area cancels in differences.
 *
 * @param xs     grid x values (CV 1 units), increasing
 * @param ys     grid y values (CV 2 units), increasing
 * @param values values[i][j] = A(xs[i], ys[j])
 */
public record FesGrid(double[] xs, double[] ys, double[][] values) {
    /** Validates the shape. */
    public FesGrid {
        if (xs.length < 2 || ys.length < 2 || values.length != xs.length) {
            throw new IllegalArgumentException("a FES grid needs >= 2 points per axis and one row per x value");
        }
        for (double[] row : values) {
            if (row.length != ys.length) {
                throw new IllegalArgumentException("every FES grid row needs " + ys.length + " values");
            }
        }
    }

    /** @return n evenly spaced values from a to b inclusive. */
    public static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        return v;
    }

    /**
     * @return n points at the centres of n equal cells of one period (−π, π]: −π + 2π(i + ½)/n, so a
     *         periodic axis (a dihedral, rad) counts no point twice in sums such as {@link #basinFreeEnergy}
     */
    public static double[] periodicAxis(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -Math.PI + 2 * Math.PI * (i + 0.5) / n;
        }
        return v;
    }

    /** @return f evaluated on the grid xs × ys. */
    public static FesGrid evaluate(DoubleBinaryOperator f, double[] xs, double[] ys) {
        double[][] v = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                v[i][j] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return new FesGrid(xs.clone(), ys.clone(), v);
    }

    /** @return the ensemble-mean Ā(x, y) of a two-CV ensemble on the grid. */
    public static FesGrid of(FreeEnergyEnsemble ensemble, double[] xs, double[] ys) {
        if (ensemble.dimension() != 2) {
            throw new IllegalArgumentException("a FES grid needs a two-CV free energy, this one has "
                    + ensemble.dimension() + " CVs");
        }
        return evaluate((x, y) -> ensemble.meanA(new double[] {x, y}), xs, ys);
    }

    /** @return the exact Müller–Brown free energy (eV) on the grid. */
    public static FesGrid mullerBrownExact(double[] xs, double[] ys) {
        return evaluate(MullerBrownPotential::exactFreeEnergy, xs, ys);
    }

    /** @return the smallest finite value. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (v < m) {
                    m = v;
                }
            }
        }
        return m;
    }

    /** @return the grid shifted so that its minimum is 0. */
    public FesGrid shiftedToZero() {
        double m = min();
        double[][] v = new double[xs.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i].clone();
            for (int j = 0; j < v[i].length; j++) {
                v[i][j] -= m;
            }
        }
        return new FesGrid(xs, ys, v);
    }

    /**
     * @param exact  the exact surface on the same grid (same energy unit)
     * @param kT     k_BT in that unit
     * @param cutKt  the region bound in k_BT (e.g. 10)
     * @return RMSE in k_BT over the region after aligning the constant (see the class comment)
     */
    public double rmseKt(FesGrid exact, double kT, double cutKt) {
        if (exact.xs.length != xs.length || exact.ys.length != ys.length) {
            throw new IllegalArgumentException("FES grids differ in shape");
        }
        double lo = exact.min();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                if (exact.values[i][j] - lo < cutKt * kT && Double.isFinite(values[i][j])) {
                    sum += exact.values[i][j] - values[i][j];
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no grid point lies within " + cutKt + " kT of the exact minimum");
        }
        double c = sum / n, sq = 0;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                if (exact.values[i][j] - lo < cutKt * kT && Double.isFinite(values[i][j])) {
                    double e = values[i][j] + c - exact.values[i][j];
                    sq += e * e;
                }
            }
        }
        return Math.sqrt(sq / n) / kT;
    }

    /** A region of the (x, y) plane. */
    @FunctionalInterface
    public interface Region {
        /** @return whether (x, y) belongs to the region. */
        boolean contains(double x, double y);
    }

    /** @return F_region = −kT ln Σ_{points in region} exp(−A/kT) (energy unit), +∞ when the region is empty. */
    public double basinFreeEnergy(Region region, double kT) {
        double ref = min();
        double z = 0;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                if (region.contains(xs[i], ys[j]) && Double.isFinite(values[i][j])) {
                    z += Math.exp(-(values[i][j] - ref) / kT);
                }
            }
        }
        return z > 0 ? ref - kT * Math.log(z) : Double.POSITIVE_INFINITY;
    }

    /** @return ΔF = F_b − F_a between two regions (energy unit). */
    public double deltaF(Region a, Region b, double kT) {
        return basinFreeEnergy(b, kT) - basinFreeEnergy(a, kT);
    }

    /**
     * Writes {@code x,y,value} rows (and a fourth column of {@code exact} values when given), with a
     * header line naming the columns.
     */
    public void writeCsv(Path file, String xName, String yName, String valueName, FesGrid exact) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(xName + "," + yName + "," + valueName + (exact == null ? "" : ",exact"));
            w.newLine();
            for (int i = 0; i < xs.length; i++) {
                for (int j = 0; j < ys.length; j++) {
                    w.write(String.format(Locale.ROOT, "%.6f,%.6f,%.8g", xs[i], ys[j], values[i][j]));
                    if (exact != null) {
                        w.write(String.format(Locale.ROOT, ",%.8g", exact.values[i][j]));
                    }
                    w.newLine();
                }
            }
        }
    }

    /**
     * Writes a PNG heat map (see {@link FesImage}) of A − min A, clipped at {@code maxValue}.
     *
     * @param title  title line
     * @param xLabel x axis label (with unit)
     * @param yLabel y axis label (with unit)
     * @param unit   the colour bar's unit, e.g. {@code kJ/mol}
     */
    public void writePng(Path file, String title, String xLabel, String yLabel, String unit, double maxValue)
            throws IOException {
        FesImage.write(shiftedToZero(), file, title, xLabel, yLabel, unit, maxValue);
    }
}
