package org.eelt.freeenergy.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses CV definitions written as in {@link CollectiveVariable#name()} (0-based atom indices):
 * <pre>
 *   distance(i,j)   angle(i,j,k)   dihedral(i,j,k,l)   x(a)  y(a)  z(a)
 *   coordination(A=0,1,2;B=3,4,r0=1.5,n=6,m=12)     (B optional: pairs within A)
 * </pre>
 * Errors name the definition and what is expected.
 */
public final class CvParser {
    private static final Pattern CALL = Pattern.compile("\\s*([a-zA-Z]+)\\s*\\((.*)\\)\\s*");

    private CvParser() {
    }

    /** @return the CVs of a list of definitions, as a set. */
    public static CvSet parseAll(List<String> definitions) {
        List<CollectiveVariable> cvs = new ArrayList<>();
        for (String d : definitions) {
            cvs.add(parse(d));
        }
        return new CvSet(cvs);
    }

    /**
     * @return the CV of one definition
     * @throws IllegalArgumentException naming the definition and the accepted forms
     */
    public static CollectiveVariable parse(String definition) {
        Matcher m = CALL.matcher(definition == null ? "" : definition);
        if (!m.matches()) {
            throw bad(definition, "expected name(arguments)");
        }
        String kind = m.group(1).toLowerCase(Locale.ROOT);
        String args = m.group(2);
        try {
            return switch (kind) {
                case "distance" -> {
                    int[] a = ints(definition, args, 2);
                    yield new Distance(a[0], a[1]);
                }
                case "angle" -> {
                    int[] a = ints(definition, args, 3);
                    yield new Angle(a[0], a[1], a[2]);
                }
                case "dihedral", "torsion" -> {
                    int[] a = ints(definition, args, 4);
                    yield new Dihedral(a[0], a[1], a[2], a[3]);
                }
                case "x", "y", "z" -> new Cartesian(ints(definition, args, 1)[0], "xyz".indexOf(kind));
                case "coordination" -> coordination(definition, args);
                default -> throw bad(definition, "unknown CV '" + kind + "'");
            };
        } catch (NumberFormatException e) {
            throw bad(definition, "a number is malformed (" + e.getMessage() + ")");
        }
    }

    private static CollectiveVariable coordination(String def, String args) {
        int[] a = null, b = null;
        double r0 = Double.NaN;
        int n = 6, mm = 12;
        for (String part : args.split("[;,](?=\\s*[A-Za-z])")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw bad(def, "coordination arguments are key=value (A, B, r0, n, m), got '" + part.trim() + "'");
            }
            String key = kv[0].trim(), value = kv[1].trim();
            switch (key) {
                case "A" -> a = list(value);
                case "B" -> b = list(value);
                case "r0" -> r0 = Double.parseDouble(value);
                case "n" -> n = Integer.parseInt(value);
                case "m" -> mm = Integer.parseInt(value);
                default -> throw bad(def, "unknown coordination argument '" + key + "' (use A, B, r0, n, m)");
            }
        }
        if (a == null || Double.isNaN(r0)) {
            throw bad(def, "coordination needs A=<atoms> and r0=<Å>");
        }
        return new CoordinationNumber(a, b, r0, n, mm);
    }

    private static int[] list(String s) {
        String[] p = s.split(",");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Integer.parseInt(p[i].trim());
        }
        return out;
    }

    private static int[] ints(String def, String args, int count) {
        int[] a = list(args);
        if (a.length != count) {
            throw bad(def, "expected " + count + " atom indices, got " + a.length);
        }
        return a;
    }

    private static IllegalArgumentException bad(String def, String why) {
        return new IllegalArgumentException("collective variable '" + def + "': " + why + "; write distance(i,j), "
                + "angle(i,j,k), dihedral(i,j,k,l), x(a), y(a), z(a) or coordination(A=..;B=..,r0=..,n=..,m=..)"
                + " with 0-based atom indices");
    }
}
