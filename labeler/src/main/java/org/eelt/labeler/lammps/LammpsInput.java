package org.eelt.labeler.lammps;

import org.eelt.protocol.atoms.Structure;

/**
 * Writes the LAMMPS input script of a single-point calculation ({@code run 0}): it reads
 * {@link #DATA}, sets the force field, dumps forces (and per-atom energies) sorted by atom id with
 * 17 significant digits to {@link #DUMP}, and prints the potential energy, volume and the virial
 * part of the pressure tensor (thermostat-free {@code compute pressure NULL virial}) to
 * {@link #RESULT}. A pure function of its arguments.
 */
public final class LammpsInput {
    /** Data file name. */
    public static final String DATA = "data.lmp";
    /** Input script name. */
    public static final String SCRIPT = "in.lammps";
    /** Forces dump name. */
    public static final String DUMP = "forces.dump";
    /** Result file name (energy, volume, virial pressure). */
    public static final String RESULT = "result.txt";
    /** Log file name. */
    public static final String LOG = "log.lammps";

    private LammpsInput() {
    }

    /**
     * @param structure      the structure (for its periodic flags)
     * @param p              force field
     * @param atomicEnergies whether to dump per-atom energies ({@code compute pe/atom})
     * @return the script text
     */
    public static String write(Structure structure, LammpsParameters p, boolean atomicEnergies) {
        StringBuilder b = new StringBuilder("# written by EELT lammps oracle\n");
        b.append("units metal\natom_style atomic\natom_modify map array\n");
        b.append("boundary");
        boolean any = structure.cell().isPeriodic();
        for (int k = 0; k < 3; k++) {
            b.append(' ').append(structure.cell().periodic(k) ? "p" : any ? "s" : "f");
        }
        b.append("\nread_data ").append(DATA).append('\n');
        for (String m : p.masses()) {
            b.append("mass ").append(m.trim()).append('\n');
        }
        b.append("pair_style ").append(p.pairStyle().trim()).append('\n');
        for (String c : p.pairCoeff()) {
            b.append("pair_coeff ").append(c.trim()).append('\n');
        }
        for (String m : p.pairModify()) {
            b.append("pair_modify ").append(m.trim()).append('\n');
        }
        b.append("thermo_modify lost error\n");
        b.append("compute eelt_pv all pressure NULL virial\n");
        String columns = "id fx fy fz";
        if (atomicEnergies) {
            b.append("compute eelt_pea all pe/atom\n");
            columns += " c_eelt_pea";
        }
        b.append("thermo_style custom step pe vol c_eelt_pv[1] c_eelt_pv[2] c_eelt_pv[3] c_eelt_pv[4] c_eelt_pv[5] c_eelt_pv[6]\n");
        b.append("thermo_modify format float %20.15g norm no\n");
        b.append("dump eelt_d all custom 1 ").append(DUMP).append(' ').append(columns).append('\n');
        b.append("dump_modify eelt_d sort id format float %.17g\n");
        b.append("run 0\n");
        b.append("print \"EELT pe $(pe:%.17g) vol $(vol:%.17g)");
        for (int i = 1; i <= 6; i++) {
            b.append(" p").append(i).append(" $(c_eelt_pv[").append(i).append("]:%.17g)");
        }
        b.append("\" file ").append(RESULT).append('\n');
        return b.toString();
    }
}
