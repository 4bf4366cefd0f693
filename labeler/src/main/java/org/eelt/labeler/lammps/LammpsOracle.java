package org.eelt.labeler.lammps;

import org.eelt.labeler.external.ExternalOracle;
import org.eelt.labeler.external.Executables;
import org.eelt.labeler.external.WorkDirectory;
import org.eelt.labeler.oracle.FileDigest;
import org.eelt.labeler.oracle.OracleResult;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.oracle.Property;
import org.eelt.protocol.atoms.Element;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.LammpsBox;
import org.eelt.protocol.io.LammpsData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LAMMPS (Debian package {@code lammps}, binary {@code lmp}) with any pair style given as LAMMPS
 * commands ({@link LammpsParameters}), in {@code units metal}: energy (eV), forces (eV/Å), virial
 * (eV) and per-atom energies (eV).
 *
 * <p>The structure is written with {@link LammpsData} in LAMMPS's restricted-triclinic frame
 * (r_L = R r); forces come back as F = Rᵀ F_L and the virial as Ξ = Rᵀ Ξ_L R, where
 * Ξ_L = P_virial·V is read from {@code compute pressure NULL virial} (bar → eV/Å³). Boundaries
 * are {@code p} along periodic axes, {@code f} for isolated structures (in an enclosing box) and
 * {@code s} along the open axes of partly periodic ones. Relative potential file names are found
 * through {@code LAMMPS_POTENTIALS} = {@link OracleSettings#potentialsDir()}.
 */
public final class LammpsOracle extends ExternalOracle {
    private static final Set<Property> IMPLEMENTED = EnumSet.allOf(Property.class);
    private final LammpsParameters parameters;
    private final String settingsText;

    /**
     * @param parameters force field and type map
     * @param settings   machine settings; the binary is {@link OracleSettings#lammpsBinary()}
     * @throws OracleSetupException when LAMMPS is not installed
     */
    public LammpsOracle(LammpsParameters parameters, OracleSettings settings) {
        super(settings, Executables.resolve(settings.lammpsBinary(), "lammps", OracleSettings.PREFIX + "lammps.binary"));
        this.parameters = parameters;
        StringBuilder s = new StringBuilder(parameters.canonical());
        for (String c : parameters.pairCoeff()) {
            for (String tok : c.trim().split("\\s+")) {
                Path f = potentialFile(tok, settings.potentialsDir());
                if (f != null) {
                    s.append(";sha256(").append(f.getFileName()).append(")=").append(FileDigest.sha256(f));
                }
            }
        }
        this.settingsText = s.toString();
    }

    private static Path potentialFile(String token, Path potentialsDir) {
        if (!token.contains(".") || token.matches("[-+0-9.eE]+")) {
            return null;
        }
        for (Path p : new Path[] {Path.of(token), potentialsDir.resolve(token)}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "lammps";
    }

    @Override
    public Set<Property> implementedProperties() {
        return IMPLEMENTED;
    }

    @Override
    public String settings() {
        return settingsText;
    }

    /**
     * {@code OMP_NUM_THREADS=1}, {@code LAMMPS_POTENTIALS} = the potentials directory, and
     * {@code OMPI_MCA_ess_singleton_isolated=1}, which lets an Open MPI build of LAMMPS start as a
     * singleton without spawning Open MPI's daemon (measured 0.6 → 0.4 s per call here).
     */
    @Override
    protected Map<String, String> environment() {
        return Map.of("OMP_NUM_THREADS", "1", "LAMMPS_POTENTIALS", oracleSettings().potentialsDir().toString(),
                "OMPI_MCA_ess_singleton_isolated", "1");
    }

    private List<String> typeMap(Structure structure) {
        if (!parameters.types().isEmpty()) {
            return parameters.types();
        }
        List<String> inferred = typesFromPairCoeff(parameters.pairCoeff());
        if (!inferred.isEmpty()) {
            return inferred;
        }
        List<String> distinct = structure.distinctSpecies();
        if (distinct.size() != 1) {
            throw new OracleSetupException("lammps: the structure has species " + distinct
                    + " but the SPEC gives no types=...: add e.g. types=" + String.join(",", distinct)
                    + " in the order pair_coeff expects");
        }
        return distinct;
    }

    /**
     * Many-body styles (eam/alloy, eam/fs, tersoff, ...) take one {@code pair_coeff * * FILE E1 E2 ...}
     * whose element list maps LAMMPS types 1..T to elements; when that is the only pair_coeff and
     * every entry is an element symbol, it is the type map.
     *
     * @return the element names of types 1..T, or an empty list when pair_coeff does not say
     */
    static List<String> typesFromPairCoeff(List<String> pairCoeff) {
        if (pairCoeff.size() != 1) {
            return List.of();
        }
        String[] tokens = pairCoeff.get(0).trim().split("\\s+");
        if (tokens.length < 4 || !tokens[0].equals("*") || !tokens[1].equals("*")) {
            return List.of();
        }
        List<String> names = List.of(tokens).subList(3, tokens.length);
        return names.stream().allMatch(t -> Element.find(t).isPresent()) ? names : List.of();
    }

    @Override
    protected void validate(Structure structure, Set<Property> properties) {
        List<String> types = typeMap(structure);
        for (String sp : structure.distinctSpecies()) {
            if (!types.contains(sp)) {
                throw new OracleSetupException("lammps: species '" + sp + "' is not in types=" + String.join(",", types)
                        + ": add it to types (and its pair_coeff)");
            }
        }
        boolean elements = types.stream().allMatch(t -> Element.find(t).isPresent());
        if (!elements && parameters.masses().size() < types.size()) {
            throw new OracleSetupException("lammps: types " + types + " are not all element symbols, so masses are "
                    + "unknown: give one mass=TYPE AMU per type");
        }
    }

    @Override
    protected List<String> prepare(WorkDirectory dir, Structure structure, Set<Property> properties) {
        try {
            LammpsData.write(dir.resolve(LammpsInput.DATA), structure, typeMap(structure));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(LammpsInput.DATA), e);
        }
        dir.write(LammpsInput.SCRIPT, LammpsInput.write(structure, parameters,
                properties.contains(Property.ATOMIC_ENERGIES)));
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "-in", LammpsInput.SCRIPT,
                "-log", LammpsInput.LOG, "-nocite"));
        return cmd;
    }

    @Override
    protected OracleResult parse(WorkDirectory dir, Structure structure, Set<Property> properties) {
        LammpsBox box = LammpsData.boxFor(structure, LammpsData.DEFAULT_MARGIN);
        int n = structure.size();
        LammpsOutput.Scalars s = LammpsOutput.scalars(dir.lines(LammpsInput.RESULT));
        double[] fL = new double[3 * n];
        double[] ae = properties.contains(Property.ATOMIC_ENERGIES) ? new double[n] : null;
        LammpsOutput.perAtom(dir.lines(LammpsInput.DUMP), n, fL, ae);
        boolean virial = properties.contains(Property.VIRIAL) || properties.contains(Property.STRESS);
        return OracleResult.checked(name(), n, s.energy(), box.fromLammps(fL),
                virial ? box.tensorFromLammps(s.virial()) : null, ae, "", null);
    }

    @Override
    protected String[] excerptFiles() {
        return new String[0]; // stdout holds the screen output, the same as the log
    }
}
