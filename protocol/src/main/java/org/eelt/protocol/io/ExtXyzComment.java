package org.eelt.protocol.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comment (second) line of an extended XYZ frame: {@code key=value} pairs separated by
 * blanks, where a value is a bare word, a double-quoted string (backslash escapes {@code \"} and
 * {@code \\}), or a {@code {...}} / {@code [...]} group; a key without {@code =} is a flag with
 * the value {@code T}. Package-private helper of {@link ExtXyz}.
 */
final class ExtXyzComment {
    private ExtXyzComment() {
    }

    /** A column group of the {@code Properties} key: name, type letter (S, R, I, L) and width. */
    record Column(String name, char type, int width, int offset) {
    }

    /** Thrown for syntax errors; the reader adds file and line. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    /** @return the key/value pairs in order of appearance. */
    static Map<String, String> parse(String line) throws SyntaxError {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int start = i;
            while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            String key = line.substring(start, i);
            int j = i;
            while (j < n && Character.isWhitespace(line.charAt(j))) {
                j++;
            }
            if (j >= n || line.charAt(j) != '=') {
                if (key.isEmpty()) {
                    throw new SyntaxError("'=' without a key at character " + (j + 1));
                }
                out.put(key, "T");
                i = j;
                continue;
            }
            if (key.isEmpty()) {
                throw new SyntaxError("'=' without a key at character " + (j + 1));
            }
            i = j + 1;
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(line.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new SyntaxError("unterminated quoted value of key '" + key + "'");
                }
            } else if (i < n && (line.charAt(i) == '{' || line.charAt(i) == '[')) {
                char close = line.charAt(i) == '{' ? '}' : ']';
                int end = line.indexOf(close, i);
                if (end < 0) {
                    throw new SyntaxError("unterminated " + line.charAt(i) + "...' value of key '" + key + "'");
                }
                value.append(line, i + 1, end);
                i = end + 1;
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    value.append(line.charAt(i++));
                }
            }
            out.put(key, value.toString());
        }
    }

    /** @return the column groups of a {@code Properties} value such as {@code species:S:1:pos:R:3}. */
    static List<Column> columns(String properties) throws SyntaxError {
        String[] p = properties.split(":", -1);
        if (p.length % 3 != 0 || properties.isBlank()) {
            throw new SyntaxError("Properties='" + properties + "' is not a list of name:type:width triples");
        }
        List<Column> out = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < p.length; k += 3) {
            String type = p[k + 1];
            if (p[k].isEmpty() || !(type.equals("S") || type.equals("R") || type.equals("I") || type.equals("L"))) {
                throw new SyntaxError("Properties entry '" + p[k] + ":" + type + ":" + p[k + 2]
                        + "' needs a name and a type S, R, I or L");
            }
            int width;
            try {
                width = Integer.parseInt(p[k + 2]);
            } catch (NumberFormatException e) {
                width = -1;
            }
            if (width < 1) {
                throw new SyntaxError("Properties entry '" + p[k] + "' has width '" + p[k + 2] + "', expected a positive integer");
            }
            out.add(new Column(p[k], type.charAt(0), width, offset));
            offset += width;
        }
        return out;
    }

    /** @return {@code value} as written on a comment line: bare when it has no blanks, else quoted. */
    static String quote(String value) {
        boolean bare = !value.isEmpty();
        for (int i = 0; i < value.length() && bare; i++) {
            char c = value.charAt(i);
            bare = !Character.isWhitespace(c) && c != '"' && c != '=' && c != '\\' && c != '{' && c != '[';
        }
        if (bare) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
