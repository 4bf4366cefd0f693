package org.eelt.deploy.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eelt.examiner.agent.Examiner;
import org.eelt.protocol.messages.AtomsData;

/**
 * The text form of a synchronous iteration's selection (its candidates), kept in the store under
 * {@link SyncProgress#SELECTION_KEY} so that a run killed while labeling resumes with the rest of
 * the same selection. One candidate per line, tab-separated: id, walker, selecting generation,
 * deviation (eV/Å, {@code NaN} for seeds), species (comma-separated), positions (3N numbers, Å),
 * cell (9 numbers, Å) and periodicity ({@code T}/{@code F} per axis). Numbers are written with
 * {@link Double#toString(double)}, so a round trip is exact.
 */
final class SyncSelection {
    private SyncSelection() {
    }

    /** @return the text of the candidates (empty for none) */
    static String encode(List<Examiner.Candidate> candidates) {
        StringBuilder b = new StringBuilder();
        for (Examiner.Candidate c : candidates) {
            AtomsData a = c.atoms();
            b.append(clean(c.id())).append('\t').append(clean(c.walker())).append('\t').append(c.generation())
                    .append('\t').append(c.deviation()).append('\t').append(String.join(",", a.species())).append('\t');
            numbers(b, a.positions()).append('\t');
            numbers(b, a.cell()).append('\t');
            for (boolean p : a.pbc()) {
                b.append(p ? 'T' : 'F');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * @return the candidates of a text written by {@link #encode}
     * @throws IllegalStateException when the text is damaged (names the line)
     */
    static List<Examiner.Candidate> decode(String text) {
        List<Examiner.Candidate> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            try {
                if (f.length != 8 || f[7].length() != 3) {
                    throw new IllegalArgumentException(f.length + " fields instead of 8");
                }
                boolean[] pbc = new boolean[3];
                for (int k = 0; k < 3; k++) {
                    pbc[k] = f[7].charAt(k) == 'T';
                }
                AtomsData a = new AtomsData(f[4].split(","), parse(f[5]), parse(f[6]), pbc);
                out.add(new Examiner.Candidate(f[0], a, f[1], Long.parseLong(f[2]), Double.parseDouble(f[3])));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the stored selection of the synchronous"
                        + " campaign (state key %s) is damaged at line %d: %s", SyncProgress.SELECTION_KEY, i + 1,
                        e.getMessage()), e);
            }
        }
        return out;
    }

    private static StringBuilder numbers(StringBuilder b, double[] v) {
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b;
    }

    private static double[] parse(String s) {
        String[] t = s.split(",");
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Double.parseDouble(t[i]);
        }
        return v;
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
