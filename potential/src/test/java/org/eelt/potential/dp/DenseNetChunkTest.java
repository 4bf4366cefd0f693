package org.eelt.potential.dp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DenseNet} runs its rows in chunks of {@link DenseNet#CHUNK_ROWS}; the result must be the
 * row-wise function of the network whatever the chunking: a batch of rows spanning several
 * chunks (and a partial last one) gives the same outputs, input gradients and weight gradients as
 * evaluating each row alone, and the weight gradients match central finite differences.
 */
class DenseNetChunkTest {
    private static double[] gauss(Random r, int n, double s) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian() * s;
        }
        return a;
    }

    /** An embedding-like net 1 → 25 → 50 → 100 (skips [x, x]) followed by 100 → 100 (skip x, idt) and a linear head. */
    private static DenseNet net(Random r) {
        return new DenseNet(List.of(
                new DenseLayer(1, 25, gauss(r, 25, 1), gauss(r, 25, 1), null, Activation.TANH, true),
                new DenseLayer(25, 50, gauss(r, 25 * 50, 0.2), gauss(r, 50, 1), null, Activation.TANH, true),
                new DenseLayer(50, 100, gauss(r, 50 * 100, 0.14), gauss(r, 100, 1), null, Activation.TANH, true),
                new DenseLayer(100, 100, gauss(r, 100 * 100, 0.1), gauss(r, 100, 1), gauss(r, 100, 0.1),
                        Activation.TANH, true),
                new DenseLayer(100, 3, gauss(r, 300, 0.1), gauss(r, 3, 1), null, Activation.LINEAR, false)));
    }

    @Test
    void chunkedBatchEqualsRowByRow() {
        Random r = new Random(7);
        DenseNet net = net(r);
        int rows = 2 * DenseNet.CHUNK_ROWS + 37;
        assertTrue(rows > DenseNet.CHUNK_ROWS, "the batch must span several chunks");
        double[] x = gauss(r, rows, 1);
        double[] dy = gauss(r, rows * 3, 1);
        DenseNet.Trace tr = net.forward(x, rows);
        DenseLayer.Grad[] grads = net.newGrads();
        double[] dx = net.backward(tr, dy, grads);
        DenseLayer.Grad[] rowGrads = net.newGrads();
        for (int i = 0; i < rows; i += 97) {
            DenseNet.Trace one = net.forward(new double[] {x[i]}, 1);
            for (int o = 0; o < 3; o++) {
                assertEquals(one.output()[o], tr.output()[3 * i + o], 1e-13, "output row " + i);
            }
            double[] d1 = net.backward(one, new double[] {dy[3 * i], dy[3 * i + 1], dy[3 * i + 2]}, null);
            assertEquals(d1[0], dx[i], 1e-12 * Math.max(1, Math.abs(d1[0])), "dL/dx row " + i);
        }
        // weight gradients: the sum over all rows equals the sum of per-row gradients
        for (int i = 0; i < rows; i++) {
            DenseNet.Trace one = net.forward(new double[] {x[i]}, 1);
            net.backward(one, new double[] {dy[3 * i], dy[3 * i + 1], dy[3 * i + 2]}, rowGrads);
        }
        for (int l = 0; l < grads.length; l++) {
            for (int k = 0; k < grads[l].dw.length; k += 7) {
                assertEquals(rowGrads[l].dw[k], grads[l].dw[k], 1e-10 * Math.max(1, Math.abs(rowGrads[l].dw[k])),
                        "dW layer " + l + " entry " + k);
            }
            for (int k = 0; k < grads[l].db.length; k++) {
                assertEquals(rowGrads[l].db[k], grads[l].db[k], 1e-10 * Math.max(1, Math.abs(rowGrads[l].db[k])));
            }
        }
        assertEquals(rowGrads[3].didt[5], grads[3].didt[5], 1e-10 * Math.max(1, Math.abs(grads[3].didt[5])));
    }

    @Test
    void inputGradientMatchesFiniteDifferencesAcrossChunks() {
        Random r = new Random(11);
        DenseNet net = net(r);
        int rows = DenseNet.CHUNK_ROWS + 5;
        double[] x = gauss(r, rows, 1);
        double[] dy = gauss(r, rows * 3, 1);
        double[] dx = net.backward(net.forward(x, rows), dy, null);
        double h = 1e-6;
        for (int i : new int[] {0, DenseNet.CHUNK_ROWS - 1, DenseNet.CHUNK_ROWS, rows - 1}) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double[] yp = net.forward(xp, rows).output();
            double[] ym = net.forward(xm, rows).output();
            double fd = 0;
            for (int o = 0; o < 3; o++) {
                fd += dy[3 * i + o] * (yp[3 * i + o] - ym[3 * i + o]) / (2 * h);
            }
            assertEquals(fd, dx[i], 1e-6 * Math.max(1, Math.abs(fd)), "row " + i);
        }
    }

    /**
     * Forward mode ({@link DenseNet#tangent}, chunks of {@link DenseNet#TANGENT_CHUNK_ROWS}): G equals
     * the reverse pass's output, dG/dx contracted with any dy equals the reverse pass's dL/dx, dG/dx
     * matches central differences of G, and the row hook sees every row once, in order.
     */
    /**
     * Skips from the very first layer: 1 → 2 ([s, s]), 2 → 4 ([x, x]), 4 → 4 with idt (x), 4 → 8
     * ([x, x]); widths below one vector, so every row is mostly padding.
     */
    private static DenseNet narrowResnet(Random r) {
        return new DenseNet(List.of(
                new DenseLayer(1, 2, gauss(r, 2, 1), gauss(r, 2, 1), gauss(r, 2, 0.3), Activation.TANH, true),
                new DenseLayer(2, 4, gauss(r, 8, 0.5), gauss(r, 4, 1), null, Activation.TANH, true),
                new DenseLayer(4, 4, gauss(r, 16, 0.5), gauss(r, 4, 1), gauss(r, 4, 0.3), Activation.TANH, true),
                new DenseLayer(4, 8, gauss(r, 32, 0.5), gauss(r, 8, 1), null, Activation.TANH, true)));
    }

    @Test
    void forwardModeEqualsReverseModeAndFiniteDifferences() {
        forwardModeMatches(net(new Random(13)), new Random(13));
    }

    @Test
    void forwardModeHandlesSkipsFromTheFirstLayerAndNarrowWidths() {
        DenseNet net = narrowResnet(new Random(21));
        assertEquals(2, net.layers().get(0).skipKind());
        assertEquals(1, net.layers().get(2).skipKind());
        forwardModeMatches(net, new Random(22));
    }

    private static void forwardModeMatches(DenseNet net, Random r) {
        int rows = 2 * DenseNet.TANGENT_CHUNK_ROWS + 37;
        int m = net.out();
        int stride = net.tangentStride();
        assertTrue(stride >= m && stride % VectorMath.lanes() == 0, "row stride " + stride);
        double[] x = gauss(r, rows, 1);
        double[] dy = gauss(r, rows * m, 1);
        double[] g = new double[rows * stride];
        double[] dg = new double[rows * stride];
        int[] seen = {0};
        net.tangent(x, rows, g, dg, null, (a, r0, n) -> {
            assertEquals(seen[0], r0, "chunks arrive in order");
            seen[0] += n;
        });
        assertEquals(rows, seen[0], "the hook saw every row");
        DenseNet.Trace tr = net.forward(x, rows);
        double[] dx = net.backward(tr, dy, null);
        for (int i = 0; i < rows; i++) {
            double contracted = 0;
            for (int o = 0; o < m; o++) {
                assertEquals(tr.output()[m * i + o], g[stride * i + o], 1e-13, "G row " + i);
                contracted += dy[m * i + o] * dg[stride * i + o];
            }
            assertEquals(dx[i], contracted, 1e-12 * Math.max(1, Math.abs(dx[i])), "dy·dG/dx row " + i);
        }
        double h = 1e-6;
        for (int i : new int[] {0, DenseNet.TANGENT_CHUNK_ROWS, rows - 1}) {
            double[] yp = net.forward(new double[] {x[i] + h}, 1).output();
            double[] ym = net.forward(new double[] {x[i] - h}, 1).output();
            for (int o = 0; o < m; o++) {
                double fd = (yp[o] - ym[o]) / (2 * h);
                assertEquals(fd, dg[stride * i + o], 1e-7 * Math.max(1, Math.abs(fd)), "dG/dx row " + i + " output " + o);
            }
        }
    }
}
