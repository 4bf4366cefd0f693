package org.eelt.explorer.md;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes thermo samples as whitespace-separated columns with a header line:
 * {@code step time_ps T_K P_bar E_pot_eV E_kin_eV E_tot_eV E_conserved_eV volume_A3}.
 * The caller owns (and closes) the writer.
 */
public final class ThermoWriter implements MdListener {
    /** The header line (without newline). */
    public static final String HEADER = "# step time_ps T_K P_bar E_pot_eV E_kin_eV E_tot_eV E_conserved_eV volume_A3";
    private final Writer out;
    private boolean headerWritten;

    /** @param out destination */
    public ThermoWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void thermo(ThermoSample s) {
        try {
            if (!headerWritten) {
                out.write(HEADER + "\n");
                headerWritten = true;
            }
            out.write(String.format(Locale.ROOT, "%d %.6f %.4f %.4f %.10f %.10f %.10f %.10f %.6f%n", s.step(), s.time(),
                    s.temperature(), s.pressure(), s.potential(), s.kinetic(), s.total(), s.conserved(), s.volume()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write thermo output", e);
        }
    }
}
