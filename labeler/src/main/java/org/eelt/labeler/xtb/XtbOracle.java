package org.eelt.labeler.xtb;

import org.eelt.labeler.external.ExternalOracle;
import org.eelt.labeler.external.Executables;
import org.eelt.labeler.external.WorkDirectory;
import org.eelt.labeler.oracle.CalculationFailedException;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Element;
import org.eelt.protocol.atoms.Structure;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GFN-xTB (Grimme's semi-empirical tight binding, Debian package {@code xtb}) for isolated
 * molecules: energy (eV) and forces (eV/Å). Runs
 * {@code xtb coord.xyz --grad --chrg C --uhf U --gfn G --acc A} with {@code OMP_NUM_THREADS=1}
 * and reads the Turbomole {@code energy} and {@code gradient} files (Hartree, Hartree/Bohr; see
 * {@link TurbomoleFiles}). Periodic structures are rejected.
 */
public final class XtbOracle extends ExternalOracle {
    private static final Set<Property> IMPLEMENTED = EnumSet.of(Property.ENERGY, Property.FORCES);
    private final XtbParameters parameters;

    /**
     * @param parameters GFN level, charge, unpaired electrons, accuracy
     * @param settings   machine settings; the binary is {@link OracleSettings#xtbBinary()}
     * @throws OracleSetupException when xtb is not installed
     */
    public XtbOracle(XtbParameters parameters, OracleSettings settings) {
        super(settings, Executables.resolve(settings.xtbBinary(), "xtb", OracleSettings.PREFIX + "xtb.binary"));
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "xtb";
    }

    @Override
    public Set<Property> implementedProperties() {
        return IMPLEMENTED;
    }

    @Override
    public String settings() {
        return parameters.canonical();
    }

    @Override
    protected void validate(Structure structure, Set<Property> properties) {
        if (structure.cell().isPeriodic()) {
            throw new OracleSetupException("the xtb oracle labels isolated molecules, but this structure is periodic "
                    + structure.cell() + ": give a non-periodic cell, or use the cp2k or lammps oracle");
        }
        int electrons = -parameters.charge();
        for (int i = 0; i < structure.size(); i++) {
            int atom = i;
            Element e = Element.find(structure.species(i)).orElseThrow(() -> new OracleSetupException(
                    "xtb needs element symbols, but atom " + atom + " has species '" + structure.species(atom)
                            + "': relabel it with its element"));
            electrons += e.atomicNumber();
        }
        if (electrons < parameters.uhf() || (electrons - parameters.uhf()) % 2 != 0) {
            throw new OracleSetupException("xtb: " + electrons + " electrons (charge " + parameters.charge()
                    + ") cannot have " + parameters.uhf() + " unpaired electrons: the parity must match; set uhf to "
                    + (electrons % 2) + " or " + (electrons % 2 + 2) + ", or change chrg");
        }
    }

    @Override
    protected List<String> prepare(WorkDirectory dir, Structure structure, Set<Property> properties) {
        StringBuilder xyz = new StringBuilder();
        xyz.append(structure.size()).append("\nwritten by EELT xtb oracle\n");
        for (int i = 0; i < structure.size(); i++) {
            xyz.append(String.format(Locale.ROOT, "%-3s %22.15f %22.15f %22.15f%n",
                    Element.of(structure.species(i)).symbol(), structure.position(i, 0), structure.position(i, 1),
                    structure.position(i, 2)));
        }
        dir.write("coord.xyz", xyz.toString());
        return List.of(executable().toString(), "coord.xyz", "--grad",
                "--chrg", Integer.toString(parameters.charge()),
                "--uhf", Integer.toString(parameters.uhf()),
                "--gfn", Integer.toString(parameters.gfn()),
                "--acc", Double.toString(parameters.accuracy()));
    }

    @Override
    protected OracleResult parse(WorkDirectory dir, Structure structure, Set<Property> properties) {
        boolean normal = false;
        for (String f : new String[] {"stdout.txt", "stderr.txt"}) {
            for (String l : dir.lines(f)) {
                normal |= l.contains("normal termination of xtb");
            }
        }
        if (!normal) {
            throw new CalculationFailedException(name(), "xtb did not report 'normal termination of xtb'", "", null);
        }
        String[] symbols = new String[structure.size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = Element.of(structure.species(i)).symbol();
        }
        double energy = TurbomoleFiles.energyEv(dir.lines("energy"));
        double[] forces = TurbomoleFiles.forcesEvPerA(dir.lines("gradient"), symbols);
        return OracleResult.checked(name(), structure.size(), energy, forces, null, null, "", null);
    }

    @Override
    protected String[] excerptFiles() {
        return new String[0];
    }
}
