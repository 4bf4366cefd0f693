package org.eelt.labeler.gromacs;

import java.util.ArrayList;
import java.util.List;

/**
 * What the oracle needs to know about the alanine-dipeptide topology that {@code pdb2gmx} wrote
 * (pure parsing of the {@code [ atoms ]} section): the atom count and the 1-based atom numbers of
 * the backbone dihedrals, found by residue and atom name rather than assumed:
 * φ = C(ACE) − N(ALA) − CA(ALA) − C(ALA) and ψ = N(ALA) − CA(ALA) − C(ALA) − N(NME). With
 * {@code -ignh} and amber99sb-ildn these are atoms 5-7-9-15 and 7-9-15-17.
 *
 * @param atoms     number of atoms of the molecule
 * @param phi       the four atom numbers of φ (1-based)
 * @param psi       the four atom numbers of ψ (1-based)
 * @param ramaLabel the residue label {@code gmx rama} prints for the central residue, e.g. {@code ALA-2}
 */
public record Ala2Topology(int atoms, int[] phi, int[] psi, String ramaLabel) {
    /** Copies the arrays. */
    public Ala2Topology {
        phi = phi.clone();
        psi = psi.clone();
    }

    private record Atom(int nr, int resnr, String residue, String name) {
    }

    /**
     * @param topology the text of the topology
     * @return the parsed facts
     * @throws IllegalArgumentException naming what is missing (no [ atoms ], no ALA residue, a missing backbone atom)
     */
    public static Ala2Topology parse(String topology) {
        List<Atom> atoms = new ArrayList<>();
        String section = "";
        for (String raw : topology.lines().toList()) {
            String line = raw.contains(";") ? raw.substring(0, raw.indexOf(';')) : raw;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line.replace("[", "").replace("]", "").strip();
                continue;
            }
            if (section.equals("atoms")) {
                String[] f = line.split("\\s+");
                if (f.length < 5) {
                    throw new IllegalArgumentException("[ atoms ] line has fewer than 5 fields: '" + raw.strip() + "'");
                }
                atoms.add(new Atom(Integer.parseInt(f[0]), Integer.parseInt(f[2]), f[3], f[4]));
            }
        }
        if (atoms.isEmpty()) {
            throw new IllegalArgumentException("topology has no [ atoms ] entries");
        }
        Atom ca = atoms.stream().filter(a -> a.residue().equals("ALA") && a.name().equals("CA")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("topology has no ALA residue with a CA atom: "
                        + "is this alanine dipeptide (ACE-ALA-NME)?"));
        int r = ca.resnr();
        int cPrev = find(atoms, r - 1, "C");
        int n = find(atoms, r, "N");
        int c = find(atoms, r, "C");
        int nNext = find(atoms, r + 1, "N");
        return new Ala2Topology(atoms.size(), new int[] {cPrev, n, ca.nr(), c}, new int[] {n, ca.nr(), c, nNext},
                "ALA-" + r);
    }

    private static int find(List<Atom> atoms, int resnr, String name) {
        return atoms.stream().filter(a -> a.resnr() == resnr && a.name().equals(name)).mapToInt(Atom::nr).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("topology has no atom " + name + " in residue " + resnr
                        + ": the backbone dihedrals phi/psi cannot be defined"));
    }
}
