package org.eelt.labeler.lammps;

import org.eelt.labeler.oracle.OracleSetupException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a LAMMPS calculation runs: the force field as LAMMPS commands ({@code pair_style},
 * {@code pair_coeff}, optional {@code mass}) and the species of LAMMPS atom types 1..T. The
 * input is always {@code units metal} (eV, Å, amu), {@code atom_style atomic}.
 *
 * <p>Values are placed on one line of the LAMMPS input after their command name. So that a SPEC
 * can never add commands or run programs, values may not contain line breaks, {@code &}
 * (continuation), {@code $} (variable substitution), quotes or {@code #}, and {@code pair_style
 * python} (which executes Python code) is refused.
 *
 * @param types     species of types 1..T (e.g. {@code [Cu]}); empty means "the single species of the structure"
 * @param pairStyle arguments of {@code pair_style}, e.g. {@code eam} or {@code lj/cut 8.0}
 * @param pairCoeff arguments of each {@code pair_coeff} line, e.g. {@code * * Cu_u3.eam}
 * @param masses    arguments of each {@code mass} line ({@code type amu}); empty means masses from the elements
 * @param pairModify arguments of each {@code pair_modify} line (e.g. {@code shift yes}); may be empty
 */
public record LammpsParameters(List<String> types, String pairStyle, List<String> pairCoeff, List<String> masses,
                               List<String> pairModify) {
    private static final Pattern FORBIDDEN = Pattern.compile("[\\r\\n&$\"'#]");
    private static final Pattern MASS = Pattern.compile("\\s*(\\d+|\\*)\\s+[0-9.eE+-]+\\s*");

    /** Validates that every value is one safe line. */
    public LammpsParameters {
        types = List.copyOf(types);
        pairCoeff = List.copyOf(pairCoeff);
        masses = List.copyOf(masses);
        pairModify = List.copyOf(pairModify);
        check("pair_style", pairStyle);
        pairModify.forEach(v -> check("pair_modify", v));
        if (pairCoeff.isEmpty()) {
            throw new OracleSetupException("lammps: at least one pair_coeff is needed (e.g. pair_coeff=* * Cu_u3.eam)");
        }
        pairCoeff.forEach(v -> check("pair_coeff", v));
        for (String m : masses) {
            check("mass", m);
            if (!MASS.matcher(m).matches()) {
                throw new OracleSetupException("lammps: mass must be 'type amu' (e.g. mass=1 63.546), got '" + m + "'");
            }
        }
        for (String t : types) {
            if (!t.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new OracleSetupException("lammps: types must be species names (letters, digits, _), got '" + t + "'");
            }
        }
        for (String tok : pairStyle.trim().split("\\s+")) {
            if (tok.equalsIgnoreCase("python")) {
                throw new OracleSetupException("lammps: pair_style python is not allowed (it executes Python code)");
            }
        }
    }

    /** Parameters without {@code pair_modify} lines. */
    public LammpsParameters(List<String> types, String pairStyle, List<String> pairCoeff, List<String> masses) {
        this(types, pairStyle, pairCoeff, masses, List.of());
    }

    private static void check(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new OracleSetupException("lammps: " + key + " must not be empty");
        }
        if (FORBIDDEN.matcher(value).find()) {
            throw new OracleSetupException("lammps: " + key + " value '" + value.replace("\n", "\\n")
                    + "' contains a forbidden character (line break, &, $, quote or #): one plain LAMMPS line only");
        }
    }

    /** @return the canonical SPEC text (without file hashes). */
    public String canonical() {
        StringBuilder sb = new StringBuilder("lammps:");
        if (!types.isEmpty()) {
            sb.append("types=").append(String.join(",", types)).append(';');
        }
        sb.append("pair_style=").append(norm(pairStyle));
        pairCoeff.forEach(c -> sb.append(";pair_coeff=").append(norm(c)));
        pairModify.forEach(m -> sb.append(";pair_modify=").append(norm(m)));
        masses.forEach(m -> sb.append(";mass=").append(norm(m)));
        return sb.toString();
    }

    private static String norm(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }
}
