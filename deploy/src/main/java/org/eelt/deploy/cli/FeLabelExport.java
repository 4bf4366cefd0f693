package org.eelt.deploy.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.eelt.store.EeltStore;
import org.eelt.protocol.atoms.MeanForceLabel;
import org.eelt.store.StoredMeanForce;

/**
 * Writes the mean-force labels of a free-energy run, once each, in insertion order: CSV
 * ({@code sequence,s0_1..s0_d,f_1..f_d,err_1..err_d,samples,unit,oracle,settings}) or a JSON
 * array of objects. Units: s0 in CV units (Å, rad, 1); f = −∂A/∂s and its standard error in
 * {@code unit} per CV unit. Written to a temporary file, then moved into place.
 */
final class FeLabelExport {
    private FeLabelExport() {
    }

    static int write(EeltStore store, Path out, boolean json) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (StoredMeanForce m : store.meanForces(store.meanForceCount())) {
                MeanForceLabel r = m.label();
                int d = r.dimension();
                if (first && !json) {
                    StringBuilder h = new StringBuilder("sequence");
                    for (String p : new String[] {"s0", "f", "err"}) {
                        for (int q = 1; q <= d; q++) {
                            h.append(',').append(p).append('_').append(q);
                        }
                    }
                    w.write(h.append(",samples,unit,oracle,settings\n").toString());
                }
                w.write(json ? (first ? "[\n" : ",\n") + json(m) : csv(m));
                first = false;
                n++;
            }
            if (json) {
                w.write(first ? "[]\n" : "\n]\n");
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    private static String csv(StoredMeanForce m) {
        MeanForceLabel r = m.label();
        StringBuilder b = new StringBuilder(Long.toString(m.sequence()));
        for (double[] a : new double[][] {r.center(), r.meanForce(), r.stdErr()}) {
            for (double x : a) {
                b.append(',').append(String.format(Locale.ROOT, "%.10g", x));
            }
        }
        return b.append(',').append(r.samples()).append(',').append(r.energyUnit()).append(',')
                .append(quote(r.provenance().source())).append(',').append(quote(r.provenance().settings()))
                .append('\n').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String json(StoredMeanForce m) {
        MeanForceLabel r = m.label();
        return String.format(Locale.ROOT, "  {\"sequence\": %d, \"s0\": %s, \"mean_force\": %s, \"std_err\": %s,"
                        + " \"samples\": %d, \"unit\": \"%s\", \"oracle\": \"%s\", \"settings\": \"%s\", \"hash\": \"%s\"}",
                m.sequence(), array(r.center()), array(r.meanForce()), array(r.stdErr()), r.samples(), r.energyUnit(),
                esc(r.provenance().source()), esc(r.provenance().settings()), m.hash().hex());
    }

    private static String array(double[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.10g", a[i]));
        }
        return b.append(']').toString();
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
