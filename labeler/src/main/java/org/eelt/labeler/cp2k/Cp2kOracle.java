package org.eelt.labeler.cp2k;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CP2K Quickstep PBE (Debian packages {@code cp2k} and {@code cp2k-data}) for fully periodic
 * structures: energy (eV), forces (eV/Å) and, when VIRIAL or STRESS is requested, the analytical
 * stress tensor turned into the virial (eV, see {@link Cp2kOutput}). The executable is
 * {@link OracleSettings#cp2kBinary()}; when that is the plain name {@code cp2k} and it is missing,
 * Debian's {@code cp2k.psmp}, {@code cp2k.ssmp}, {@code cp2k.popt}, {@code cp2k.sopt} are tried.
 * An unconverged SCF fails the calculation. Parameters and their (cheap) defaults: {@link Cp2kParameters}.
 */
public final class Cp2kOracle extends ExternalOracle {
    private static final Set<Property> IMPLEMENTED = EnumSet.of(Property.ENERGY, Property.FORCES, Property.VIRIAL,
            Property.STRESS);
    private static final String OUT = Cp2kInput.PROJECT + ".out";
    private static final String FORCES = Cp2kInput.PROJECT + "-forces-1_0.xyz";
    private static final String STRESS = Cp2kInput.PROJECT + "-stress-1_0.stress_tensor";
    private final Cp2kParameters parameters;

    /**
     * @param parameters calculation parameters
     * @param settings   machine settings (binary, data directory, work root, timeout)
     * @throws OracleSetupException when CP2K or its data files are not installed
     */
    public Cp2kOracle(Cp2kParameters parameters, OracleSettings settings) {
        super(settings, resolveBinary(settings));
        this.parameters = parameters;
        for (String f : new String[] {"BASIS_MOLOPT", "GTH_POTENTIALS"}) {
            if (!Files.isRegularFile(settings.cp2kDataDir().resolve(f))) {
                throw new OracleSetupException("CP2K data file " + settings.cp2kDataDir().resolve(f)
                        + " not found: install the Debian package 'cp2k-data' or set " + OracleSettings.PREFIX
                        + "cp2k.data-dir to the directory holding BASIS_MOLOPT and GTH_POTENTIALS");
            }
        }
    }

    private static Path resolveBinary(OracleSettings s) {
        String key = OracleSettings.PREFIX + "cp2k.binary";
        if (s.cp2kBinary().equals("cp2k")) {
            return Executables.resolve("cp2k", "cp2k", key, "cp2k.psmp", "cp2k.ssmp", "cp2k.popt", "cp2k.sopt");
        }
        return Executables.resolve(s.cp2kBinary(), "cp2k", key);
    }

    /** {@code OMP_NUM_THREADS=1} and Open MPI's isolated singleton start (no daemon) for {@code cp2k.psmp}. */
    @Override
    protected Map<String, String> environment() {
        return Map.of("OMP_NUM_THREADS", "1", "OMPI_MCA_ess_singleton_isolated", "1");
    }

    @Override
    public String name() {
        return "cp2k";
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
        if (!structure.cell().isFullyPeriodic()) {
            throw new OracleSetupException("the cp2k oracle needs a fully periodic cell, got " + structure.cell()
                    + ": put the molecule in a box with pbc=\"T T T\", or use the xtb oracle for isolated molecules");
        }
        if (structure.cell().signedVolume() < 0) {
            throw new OracleSetupException("CP2K needs a right-handed cell (det H > 0), got det H = "
                    + structure.cell().signedVolume() + " Å^3: swap two cell vectors");
        }
        for (String sp : structure.distinctSpecies()) {
            if (Element.find(sp).isEmpty()) {
                throw new OracleSetupException("cp2k needs element symbols as species, got '" + sp
                        + "': relabel those atoms with their element");
            }
        }
    }

    @Override
    protected List<String> prepare(WorkDirectory dir, Structure structure, Set<Property> properties) {
        boolean stress = wantsVirial(properties);
        dir.write(Cp2kInput.PROJECT + ".inp", Cp2kInput.write(structure, parameters,
                oracleSettings().cp2kDataDir().toAbsolutePath(), stress));
        return List.of(executable().toString(), "-i", Cp2kInput.PROJECT + ".inp", "-o", OUT);
    }

    private static boolean wantsVirial(Set<Property> properties) {
        return properties.contains(Property.VIRIAL) || properties.contains(Property.STRESS);
    }

    @Override
    protected OracleResult parse(WorkDirectory dir, Structure structure, Set<Property> properties) {
        List<String> out = dir.lines(OUT);
        if (Cp2kOutput.scfNotConverged(out)) {
            throw new CalculationFailedException(name(), "SCF not converged within max_scf=" + parameters.maxScf()
                    + " steps: raise max_scf, smear, or check the structure", "", null);
        }
        double energy = Cp2kOutput.energyEv(out, OUT);
        double[] forces = Cp2kOutput.forcesEvPerA(dir.lines(FORCES), structure.size(), FORCES);
        double[] virial = wantsVirial(properties)
                ? Cp2kOutput.virialEv(dir.lines(STRESS), structure.cell().volume(), STRESS) : null;
        return OracleResult.checked(name(), structure.size(), energy, forces, virial, null, "", null);
    }

    @Override
    protected String[] excerptFiles() {
        return new String[] {OUT};
    }
}
