package org.eelt.deploy.campaign.fe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.eelt.freeenergy.cv.Cartesian;
import org.eelt.freeenergy.cv.CollectiveVariable;
import org.eelt.freeenergy.cv.CvSet;
import org.eelt.freeenergy.cv.Dihedral;
import org.eelt.protocol.atoms.Structure;

/**
 * Places a CV-space point into full space: returns a configuration x of the system with
 * s(x) = s, starting from a template. Cartesian CVs set the atom's coordinate (Å); dihedrals
 * rotate the fragment bonded to atom k (found through bonds shorter than {@value #BOND_A} Å,
 * not crossing the j–k bond) about the j–k axis (Rodrigues rotation) by the wrapped difference
 * to the target (rad). Other CV types cannot be placed (the CV-space sampler then needs
 * {@code biased-md}). Pure and thread-safe.
 */
public final class CvEmbedding {
    /** Bond detection threshold, Å (covalent bonds of organic molecules are 0.95–1.55 Å; H–H in CH3 1.78 Å). */
    public static final double BOND_A = 1.70;
    private final CvSet cvs;
    private final List<int[]> rotated = new ArrayList<>();

    /**
     * @param cvs      the collective variables (cartesian or dihedral)
     * @param template a configuration of the system (bonds are taken from it)
     * @throws IllegalArgumentException for a CV type that cannot be placed, or a dihedral in a ring
     */
    public CvEmbedding(CvSet cvs, Structure template) {
        this.cvs = cvs;
        for (CollectiveVariable cv : cvs.cvs()) {
            if (cv instanceof Dihedral d) {
                rotated.add(fragment(template, d.j(), d.k()));
            } else if (cv instanceof Cartesian) {
                rotated.add(null);
            } else {
                throw new IllegalArgumentException(cv.name() + " cannot be placed from a CV-space point: the cv-sampler"
                        + " needs cartesian or dihedral CVs; use exploration.method = biased-md");
            }
        }
    }

    /** @return whether every CV of the set can be placed. */
    public static boolean supports(CvSet cvs) {
        return cvs.cvs().stream().allMatch(cv -> cv instanceof Dihedral || cv instanceof Cartesian);
    }

    /**
     * @param template the configuration to modify (Å)
     * @param s        the target CV values
     * @return a configuration with s(x) = s (to rounding)
     */
    public Structure place(Structure template, double[] s) {
        double[] x = template.positions();
        for (int q = 0; q < s.length; q++) {
            CollectiveVariable cv = cvs.get(q);
            if (cv instanceof Cartesian c) {
                x[3 * c.atom() + c.axis()] = s[q];
            } else if (cv instanceof Dihedral d) {
                double now = d.value(x, template.cell());
                double delta = CvSet.wrapDifference(s[q] - now, true, 2 * Math.PI);
                rotate(x, d.j(), d.k(), rotated.get(q), delta);
                double after = d.value(x, template.cell());
                if (Math.abs(CvSet.wrapDifference(after - s[q], true, 2 * Math.PI)) > 1e-6) {
                    rotate(x, d.j(), d.k(), rotated.get(q), -2 * delta); // the dihedral's sign convention is the other way
                }
            }
        }
        return template.withPositions(x);
    }

    /** Atoms reachable from k without crossing the bond j–k (k included). */
    private static int[] fragment(Structure s, int j, int k) {
        int n = s.size();
        double[] x = s.positions();
        boolean[] seen = new boolean[n];
        Deque<Integer> todo = new ArrayDeque<>();
        seen[k] = true;
        seen[j] = true;
        todo.add(k);
        List<Integer> out = new ArrayList<>();
        while (!todo.isEmpty()) {
            int a = todo.poll();
            out.add(a);
            for (int b = 0; b < n; b++) {
                if (b == j && a != k && bonded(x, a, b)) {
                    throw new IllegalArgumentException("the bond " + j + "-" + k + " of a dihedral lies in a ring: its"
                            + " dihedral cannot be set by rotating one side");
                }
                if (!seen[b] && bonded(x, a, b)) {
                    seen[b] = true;
                    todo.add(b);
                }
            }
        }
        out.remove(Integer.valueOf(k));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean bonded(double[] x, int a, int b) {
        if (a == b) {
            return false;
        }
        double dx = x[3 * a] - x[3 * b], dy = x[3 * a + 1] - x[3 * b + 1], dz = x[3 * a + 2] - x[3 * b + 2];
        return dx * dx + dy * dy + dz * dz < BOND_A * BOND_A;
    }

    /** Rotates the atoms by angle (rad) about the axis from atom j to atom k (right-handed). */
    private static void rotate(double[] x, int j, int k, int[] atoms, double angle) {
        double ux = x[3 * k] - x[3 * j], uy = x[3 * k + 1] - x[3 * j + 1], uz = x[3 * k + 2] - x[3 * j + 2];
        double norm = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= norm;
        uy /= norm;
        uz /= norm;
        double c = Math.cos(angle), sn = Math.sin(angle);
        for (int a : atoms) {
            double px = x[3 * a] - x[3 * k], py = x[3 * a + 1] - x[3 * k + 1], pz = x[3 * a + 2] - x[3 * k + 2];
            double dot = ux * px + uy * py + uz * pz;
            double cx = uy * pz - uz * py, cy = uz * px - ux * pz, cz = ux * py - uy * px;
            x[3 * a] = x[3 * k] + px * c + cx * sn + ux * dot * (1 - c);
            x[3 * a + 1] = x[3 * k + 1] + py * c + cy * sn + uy * dot * (1 - c);
            x[3 * a + 2] = x[3 * k + 2] + pz * c + cz * sn + uz * dot * (1 - c);
        }
    }
}
