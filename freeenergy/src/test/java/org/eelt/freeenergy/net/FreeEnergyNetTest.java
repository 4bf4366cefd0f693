package org.eelt.freeenergy.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.protocol.atoms.Provenance;
import org.junit.jupiter.api.Test;

/** Analytic derivatives of the free-energy net against finite differences; serialization; training. */
class FreeEnergyNetTest {
    static final boolean[] PERIODIC = {true, false};
    // 3 inputs -> 3 (identity skip) -> 6 (doubled skip) -> 5 (no skip)
    static final int[] WIDTHS = {3, 6, 5};

    static FeatureMap map() {
        return new FeatureMap(PERIODIC, new double[] {0, 0.4}, new double[] {1, 0.7}, 2.5);
    }

    static FreeEnergyNet net(long seed) {
        return FreeEnergyNet.initial(map(), WIDTHS, seed);
    }

    static List<MeanForceLabel> labels(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<MeanForceLabel> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double phi = Math.PI * (2 * r.nextDouble() - 1), x = 2 * r.nextDouble() - 0.6;
            // exact A = 3 cos(phi) + 2 (x - 0.3)^2 + sin(phi) x ; f = -grad A
            double[] f = {3 * Math.sin(phi) - Math.cos(phi) * x, -4 * (x - 0.3) - Math.sin(phi)};
            double[] err = k % 3 == 0 ? new double[2] : new double[] {0.05 + 0.1 * r.nextDouble(), 0.1};
            out.add(new MeanForceLabel(new double[] {phi, x}, f, err, 100, MeanForceLabel.EV,
                    new Provenance("test", "analytic", "", k, "t", 0)));
        }
        return out;
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        FreeEnergyNet n = net(3);
        double h = 1e-6;
        for (double[] s : new double[][] {{0.3, -0.2}, {-3.1, 1.4}, {Math.PI, 0.4}}) {
            double[] g = new double[2];
            n.valueAndGradient(s, g);
            for (int q = 0; q < 2; q++) {
                double[] p = s.clone(), m = s.clone();
                p[q] += h;
                m[q] -= h;
                double fd = (n.value(p) - n.value(m)) / (2 * h);
                assertEquals(fd, g[q], 1e-7 * Math.max(1, Math.abs(fd)), "dA/ds" + q + " at " + Arrays.toString(s));
            }
            assertArrayEquals(new double[] {-g[0], -g[1]}, n.force(s), 0);
        }
        // periodicity: A(s + 2π e_0) = A(s)
        assertEquals(n.value(new double[] {0.3, 0.1}), n.value(new double[] {0.3 + 2 * Math.PI, 0.1}), 1e-12);
    }

    @Test
    void hessianVectorMatchesFiniteDifferencesOfTheGradient() {
        FreeEnergyNet n = net(5);
        double[] s = {1.1, 0.7}, v = {0.3, -1.2};
        double[] hv = n.hessianVector(s, v);
        double h = 1e-5;
        double[] gp = new double[2], gm = new double[2];
        double[] p = {s[0] + h * v[0], s[1] + h * v[1]}, m = {s[0] - h * v[0], s[1] - h * v[1]};
        n.valueAndGradient(p, gp);
        n.valueAndGradient(m, gm);
        for (int q = 0; q < 2; q++) {
            double fd = (gp[q] - gm[q]) / (2 * h);
            assertEquals(fd, hv[q], 1e-7 * Math.max(1, Math.abs(fd)), "(Hv)_" + q);
        }
    }

    @Test
    void lossParameterGradientMatchesFiniteDifferences() {
        FreeEnergyNet n = net(7);
        List<MeanForceLabel> labels = labels(9, 1);
        double[][] w = MeanForceLoss.weights(labels);
        int[] batch = {0, 2, 3, 5, 8};
        double[] grad = new double[n.layout().parameterCount()];
        double loss = MeanForceLoss.evaluate(n, labels, batch, w, grad).loss();
        assertTrue(loss > 0);
        double[] p0 = n.parameters();
        double h = 1e-6;
        for (int k = 0; k < p0.length; k++) {
            double[] pp = p0.clone(), pm = p0.clone();
            pp[k] += h;
            pm[k] -= h;
            double lp = MeanForceLoss.evaluate(n.withParameters(pp, n.provenance()), labels, batch, w, null).loss();
            double lm = MeanForceLoss.evaluate(n.withParameters(pm, n.provenance()), labels, batch, w, null).loss();
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, grad[k], 2e-6 * Math.max(1, Math.abs(fd)), "dL/dθ_" + k);
        }
        // the output bias does not change forces
        assertEquals(0, grad[p0.length - 1], 0);
    }

    @Test
    void weightsAreInverseVariancesNormalizedToMeanOne() {
        List<MeanForceLabel> labels = labels(9, 1);
        double[][] w = MeanForceLoss.weights(labels);
        double sum = 0;
        int n = 0;
        for (int k = 0; k < labels.size(); k++) {
            for (int q = 0; q < 2; q++) {
                if (labels.get(k).stdErr(q) > 0) {
                    sum += w[k][q];
                    n++;
                } else {
                    assertEquals(1, w[k][q], 0);
                }
            }
        }
        assertEquals(1, sum / n, 1e-12);
        // components 1 all have σ = 0.1: equal weights; a smaller σ in component 0 gets a larger weight
        assertEquals(w[1][1], w[2][1], 1e-12);
        int a = 1, b = 2;
        assertEquals(labels.get(a).stdErr(0) < labels.get(b).stdErr(0), w[a][0] > w[b][0]);
    }

    @Test
    void deviationGradientMatchesFiniteDifferences() {
        FreeEnergyEnsemble e = FreeEnergyEnsemble.initial(map(), WIDTHS, 4, 11);
        double[] s = {-0.8, 1.3};
        EnsemblePoint pt = e.evaluate(s, true);
        assertTrue(pt.deviation() > 0);
        double h = 1e-6;
        for (int q = 0; q < 2; q++) {
            double[] p = s.clone(), m = s.clone();
            p[q] += h;
            m[q] -= h;
            double fd = (e.evaluate(p).deviation() - e.evaluate(m).deviation()) / (2 * h);
            assertEquals(fd, pt.deviationGradient()[q], 1e-7 * Math.max(1, Math.abs(fd)), "dε/ds" + q);
        }
        // mean force is minus the mean of the members' gradients
        double[] g = new double[2];
        double[] sum = new double[2];
        for (FreeEnergyNet n : e.members()) {
            n.valueAndGradient(s, g);
            sum[0] += g[0] / 4;
            sum[1] += g[1] / 4;
        }
        assertArrayEquals(new double[] {-sum[0], -sum[1]}, pt.meanForce(), 1e-12);
        assertEquals(e.meanA(s), pt.meanA(), 1e-12);
    }

    @Test
    void ensembleBytesRoundTripExactly() {
        FreeEnergyEnsemble e = FreeEnergyEnsemble.initial(map(), WIDTHS, 4, 21);
        FreeEnergyNet trained = FreeEnergyTrainer.train(e.members().get(2), labels(12, 2),
                new TrainSettings(5, 4, 1e-3, 1e-4, 9), "v3").net();
        e = e.withMember(2, trained);
        byte[] b = e.toBytes();
        FreeEnergyEnsemble back = FreeEnergyEnsemble.fromBytes(b);
        assertEquals(e, back);
        assertArrayEquals(b, back.toBytes());
        assertEquals(new NetProvenance(23, 5, "v3", trained.provenance().codeVersion()),
                back.members().get(2).provenance());
        double[] s = {0.5, -0.5};
        assertEquals(e.evaluate(s).deviation(), back.evaluate(s).deviation(), 0);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> FreeEnergyEnsemble.fromBytes(Arrays.copyOf(b, 40)));
        assertTrue(bad.getMessage().contains("truncated"), bad.getMessage());
        byte[] future = b.clone();
        future[7] = 9;
        bad = assertThrows(IllegalArgumentException.class, () -> FreeEnergyEnsemble.fromBytes(future));
        assertTrue(bad.getMessage().contains("version 9"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetCodec.decodeNet(b));
    }

    @Test
    void trainingFitsAnAnalyticFreeEnergy() {
        List<MeanForceLabel> labels = labels(200, 4);
        List<double[]> s = labels.stream().map(MeanForceLabel::center).toList();
        List<double[]> f = labels.stream().map(MeanForceLabel::meanForce).toList();
        FeatureMap fm = FeatureMap.fit(PERIODIC, s, f);
        FreeEnergyNet start = FreeEnergyNet.initial(fm, new int[] {16, 16}, 1);
        FreeEnergyTrainer.Result r = FreeEnergyTrainer.train(start, labels, new TrainSettings(1500, 32, 1e-2, 5e-4, 3), "1");
        assertTrue(r.finalLoss() < 0.02 * r.initialLoss(), r.initialLoss() + " -> " + r.finalLoss());
        assertEquals(1500, r.net().provenance().trainingSteps());
        // warm start continues from the trained weights and counts steps
        FreeEnergyTrainer.Result r2 = FreeEnergyTrainer.train(r.net(), labels, new TrainSettings(10, 32, 1e-4, 1e-4, 4), "2");
        assertEquals(r.finalLoss(), r2.initialLoss(), 1e-12);
        assertEquals(1510, r2.net().provenance().trainingSteps());
        assertNotEquals(start, r.net());
        // the learned A reproduces the exact A up to a constant on the data's range
        double c = r.net().value(new double[] {0, 0.3}) - 3;
        double exact = 3 * Math.cos(2.0) + 2 * 0.7 * 0.7 + Math.sin(2.0);
        assertEquals(exact, r.net().value(new double[] {2.0, 1.0}) - c, 0.15);
    }
}
