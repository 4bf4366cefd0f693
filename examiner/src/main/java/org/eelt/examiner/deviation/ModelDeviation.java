package org.eelt.examiner.deviation;

import java.util.Locale;

/**
 * Model deviation of one frame over an ensemble of K models (population standard deviations,
 * i.e. divided by K), DeePMD-kit's definitions:
 * <pre>
 *   ε_F,i   = sqrt( ⟨‖F_i − ⟨F_i⟩‖²⟩ )                          (eV/Å, per atom i)
 *   max/min/avg_devi_f = max/min/mean over atoms of ε_F,i
 *   σ_v,ab  = std over models of Ξ_ab / N                          (eV/atom, 9 components)
 *   max/min_devi_v = max/min over the 9 σ_v,ab;  avg_devi_v = ‖σ_v‖₂ / 3
 *   devi_e  = std over models of E / N                              (eV/atom)
 * </pre>
 *
 * @param step          the frame's step index
 * @param maxDeviV      max_devi_v (eV/atom)
 * @param minDeviV      min_devi_v (eV/atom)
 * @param avgDeviV      avg_devi_v (eV/atom), the Frobenius norm of the virial std over 3
 * @param maxDeviF      max_devi_f (eV/Å)
 * @param minDeviF      min_devi_f (eV/Å)
 * @param avgDeviF      avg_devi_f (eV/Å)
 * @param deviE         devi_e (eV/atom)
 * @param atomDeviF     ε_F,i for every atom (eV/Å)
 */
public record ModelDeviation(long step, double maxDeviV, double minDeviV, double avgDeviV, double maxDeviF,
                             double minDeviF, double avgDeviF, double deviE, double[] atomDeviF) {
    /** Copies the per-atom array. */
    public ModelDeviation {
        atomDeviF = atomDeviF.clone();
    }

    /** @return a copy of the per-atom force deviations (eV/Å). */
    @Override
    public double[] atomDeviF() {
        return atomDeviF.clone();
    }

    /**
     * @return the header line of DeePMD-kit's {@code model_devi.out}
     * ({@code "#       step         max_devi_v ..."}, numpy.savetxt's "# " prefix)
     */
    public static String header() {
        StringBuilder b = new StringBuilder("# ").append(String.format(Locale.ROOT, "%10s", "step"));
        for (String item : new String[] {"v", "f"}) {
            for (String k : new String[] {"max", "min", "avg"}) {
                b.append(String.format(Locale.ROOT, "%19s", k + "_devi_" + item));
            }
        }
        return b.append(String.format(Locale.ROOT, "%19s", "devi_e")).toString();
    }

    /**
     * @return this frame as a {@code model_devi.out} line:
     * {@code %12d} step then seven {@code %19.6e} columns
     * (max_devi_v min_devi_v avg_devi_v max_devi_f min_devi_f avg_devi_f devi_e)
     */
    public String format() {
        return String.format(Locale.ROOT, "%12d%19.6e%19.6e%19.6e%19.6e%19.6e%19.6e%19.6e", step, maxDeviV, minDeviV,
                avgDeviV, maxDeviF, minDeviF, avgDeviF, deviE);
    }
}
