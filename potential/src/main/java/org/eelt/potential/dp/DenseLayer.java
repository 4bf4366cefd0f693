package org.eelt.potential.dp;

import java.util.Arrays;

/**
 * One dense layer of a DeePMD-kit network (its {@code NativeLayer}), immutable:
 * <pre>
 *   z = x·W + b                       (x: rows×in, W: in×out, b: out)
 *   t = φ(z)                          (φ = tanh or identity)
 *   y = t ∘ idt + skip(x)             (idt: per-output "timestep" scale, or 1 when absent)
 *   skip(x) = x       if resnet and out = in
 *           = [x, x]  if resnet and out = 2·in
 *           = 0       otherwise
 * </pre>
 * The forward pass keeps t (the activation output) so that the backward pass needs no
 * recomputation; {@link #backward} maps dL/dy to dL/dx and, optionally, accumulates the weight
 * gradients dL/dW, dL/db, dL/didt into a {@link Grad}. All arrays are flat row-major.
 */
public final class DenseLayer {
    private final int in;
    private final int out;
    private final double[] w;
    private final double[] b;
    private final double[] idt;
    private final Activation activation;
    private final boolean resnet;
    private final int skip;
    /** w with an off-heap copy for DGEMM (made on first use). */
    private final Gemm.Resident wResident;
    /** b tiled for the flat bias + activation kernel, or null. */
    private final double[] biasPattern;
    /** Row stride of this layer's packed products: out rounded up to the lane count. */
    private final int np;
    /** W packed for {@link VectorMath#packedMul} (in×np, zero-padded columns). */
    private final double[] wPacked;
    /** Row stride of the input-gradient product: in rounded up to the lane count. */
    private final int npIn;
    /** Wᵀ packed for {@link VectorMath#packedMul} (out×npIn), for dx = dz·Wᵀ; null without the Vector API kernel. */
    private final double[] wtPacked;
    /** b and idt zero-padded to np entries; zeros for an absent b, ones for an absent idt (the tangent kernel has no branch). */
    private final double[] bPadded;
    private final double[] idtPadded;

    /**
     * @param in         input width
     * @param out        output width
     * @param w          weights, in×out row-major
     * @param b          bias (out) or null
     * @param idt        timestep scale (out) or null
     * @param activation φ
     * @param resnet     whether the skip connection is used when widths allow it
     */
    public DenseLayer(int in, int out, double[] w, double[] b, double[] idt, Activation activation, boolean resnet) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("layer widths must be positive, got " + in + "→" + out);
        }
        if (w == null || w.length != in * out) {
            throw new IllegalArgumentException("layer " + in + "→" + out + ": w must have " + in * out
                    + " entries, got " + (w == null ? "null" : w.length));
        }
        if (b != null && b.length != out) {
            throw new IllegalArgumentException("layer " + in + "→" + out + ": b has " + b.length + " entries, expected " + out);
        }
        if (idt != null && idt.length != out) {
            throw new IllegalArgumentException("layer " + in + "→" + out + ": idt has " + idt.length
                    + " entries, expected " + out);
        }
        this.in = in;
        this.out = out;
        this.w = w.clone();
        this.b = b == null ? null : b.clone();
        this.idt = idt == null ? null : idt.clone();
        this.activation = activation;
        this.resnet = resnet;
        this.skip = !resnet ? 0 : out == in ? 1 : out == 2 * in ? 2 : 0;
        this.wResident = new Gemm.Resident(this.w);
        this.biasPattern = this.b == null ? null : VectorMath.biasPattern(this.b);
        this.np = VectorMath.paddedWidth(out);
        this.wPacked = VectorMath.packRows(this.w, in, out);
        this.npIn = VectorMath.paddedWidth(in);
        this.wtPacked = VectorMath.vectorGemm() ? VectorMath.packRows(transpose(this.w, in, out), out, in) : null;
        this.bPadded = this.b == null ? new double[np] : VectorMath.padTo(this.b, np);
        this.idtPadded = this.idt == null ? ones(np) : VectorMath.padTo(this.idt, np);
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        return v;
    }

    /** @return the transpose (out×in) of w (in×out), both row-major */
    private static double[] transpose(double[] w, int in, int out) {
        double[] wt = new double[out * in];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                wt[j * in + i] = w[i * out + j];
            }
        }
        return wt;
    }

    /** @return input width. */
    public int in() {
        return in;
    }

    /** @return output width. */
    public int out() {
        return out;
    }

    /** @return a copy of W (in×out row-major). */
    public double[] weights() {
        return w.clone();
    }

    /** @return a copy of b, or null. */
    public double[] bias() {
        return b == null ? null : b.clone();
    }

    /** @return a copy of idt, or null. */
    public double[] idt() {
        return idt == null ? null : idt.clone();
    }

    /** @return φ. */
    public Activation activation() {
        return activation;
    }

    /** @return the resnet flag as stored (the skip applies only when widths allow). */
    public boolean resnet() {
        return resnet;
    }

    /** @return 0 (no skip), 1 (y += x) or 2 (y += [x, x]). */
    public int skipKind() {
        return skip;
    }

    /** @return a copy of this layer with every parameter rounded to IEEE binary32. */
    DenseLayer roundedToFloat() {
        return new DenseLayer(in, out, Precision.roundToFloat(w), b == null ? null : Precision.roundToFloat(b),
                idt == null ? null : Precision.roundToFloat(idt), activation, resnet);
    }

    /**
     * Forward pass over {@code rows} input rows.
     *
     * @param x    input, rows×in
     * @param rows number of rows
     * @param t    output: activation t = φ(xW + b), rows×out (kept for the backward pass)
     * @param y    output: layer output, rows×out (may be the same array as t only when there is
     *             neither idt nor skip)
     */
    public void forward(double[] x, int rows, double[] t, double[] y) {
        if (y == t && (idt != null || skip != 0)) {
            throw new IllegalArgumentException("y must differ from t when the layer has idt or a skip");
        }
        forwardRows(x, t, y, 0, rows);
    }

    /**
     * Forward pass over rows [r0, r0 + rows) of x (row width in), t and y (row width out); the
     * other rows are untouched. y may be t only when {@link #outputIsActivation()}.
     */
    void forwardRows(double[] x, double[] t, double[] y, int r0, int rows) {
        int to = r0 * out;
        if (np == out && VectorMath.vectorGemm()) {
            // rows need no padding: the Vector API kernel writes t directly (faster than OpenBLAS on these shapes)
            VectorMath.packedMul(x, r0 * in, in, rows, in, wPacked, np, t, to);
        } else {
            Gemm.mul(x, r0 * in, wResident, t, to, rows, in, out);
        }
        boolean tanh = activation == Activation.TANH;
        if (b != null) {
            VectorMath.biasActFlat(t, to, rows, out, b, biasPattern, tanh);
        } else {
            VectorMath.biasAct(t, to, rows, out, null, tanh);
        }
        if (y != t) {
            VectorMath.idtSkip(t, to, x, r0 * in, y, to, rows, in, out, idt, skip);
        }
    }

    /**
     * Forward-mode (tangent) pass over one chunk of rows: the input x holds 2·rows rows (row
     * stride lda ≥ in), first the values x (rows [0, rows)) and then their derivatives ẋ = dx/ds
     * with respect to one scalar s (rows [rows, 2·rows)). Writes y to {@code y} from entry yOff and
     * ẏ to {@code dy} from entry dyOff, rows×out each with row stride ys:
     * <pre>
     *   [z; ż] = [x; ẋ]·W  (+ b on z),  t = φ(z),  y = t∘idt + skip(x),  ẏ = φ'(z)∘ż∘idt + skip(ẋ)
     * </pre>
     * One matrix product serves both halves. With the vector kernels a skip-2 layer needs its
     * input rows as [x, x] (lda ≥ {@link #paddedOut()}), which the previous layer writes when
     * called with {@code dup} (see {@link DenseNet#tangent}).
     *
     * @param z   scratch of at least 2·rows·{@link #paddedOut()} entries (overwritten)
     * @param ys  output row stride (≥ {@link #paddedOut()}, and ≥ 2·out with dup)
     * @param dup also write each output row's copy right after it, [y, y]
     */
    void tangentRows(double[] x, int lda, int rows, double[] z, double[] y, int yOff, double[] dy, int dyOff, int ys,
                     boolean dup) {
        VectorMath.packedMul(x, 0, lda, 2 * rows, in, wPacked, np, z, 0);
        VectorMath.tangentAct(z, np, x, lda, rows, in, out, b, bPadded, idt, idtPadded, skip,
                activation == Activation.TANH, y, yOff, dy, dyOff, ys, dup);
    }

    /** @return the row stride of {@link #tangentRows}' scratch z: out rounded up to the vector lane count */
    int paddedOut() {
        return np;
    }

    /** @return true when the output y equals t (no idt, no skip), so one array serves both. */
    public boolean outputIsActivation() {
        return idt == null && skip == 0;
    }

    /**
     * Backward pass: given dL/dy returns dL/dx; accumulates weight gradients when {@code grad}
     * is non-null.
     * <pre>
     *   dt = dy ∘ idt,  dz = dt ∘ φ'(z),  dx = dz·Wᵀ + skipᵀ(dy)
     *   dW += xᵀ·dz,  db += Σ_rows dz,  didt += Σ_rows dy ∘ t
     * </pre>
     *
     * @param x    the forward input, rows×in
     * @param t    the forward activation, rows×out
     * @param dy   dL/dy, rows×out (not modified)
     * @param rows number of rows
     * @param dx   output dL/dx, rows×in (overwritten)
     * @param grad weight-gradient accumulator or null
     */
    public void backward(double[] x, double[] t, double[] dy, int rows, double[] dx, Grad grad) {
        backward(x, t, dy, rows, dx, grad, null);
    }

    void backward(double[] x, double[] t, double[] dy, int rows, double[] dx, Grad grad, Arena arena) {
        backwardRows(x, t, 0, dy, 0, dx, 0, rows, grad, Arena.raw(arena, rows * out));
    }

    /**
     * Backward pass over rows [r0, r0 + rows) of the forward arrays x and t; dy is read from
     * entry dyOff and dx written from entry dxOff (rows×out and rows×in); dz is scratch of at
     * least rows×out entries.
     */
    void backwardRows(double[] x, double[] t, int r0, double[] dy, int dyOff, double[] dx, int dxOff, int rows,
                      Grad grad, double[] dz) {
        VectorMath.actBackward(dy, dyOff, t, r0 * out, dz, rows, out, idt, activation == Activation.TANH);
        if (npIn == in && wtPacked != null) {
            VectorMath.packedMul(dz, 0, out, rows, out, wtPacked, npIn, dx, dxOff);
        } else {
            Gemm.mulTransB(dz, 0, wResident, dx, dxOff, rows, out, in);
        }
        if (skip != 0) {
            VectorMath.skipBackward(dy, dyOff, dx, dxOff, rows, in, out, skip);
        }
        if (grad != null) {
            Gemm.mulTransAAdd(x, r0 * in, dz, 0, grad.dw, rows, in, out);
            VectorMath.sumRows(dz, rows, out, grad.db);
            if (grad.didt != null) {
                for (int r = 0; r < rows; r++) {
                    int o = r * out;
                    for (int j = 0; j < out; j++) {
                        grad.didt[j] += dy[dyOff + o + j] * t[r0 * out + o + j];
                    }
                }
            }
        }
    }

    /** A zeroed gradient accumulator shaped like this layer's parameters. */
    public Grad newGrad() {
        return new Grad(new double[in * out], new double[out], idt == null ? null : new double[out]);
    }

    /**
     * Accumulated dL/dW (in×out), dL/db (out) and dL/didt (out, or null when the layer has no idt).
     * Mutable by design: the backward pass adds into it.
     */
    public static final class Grad {
        /** dL/dW, in×out row-major. */
        public final double[] dw;
        /** dL/db. */
        public final double[] db;
        /** dL/didt, or null. */
        public final double[] didt;

        Grad(double[] dw, double[] db, double[] didt) {
            this.dw = dw;
            this.db = db;
            this.didt = didt;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseLayer l && in == l.in && out == l.out && Arrays.equals(w, l.w)
                && Arrays.equals(b, l.b) && Arrays.equals(idt, l.idt) && activation == l.activation
                && resnet == l.resnet;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + in * 7 + out;
    }
}
