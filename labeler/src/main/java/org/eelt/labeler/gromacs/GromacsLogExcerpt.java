package org.eelt.labeler.gromacs;

import java.util.List;
import java.util.Locale;

/**
 * Picks the lines worth quoting from GROMACS output (pure function). GROMACS reports a fatal error
 * as a block between dashed rules:
 * <pre>
 * -------------------------------------------------------
 * Program:     gmx grompp, version 2022.5
 * Source file: src/gromacs/...
 *
 * Fatal error:
 * ...
 * -------------------------------------------------------
 * </pre>
 * and grompp lists {@code ERROR 1 [file x.mdp]:} entries before it. The excerpt is, in this order of
 * preference: every {@code ERROR n} entry and the {@code Fatal error} block; lines around the first
 * line mentioning "error"; or the last lines.
 */
public final class GromacsLogExcerpt {
    private static final int MAX_BLOCK = 30;
    private static final int CONTEXT = 4;
    private static final int TAIL = 15;

    private GromacsLogExcerpt() {
    }

    /**
     * @param lines the output's lines
     * @return the relevant lines joined with newlines, {@code ""} for an empty output
     */
    public static String relevant(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("ERROR ") && t.contains("[")) {
                int end = i + 1;
                while (end < lines.size() && end < i + 8 && !lines.get(end).isBlank()) {
                    end++;
                }
                append(sb, lines, i, end);
            }
        }
        int fatal = find(lines, "Fatal error", true);
        if (fatal >= 0) {
            int start = fatal;
            while (start > 0 && fatal - start < 6 && !lines.get(start - 1).startsWith("-----")) {
                start--;
            }
            int end = fatal + 1;
            while (end < lines.size() && end - fatal < MAX_BLOCK && !lines.get(end).startsWith("-----")) {
                end++;
            }
            append(sb, lines, Math.max(0, start - 1), Math.min(lines.size(), end + 1));
            return sb.toString();
        }
        if (sb.length() > 0) {
            return sb.toString();
        }
        int err = find(lines, "error", false);
        if (err >= 0) {
            append(sb, lines, Math.max(0, err - CONTEXT), Math.min(lines.size(), err + CONTEXT + 1));
            return sb.toString();
        }
        append(sb, lines, Math.max(0, lines.size() - TAIL), lines.size());
        return sb.toString();
    }

    private static int find(List<String> lines, String word, boolean exactCase) {
        String w = exactCase ? word : word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            String l = exactCase ? lines.get(i) : lines.get(i).toLowerCase(Locale.ROOT);
            if (l.contains(w)) {
                return i;
            }
        }
        return -1;
    }

    private static void append(StringBuilder sb, List<String> lines, int from, int to) {
        for (String l : lines.subList(from, to)) {
            sb.append(l.length() > 200 ? l.substring(0, 200) + " ..." : l).append('\n');
        }
    }
}
