package org.eelt.potential.dp;

import java.util.List;
import java.util.Map;

/**
 * A small deterministic YAML emitter for model files: mappings in block style with quoted keys,
 * lists of scalars and nested numeric arrays in flow style, {@link NdArray} values as DeePMD-kit's
 * {@code np.ndarray} mapping. Doubles are written with {@link Double#toString(double)} (which
 * parses back to the identical binary64 value) with an explicit exponent sign, so that both
 * snakeyaml and PyYAML's YAML 1.1 resolver read them as floats.
 */
final class YamlWriter {
    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {
    }

    /** @return the YAML text of a tree of maps, lists, scalars and {@link NdArray}s. */
    static String write(Map<String, ?> root, String headerComment) {
        YamlWriter w = new YamlWriter();
        if (headerComment != null) {
            for (String line : headerComment.split("\n")) {
                w.out.append("# ").append(line).append('\n');
            }
        }
        w.map(root, 0);
        return w.out.toString();
    }

    /** @return v as a YAML float that round-trips exactly. */
    static String formatDouble(double v) {
        if (Double.isNaN(v)) {
            return ".nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? ".inf" : "-.inf";
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e >= 0 && s.charAt(e + 1) != '-') {
            s = s.substring(0, e + 1) + "+" + s.substring(e + 1);
        }
        return s;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private void indent(int level) {
        out.append("  ".repeat(level));
    }

    private void map(Map<String, ?> m, int level) {
        if (m.isEmpty()) {
            return;
        }
        for (Map.Entry<String, ?> e : m.entrySet()) {
            indent(level);
            out.append(quote(e.getKey())).append(':');
            value(e.getValue(), level);
        }
    }

    @SuppressWarnings("unchecked")
    private void value(Object v, int level) {
        if (v instanceof NdArray a) {
            v = ndarrayMap(a);
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                map((Map<String, ?>) m, level + 1);
            }
        } else if (v instanceof List<?> l && !l.isEmpty() && (l.get(0) instanceof Map || l.get(0) instanceof NdArray)) {
            out.append('\n');
            for (Object item : l) {
                indent(level + 1);
                out.append("-");
                Object iv = item instanceof NdArray a ? ndarrayMap(a) : item;
                if (iv instanceof Map<?, ?> im && !im.isEmpty()) {
                    out.append('\n');
                    map((Map<String, ?>) im, level + 2);
                } else {
                    out.append(' ').append(flow(iv)).append('\n');
                }
            }
        } else {
            out.append(' ').append(flow(v)).append('\n');
        }
    }

    private static Map<String, Object> ndarrayMap(NdArray a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("@class", "np.ndarray");
        m.put("@is_variable", Boolean.TRUE);
        m.put("@version", 1);
        m.put("dtype", "float64");
        m.put("value", new NestedValues(a));
        return m;
    }

    /** Marker for an ndarray's nested value lists. */
    private record NestedValues(NdArray array) {
    }

    private static String flow(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Double d) {
            return formatDouble(d);
        }
        if (v instanceof Float f) {
            return formatDouble(f.doubleValue());
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        if (v instanceof NestedValues nv) {
            StringBuilder b = new StringBuilder();
            nested(nv.array(), 0, 0, b);
            return b.toString();
        }
        if (v instanceof int[] ia) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < ia.length; i++) {
                b.append(i > 0 ? ", " : "").append(ia[i]);
            }
            return b.append(']').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? ", " : "").append(flow(l.get(i)));
            }
            return b.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(i++ > 0 ? ", " : "").append(quote(String.valueOf(e.getKey()))).append(": ").append(flow(e.getValue()));
            }
            return b.append('}').toString();
        }
        throw new IllegalArgumentException("cannot write " + v.getClass());
    }

    /** Writes the sub-array starting at flat offset {@code off} at depth {@code level}; returns the size. */
    private static int nested(NdArray a, int level, int off, StringBuilder b) {
        int[] shape = a.shape();
        if (level == shape.length) {
            b.append(formatDouble(a.data()[off]));
            return 1;
        }
        b.append('[');
        int stride = 1;
        for (int k = level + 1; k < shape.length; k++) {
            stride *= shape[k];
        }
        for (int i = 0; i < shape[level]; i++) {
            if (i > 0) {
                b.append(", ");
            }
            nested(a, level + 1, off + i * stride, b);
        }
        b.append(']');
        return stride * shape[level];
    }
}
