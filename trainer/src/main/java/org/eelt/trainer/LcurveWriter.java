package org.eelt.trainer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes DeePMD-kit's learning curve file {@code lcurve.out}: a header
 * {@code # step rmse_val rmse_trn rmse_e_val rmse_e_trn rmse_f_val rmse_f_trn [rmse_v_val rmse_v_trn] lr}
 * then one line per display step. rmse = √L with the current prefactors; rmse_e and rmse_v are
 * per atom (eV), rmse_f in eV/Å. Without validation data the _val columns are omitted, as in
 * DeePMD-kit. Appends when restarting.
 */
public final class LcurveWriter implements Closeable {
    private final BufferedWriter out;
    private final boolean validation;
    private final boolean energy;
    private final boolean force;
    private final boolean virial;

    /**
     * @param file       the lcurve path
     * @param append     continue an existing file (restart) instead of starting a new one
     * @param validation whether validation columns are written
     * @param energy     whether the energy term is active
     * @param force      whether the force term is active
     * @param virial     whether the virial term is active
     */
    public LcurveWriter(Path file, boolean append, boolean validation, boolean energy, boolean force, boolean virial)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean fresh = !append || !Files.exists(file);
        this.out = Files.newBufferedWriter(file, fresh
                ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.APPEND});
        this.validation = validation;
        this.energy = energy;
        this.force = force;
        this.virial = virial;
        if (fresh) {
            out.write(header());
            out.newLine();
            out.flush();
        }
    }

    /** @return the header line. */
    public String header() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "# %5s", "step"));
        col(sb, "rmse");
        if (energy) {
            col(sb, "rmse_e");
        }
        if (force) {
            col(sb, "rmse_f");
        }
        if (virial) {
            col(sb, "rmse_v");
        }
        sb.append(String.format(Locale.ROOT, " %8s", "lr"));
        return sb.toString();
    }

    private void col(StringBuilder sb, String name) {
        if (validation) {
            sb.append(String.format(Locale.ROOT, " %11s", name + "_val"));
        }
        sb.append(String.format(Locale.ROOT, " %11s", name + "_trn"));
    }

    /** Formats and writes one line; {@code val} may be null without validation data. */
    public String write(long step, LcurvePoint val, LcurvePoint trn, double lr) throws IOException {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%7d", step));
        pair(sb, val == null ? Double.NaN : val.rmse(), trn.rmse());
        if (energy) {
            pair(sb, val == null ? Double.NaN : val.rmseE(), trn.rmseE());
        }
        if (force) {
            pair(sb, val == null ? Double.NaN : val.rmseF(), trn.rmseF());
        }
        if (virial) {
            pair(sb, val == null ? Double.NaN : val.rmseV(), trn.rmseV());
        }
        sb.append(String.format(Locale.ROOT, " %8.1e", lr));
        out.write(sb.toString());
        out.newLine();
        out.flush();
        return sb.toString();
    }

    private void pair(StringBuilder sb, double v, double t) {
        if (validation) {
            sb.append(String.format(Locale.ROOT, " %11.2e", v));
        }
        sb.append(String.format(Locale.ROOT, " %11.2e", t));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
