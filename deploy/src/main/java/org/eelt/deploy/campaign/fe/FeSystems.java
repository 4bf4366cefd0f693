package org.eelt.deploy.campaign.fe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eelt.freeenergy.mb.MullerBrownPotential;
import org.eelt.potential.Potential;
import org.eelt.protocol.atoms.Cell;
import org.eelt.protocol.atoms.Structure;

/**
 * The systems a free-energy campaign can run: {@code muller-brown} (built-in engine, eV, exact A
 * known: {@link MullerBrownPotential}) and {@code gromacs-ala2} (alanine dipeptide in vacuum,
 * labeled by GROMACS, kJ/mol; the start structure is read from the spec's PDB).
 */
public final class FeSystems {
    private FeSystems() {
    }

    /** @return whether the name is a known system. */
    public static boolean known(String system) {
        return system.equals(FeSpec.MULLER_BROWN) || system.equals(FeSpec.GROMACS_ALA2);
    }

    /** @return whether the system has a built-in engine (restrained MD and biased MD in Java). */
    public static boolean hasBuiltinEngine(String system) {
        return system.equals(FeSpec.MULLER_BROWN);
    }

    /** @return the energy unit of the system's free energy and mean forces. */
    public static String energyUnit(String system) {
        return system.equals(FeSpec.GROMACS_ALA2) ? "kJ/mol" : "eV";
    }

    /**
     * @param system  the system name
     * @param pdb     the PDB file (gromacs-ala2), relative to {@code baseDir}
     * @param baseDir the spec's directory
     * @return the start configuration (Å)
     * @throws IllegalArgumentException for an unknown system or an unreadable PDB
     */
    public static Structure start(String system, String pdb, Path baseDir) {
        return switch (system) {
            case FeSpec.MULLER_BROWN -> MullerBrownPotential.structure(-0.558, 1.442);
            case FeSpec.GROMACS_ALA2 -> {
                if (pdb.isBlank()) {
                    throw new IllegalArgumentException("gromacs-ala2 needs the ACE-ALA-NME start structure: set pdb ="
                            + " \"path/to/alanine-dipeptide.pdb\"");
                }
                yield readPdb(baseDir.resolve(pdb));
            }
            default -> throw new IllegalArgumentException("is '" + system + "'; use muller-brown or gromacs-ala2");
        };
    }

    /** @return the resolved PDB path of a gromacs-ala2 spec. */
    public static Path pdbPath(String pdb, Path baseDir) {
        return baseDir.resolve(pdb).toAbsolutePath().normalize();
    }

    /** @return the physical potential of a system with a built-in engine (eV, Å). */
    public static Potential potential(String system) {
        if (!hasBuiltinEngine(system)) {
            throw new IllegalArgumentException(system + " has no built-in engine");
        }
        return new MullerBrownPotential();
    }

    /**
     * @return the exact free energy A(s) (energy unit, additive constant arbitrary) where it is
     *         known, or null
     */
    public static java.util.function.DoubleBinaryOperator exact(FeSpec fe) {
        if (fe.system().equals(FeSpec.MULLER_BROWN) && fe.dimension() == 2
                && fe.cvs().get(0) instanceof org.eelt.freeenergy.cv.Cartesian a && a.atom() == 0 && a.axis() == 0
                && fe.cvs().get(1) instanceof org.eelt.freeenergy.cv.Cartesian b && b.atom() == 0 && b.axis() == 1) {
            return MullerBrownPotential::exactFreeEnergy;
        }
        return null;
    }

    /** Reads the ATOM/HETATM records of a PDB file (coordinates Å, element from columns 77–78 or the atom name). */
    static Structure readPdb(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the PDB " + file + ": " + e.getMessage());
        }
        List<String> species = new ArrayList<>();
        List<Double> xyz = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("ATOM") && !l.startsWith("HETATM")) {
                continue;
            }
            try {
                xyz.add(Double.parseDouble(l.substring(30, 38).trim()));
                xyz.add(Double.parseDouble(l.substring(38, 46).trim()));
                xyz.add(Double.parseDouble(l.substring(46, 54).trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("PDB " + file + " line " + (i + 1) + ": no coordinates in columns 31-54");
            }
            String el = l.length() >= 78 ? l.substring(76, 78).trim() : "";
            if (el.isEmpty()) {
                el = l.substring(12, 16).replaceAll("[^A-Za-z]", "").substring(0, 1);
            }
            species.add(el.substring(0, 1).toUpperCase(Locale.ROOT) + el.substring(1).toLowerCase(Locale.ROOT));
        }
        if (species.isEmpty()) {
            throw new IllegalArgumentException("the PDB " + file + " has no ATOM records");
        }
        return new Structure(species.toArray(new String[0]), xyz.stream().mapToDouble(Double::doubleValue).toArray(),
                Cell.nonPeriodic());
    }
}
