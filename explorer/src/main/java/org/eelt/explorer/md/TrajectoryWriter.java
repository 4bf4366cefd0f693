package org.eelt.explorer.md;

import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.io.ExtXyz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Appends trajectory frames as extended XYZ (positions Å, forces eV/Å, energy eV, virial eV,
 * plus {@code step} and {@code time_ps} keys). The caller owns (and closes) the writer.
 */
public final class TrajectoryWriter implements MdListener {
    private final Writer out;

    /** @param out destination */
    public TrajectoryWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void frame(long step, double time, Frame frame) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("step", Long.toString(step));
        info.put("time_ps", String.format(Locale.ROOT, "%.6f", time));
        try {
            ExtXyz.append(out, frame, info);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trajectory frame at step " + step, e);
        }
    }
}
