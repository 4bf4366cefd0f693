package org.eelt.deploy.campaign.fe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import org.eelt.freeenergy.mb.FesGrid;
import org.eelt.freeenergy.net.FreeEnergyEnsemble;
import org.eelt.freeenergy.net.FreeEnergyNet;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.protocol.units.Units;

/**
 * The outputs of a free-energy campaign: the learned FES Ā(s) (ensemble mean of the newest model
 * of every member) on the spec's grid, written as {@code fes.csv} (s1, s2, A − min A in the
 * system's energy unit, and the exact A − min A where known) and {@code fes.png} (heat map);
 * the RMSE against the exact A over the region A_exact − min < 10 k_BT in k_BT (constant aligned
 * by the mean difference, see {@link FesGrid#rmseKt}); and ΔF = F(second basin) − F(first basin)
 * with F_B = −k_BT ln Σ_{grid points in B} exp(−Ā/k_BT), reported in kJ/mol.
 */
public final class FeSummary {
    /** The region bound of the RMSE, in k_BT. */
    public static final double RMSE_REGION_KT = 10;

    private FeSummary() {
    }

    /**
     * What was measured.
     *
     * @param rmseKt     RMSE of the learned A against the exact one, k_BT (NaN when unknown)
     * @param deltaFKjMol ΔF between the basins, kJ/mol (NaN when no basins)
     * @param deltaF     ΔF in the system's energy unit (NaN when no basins)
     * @param grid       the learned FES on the grid (null for d ≠ 2 or no models)
     */
    public record Result(double rmseKt, double deltaFKjMol, double deltaF, FesGrid grid) {
    }

    /** @return the ensemble of the newest model of every member, or null when one is missing. */
    public static FreeEnergyEnsemble ensemble(FeSpec fe, Map<Integer, ModelPublished> models) {
        List<FreeEnergyNet> nets = new ArrayList<>();
        for (int m = 0; m < fe.training().ensembleSize(); m++) {
            ModelPublished p = models.get(m);
            if (p == null) {
                return null;
            }
            nets.add(FeModels.decode(p));
        }
        return new FreeEnergyEnsemble(nets);
    }

    /**
     * Evaluates the learned FES, writes {@code fes.csv} and {@code fes.png} into runDir (2 CVs).
     *
     * @return the measured figures
     * @throws IOException when the files cannot be written
     */
    public static Result write(FeSpec fe, FreeEnergyEnsemble ensemble, Path runDir) throws IOException {
        if (ensemble == null || fe.dimension() != 2) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, null);
        }
        double[] xs = axis(fe, 0);
        double[] ys = axis(fe, 1);
        FesGrid learned = FesGrid.of(ensemble, xs, ys);
        DoubleBinaryOperator exactA = FeSystems.exact(fe);
        FesGrid exact = exactA == null ? null : FesGrid.evaluate(exactA, xs, ys);
        double kT = fe.kT();
        double rmse = exact == null ? Double.NaN : learned.rmseKt(exact, kT, RMSE_REGION_KT);
        double df = Double.NaN;
        if (fe.basins().size() == 2) {
            FeSpec.Basin a = fe.basins().get(0), b = fe.basins().get(1);
            df = learned.deltaF((x, y) -> a.contains(new double[] {x, y}), (x, y) -> b.contains(new double[] {x, y}), kT);
        }
        String unit = fe.energyUnit();
        String[] names = {fe.cvs().get(0).name(), fe.cvs().get(1).name()};
        learned.shiftedToZero().writeCsv(runDir.resolve("fes.csv"), names[0] + " (" + fe.cvs().get(0).unit() + ")",
                names[1] + " (" + fe.cvs().get(1).unit() + ")", "A (" + unit + ")",
                exact == null ? null : exact.shiftedToZero());
        double vmax = 12 * kT;
        learned.writePng(runDir.resolve("fes.png"), "learned free energy (" + fe.system() + ")",
                names[0] + " (" + fe.cvs().get(0).unit() + ")", names[1] + " (" + fe.cvs().get(1).unit() + ")", unit, vmax);
        double toKj = unit.equals("eV") ? 1 / Units.KJ_PER_MOL_EV : 1;
        return new Result(rmse, df * toKj, df, learned);
    }

    /**
     * @return the grid points of CV q: for a periodic CV whose range is the whole period, the cell
     *         centres of (−π, π] (no point counted twice in basin sums); else min..max inclusive
     */
    static double[] axis(FeSpec fe, int q) {
        FeSpec.Grid g = fe.grid();
        boolean full = fe.cvs().periodic()[q] && g.max()[q] - g.min()[q] >= 2 * Math.PI - 1e-6;
        return full ? FesGrid.periodicAxis(g.bins()[q]) : FesGrid.linspace(g.min()[q], g.max()[q], g.bins()[q]);
    }

    /** @return the FE fields of summary.json, in order. */
    public static Map<String, Object> fields(FeSpec fe, Result r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("system", fe.system());
        f.put("energy_unit", fe.energyUnit());
        f.put("fes_rmse_kT", r.rmseKt());
        f.put("fes_rmse_region", "A_exact - min A_exact < " + RMSE_REGION_KT + " kT on the " + fe.grid().bins()[0] + "x"
                + (fe.dimension() > 1 ? fe.grid().bins()[1] : 1) + " grid, constant aligned by the mean difference");
        f.put("delta_f_kjmol", r.deltaFKjMol());
        if (fe.basins().size() == 2) {
            f.put("delta_f_definition", "F(" + fe.basins().get(1).name() + ") - F(" + fe.basins().get(0).name()
                    + "), F_B = -kT ln sum_{grid points in B} exp(-A/kT)");
        }
        f.put("kT", fe.kT());
        return f;
    }
}
