package org.eelt.labeler.gromacs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds a {@code [ dihedral_restraints ]} section to a GROMACS topology (pure text transformation).
 *
 * <p>GROMACS 2022 format: {@code ai aj ak al type phi dphi fc} with type 1, φ0 and the flat-bottom
 * half-width dφ in <b>degrees</b> and fc in <b>kJ/mol/rad²</b>; with dφ = 0 the potential is the
 * harmonic V = fc/2 · wrap(φ − φ0)², the difference wrapped into [−π, π). The A/B form
 * {@code ai aj ak al type phiA dphiA fcA phiB dphiB fcB} interpolates linearly in λ and is used by the
 * pre-pull. At this API angles are in rad and κ in kJ/mol/rad²; the conversion to degrees happens here.
 */
public final class DihedralRestraints {
    /** One harmonic dihedral restraint; atom numbers are 1-based as in the topology. */
    public record Restraint(int ai, int aj, int ak, int al, double centerRadA, double centerRadB, double kappa) {
        /**
         * @param atoms     the four atom numbers (1-based)
         * @param centerRad restraint center φ0 in rad
         * @param kappa     force constant in kJ/mol/rad²
         * @return a restraint with equal A and B states
         */
        public static Restraint fixed(int[] atoms, double centerRad, double kappa) {
            return new Restraint(atoms[0], atoms[1], atoms[2], atoms[3], centerRad, centerRad, kappa);
        }

        /**
         * @param atoms the four atom numbers (1-based)
         * @param fromRad A-state center in rad (λ = 0)
         * @param toRad   B-state center in rad (λ = 1); may lie outside (−π, π] so that the path is the short way round
         * @param kappa   force constant in kJ/mol/rad²
         * @return a restraint whose center moves with λ
         */
        public static Restraint moving(int[] atoms, double fromRad, double toRad, double kappa) {
            return new Restraint(atoms[0], atoms[1], atoms[2], atoms[3], fromRad, toRad, kappa);
        }
    }

    private DihedralRestraints() {
    }

    /**
     * @param topology   the text of a single-molecule topology as written by {@code pdb2gmx}
     * @param restraints the restraints; written in A/B form when any has different A and B centers
     * @return the topology with a {@code [ dihedral_restraints ]} section inserted at the end of the
     * molecule type, just before {@code [ system ]}
     * @throws IllegalArgumentException when the topology has no {@code [ system ]} section
     */
    public static String insert(String topology, List<Restraint> restraints) {
        List<String> lines = topology.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace(" ", "").equalsIgnoreCase("[system]")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("topology has no [ system ] section: cannot place [ dihedral_restraints ]");
        }
        boolean moving = restraints.stream().anyMatch(r -> r.centerRadA() != r.centerRadB());
        List<String> out = new ArrayList<>(lines.subList(0, at));
        out.add("[ dihedral_restraints ]");
        out.add(moving ? "; ai aj ak al type phiA(deg) dphiA(deg) fcA(kJ/mol/rad2) phiB(deg) dphiB(deg) fcB(kJ/mol/rad2)"
                : "; ai aj ak al type phi(deg) dphi(deg) fc(kJ/mol/rad2)");
        for (Restraint r : restraints) {
            String head = String.format(Locale.ROOT, "%5d %5d %5d %5d %3d", r.ai(), r.aj(), r.ak(), r.al(), 1);
            String a = String.format(Locale.ROOT, " %14.8f %4.1f %12.6f", Math.toDegrees(r.centerRadA()), 0.0, r.kappa());
            String b = String.format(Locale.ROOT, " %14.8f %4.1f %12.6f", Math.toDegrees(r.centerRadB()), 0.0, r.kappa());
            out.add(head + a + (moving ? b : ""));
        }
        out.add("");
        out.addAll(lines.subList(at, lines.size()));
        return String.join("\n", out) + "\n";
    }
}
