package org.eelt.protocol.io;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * A line reader that counts lines (1-based) and turns malformed numbers into
 * {@link FormatException}s naming the file, line and column. Package-private helper of the text
 * readers.
 */
final class LineSource {
    private final BufferedReader reader;
    private final String file;
    private int lineNumber;

    LineSource(BufferedReader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    /** @return the next line, or null at end of file. */
    String next() throws IOException {
        String line = reader.readLine();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    /** @return the number of the line last returned by {@link #next()} (1-based). */
    int lineNumber() {
        return lineNumber;
    }

    String file() {
        return file;
    }

    /** @return a FormatException at the current line. */
    FormatException error(String problem, String fix) {
        return new FormatException(file, "line " + lineNumber, problem, fix);
    }

    /** @return a FormatException at the current line and a 1-based column. */
    FormatException error(int column, String problem, String fix) {
        return new FormatException(file, "line " + lineNumber + ", column " + column, problem, fix);
    }

    /** Parses a finite double from field {@code column} (1-based) of the current line. */
    double parseDouble(String token, int column, String what) {
        try {
            double v = Double.parseDouble(token);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(column, "expected a finite number for " + what + ", found '" + token + "'",
                "write a decimal number such as 1.25 or -3.0e-2");
    }

    /** Parses an int from field {@code column} (1-based) of the current line. */
    int parseInt(String token, int column, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(column, "expected an integer for " + what + ", found '" + token + "'", "write a whole number");
        }
    }

    /** Parses a long from field {@code column} (1-based) of the current line. */
    long parseLong(String token, int column, String what) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error(column, "expected an integer for " + what + ", found '" + token + "'", "write a whole number");
        }
    }

    /** Splits a line on runs of whitespace, ignoring leading and trailing blanks. */
    static String[] fields(String line) {
        int n = line.length();
        int count = 0;
        for (int i = 0; i < n; ) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i < n) {
                count++;
            }
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        String[] out = new String[count];
        int k = 0;
        for (int i = 0; i < n; ) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out[k++] = line.substring(start, i);
            }
        }
        return out;
    }
}
