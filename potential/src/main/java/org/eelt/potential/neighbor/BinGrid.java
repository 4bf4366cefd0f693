package org.eelt.potential.neighbor;

import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/**
 * Atoms binned on a grid in fractional coordinates, the data structure behind
 * {@link CellListNeighbors}. Package-private and immutable after construction.
 *
 * <p><b>Frame.</b> Fractional coordinates f = r · H⁻¹ with H the cell matrix (rows a, b, c in Å);
 * an isolated structure uses H = I, so f = r in Å. Along a periodic axis k the atom is wrapped,
 * o_k = ⌊f_k⌋, f_k ← f_k − o_k ∈ [0, 1), and its wrapped Cartesian position is w = r − o · H.
 * Along a non-periodic axis the grid spans the atoms' range [min f_k, max f_k] and o_k = 0.
 *
 * <p><b>Bins.</b> Let d_k be the spacing of the lattice planes f_k = const one unit apart
 * ({@link Cell#planeSpacing(int)}; 1 Å for H = I) and T_k = L_k · d_k the thickness spanned by the
 * grid (L_k = 1 periodic, max − min otherwise). Axis k gets n_k = ⌊T_k · m / r_list⌋ ≥ 1 bins,
 * m = bins per list radius. Two points within r_list differ in f_k by at most r_list / d_k,
 * i.e. by at most s_k = ⌈r_list · n_k / T_k⌉ bins (the stencil reach), however skewed the cell.
 *
 * <p><b>Images.</b> Along a periodic axis the stencil runs over extended bin indices
 * c ∈ [b − s_k, b + s_k], which may leave [0, n_k): extended bin c is wrapped bin c mod n_k seen
 * through image ⌊c / n_k⌋. Every (bin, image) combination is visited once, so cells thinner than
 * the list radius (n_k = 1, s_k ≥ 2) are handled by this implicit image replication without
 * ghost atoms. Along non-periodic axes the stencil is clipped to [0, n_k).
 */
final class BinGrid {
    /** Relative safety margin on the list radius when sizing bins and stencils (rounding of f). */
    private static final double MARGIN = 1e-9;

    /** Frame matrix (rows, Å) used to decode images; identity when isolated. */
    final double[] h = new double[9];
    final boolean[] pbc = new boolean[3];
    /** Bins per axis. */
    final int[] bins = new int[3];
    /** Stencil reach per axis in bins. */
    final int[] reach = new int[3];
    /** Number of atoms. */
    final int atoms;
    /** Bin of each atom (index order). */
    final int[] atomBin;
    /** 3 bin coordinates of each atom (index order). */
    final int[] atomBinXYZ;
    /** Wrap offsets o_i (3 per atom, index order): r_i = w_i + o_i · H. */
    final int[] atomOffset;
    /** ImageCode.raw of the wrap offset o_i of each atom (index order); meaningful when offsets are small. */
    final int[] atomRawImage;
    /** Wrapped positions w (3N, Å) in index order. */
    final double[] wrapped;
    /** Bin b holds sorted slots [binStart[b], binStart[b + 1]). */
    final int[] binStart;
    /** Atom index of each slot; atoms in one bin are in ascending index order. */
    final int[] slotAtom;
    /** Wrapped positions (3 per slot, Å) in slot order. */
    final double[] slotPos;
    /** ImageCode.raw of the wrap offset of each slot's atom. */
    final int[] slotRawImage;
    /** Largest |o_i,k − o_j,k| over all atom pairs, per axis. */
    final int[] offsetSpan = new int[3];

    /**
     * @param structure    cell (and atom count)
     * @param r            the structure's positions (3N, Å), not modified
     * @param listRadius   r_list = cutoff + skin in Å
     * @param binsPerRadius m ≥ 1: bins per list radius along each axis
     */
    BinGrid(Structure structure, double[] r, double listRadius, int binsPerRadius) {
        Cell cell = structure.cell();
        int n = structure.size();
        this.atoms = n;
        boolean periodicFrame = cell.isPeriodic();
        double[] inv = new double[9];
        double[] spacing = new double[3];
        if (periodicFrame) {
            System.arraycopy(cell.matrix(), 0, h, 0, 9);
            double[] col = new double[3];
            for (int k = 0; k < 3; k++) {
                pbc[k] = cell.periodic(k);
                spacing[k] = cell.planeSpacing(k);
                // row k of H^-1 viewed as f = r · H^-1: unit vector e_k mapped through toFractional
                cell.toFractional(k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0, col);
                System.arraycopy(col, 0, inv, 3 * k, 3);
            }
        } else {
            h[0] = h[4] = h[8] = 1;
            inv[0] = inv[4] = inv[8] = 1;
            spacing[0] = spacing[1] = spacing[2] = 1;
        }

        // fractional coordinates, wrap offsets and wrapped Cartesian positions
        double[] f = new double[3 * n];
        int[] offset = new int[3 * n];
        atomOffset = offset;
        wrapped = new double[3 * n];
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int[] oMin = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] oMax = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int i = 0; i < n; i++) {
            double x = r[3 * i], y = r[3 * i + 1], z = r[3 * i + 2];
            for (int k = 0; k < 3; k++) {
                double fk = x * inv[k] + y * inv[3 + k] + z * inv[6 + k];
                if (pbc[k]) {
                    double fl = Math.floor(fk);
                    if (Math.abs(fl) > Integer.MAX_VALUE / 4.0) {
                        throw new IllegalArgumentException("atom " + i + " is " + fl + " cells away along axis "
                                + "abc".charAt(k) + ": wrap the positions into the cell before building neighbors");
                    }
                    int o = (int) fl;
                    offset[3 * i + k] = o;
                    fk -= fl;
                    oMin[k] = Math.min(oMin[k], o);
                    oMax[k] = Math.max(oMax[k], o);
                }
                f[3 * i + k] = fk;
                lo[k] = Math.min(lo[k], fk);
                hi[k] = Math.max(hi[k], fk);
            }
            int oa = offset[3 * i], ob = offset[3 * i + 1], oc = offset[3 * i + 2];
            for (int k = 0; k < 3; k++) {
                wrapped[3 * i + k] = r[3 * i + k] - (oa * h[k] + ob * h[3 + k] + oc * h[6 + k]);
            }
        }

        // bins per axis, capped so that sparse systems do not allocate huge empty grids
        double[] origin = new double[3];
        double[] binsPerUnit = new double[3];
        double[] thickness = new double[3];
        double width = listRadius * (1 + MARGIN) / binsPerRadius;
        for (int k = 0; k < 3; k++) {
            double length = pbc[k] ? 1.0 : (n == 0 ? 0.0 : hi[k] - lo[k]);
            origin[k] = pbc[k] ? 0.0 : (n == 0 ? 0.0 : lo[k]);
            thickness[k] = length * spacing[k];
            bins[k] = (int) Math.max(1, Math.min(1 << 20, Math.floor(thickness[k] / width)));
            offsetSpan[k] = pbc[k] && n > 0 ? oMax[k] - oMin[k] : 0;
        }
        double cap = Math.max(64, 2.0 * n);
        while ((double) bins[0] * bins[1] * bins[2] > cap) {
            int k = bins[0] >= bins[1] && bins[0] >= bins[2] ? 0 : bins[1] >= bins[2] ? 1 : 2;
            bins[k] = Math.max(1, bins[k] / 2);
        }
        for (int k = 0; k < 3; k++) {
            double length = thickness[k] / spacing[k];
            binsPerUnit[k] = length > 0 ? bins[k] / length : 0;
            reach[k] = thickness[k] > 0
                    ? (int) Math.ceil(listRadius * (1 + MARGIN) * bins[k] / thickness[k]) : 0;
            if (!pbc[k]) {
                reach[k] = Math.min(reach[k], bins[k] - 1);
            }
        }

        // counting sort of atoms by bin (stable: ascending index inside a bin)
        int nBins = bins[0] * bins[1] * bins[2];
        atomBin = new int[n];
        atomBinXYZ = new int[3 * n];
        atomRawImage = new int[n];
        binStart = new int[nBins + 1];
        for (int i = 0; i < n; i++) {
            int b = 0;
            for (int k = 0; k < 3; k++) {
                int c = (int) ((f[3 * i + k] - origin[k]) * binsPerUnit[k]);
                c = Math.max(0, Math.min(bins[k] - 1, c));
                atomBinXYZ[3 * i + k] = c;
                b = b * bins[k] + c;
            }
            atomBin[i] = b;
            binStart[b + 1]++;
            atomRawImage[i] = ImageCode.raw(offset[3 * i], offset[3 * i + 1], offset[3 * i + 2]);
        }
        for (int b = 0; b < nBins; b++) {
            binStart[b + 1] += binStart[b];
        }
        int[] fill = new int[nBins];
        slotAtom = new int[n];
        slotPos = new double[3 * n];
        slotRawImage = new int[n];
        for (int i = 0; i < n; i++) {
            int b = atomBin[i];
            int s = binStart[b] + fill[b]++;
            slotAtom[s] = i;
            slotPos[3 * s] = wrapped[3 * i];
            slotPos[3 * s + 1] = wrapped[3 * i + 1];
            slotPos[3 * s + 2] = wrapped[3 * i + 2];
            slotRawImage[s] = atomRawImage[i];
        }
    }

    /** @return the total number of bins. */
    int binCount() {
        return binStart.length - 1;
    }

    /**
     * Largest |image index| along axis k that a stencil can reach from any bin:
     * extended bins run over [−s_k, n_k − 1 + s_k], i.e. images ⌊c / n_k⌋ in that range.
     */
    int maxStencilImage(int k) {
        if (!pbc[k]) {
            return 0;
        }
        return Math.max(Math.abs(Math.floorDiv(-reach[k], bins[k])),
                Math.abs(Math.floorDiv(bins[k] - 1 + reach[k], bins[k])));
    }
}
