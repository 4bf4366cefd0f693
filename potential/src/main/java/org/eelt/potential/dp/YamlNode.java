package org.eelt.potential.dp;

import org.eelt.protocol.io.FormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, path-aware access to a parsed YAML tree (maps, lists, scalars as snakeyaml returns them).
 * Every failure is a {@link FormatException} naming the file and the key path
 * (e.g. {@code model.descriptor.sel}).
 */
final class YamlNode {
    final String file;
    final String path;
    final Object value;

    YamlNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    FormatException error(String problem, String fix) {
        return new FormatException(file, "key " + (path.isEmpty() ? "<root>" : path), problem, fix);
    }

    boolean isNull() {
        return value == null;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> asMap() {
        if (!(value instanceof Map)) {
            throw error("expected a mapping, found " + describe(value), "check the file against DeePMD-kit's dpmodel schema");
        }
        return (Map<String, Object>) value;
    }

    boolean has(String key) {
        return asMap().containsKey(key);
    }

    YamlNode get(String key) {
        Map<String, Object> m = asMap();
        if (!m.containsKey(key)) {
            throw error("required key '" + key + "' is missing", "add '" + child(key) + "'");
        }
        return new YamlNode(file, child(key), m.get(key));
    }

    /** @return the child, or a node holding {@code dflt} when the key is absent. */
    YamlNode opt(String key, Object dflt) {
        Map<String, Object> m = asMap();
        return new YamlNode(file, child(key), m.containsKey(key) ? m.get(key) : dflt);
    }

    List<YamlNode> asList() {
        if (!(value instanceof List<?> l)) {
            throw error("expected a list, found " + describe(value), "give a YAML list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    String asString() {
        if (!(value instanceof String s)) {
            throw error("expected a string, found " + describe(value), "quote the value");
        }
        return s;
    }

    double asDouble() {
        if (value instanceof Number num) {
            return num.doubleValue();
        }
        if (value instanceof String s) {
            String t = s.trim();
            switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case ".nan", "nan" -> {
                    return Double.NaN;
                }
                case ".inf", "+.inf", "inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-.inf", "-inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    try {
                        return Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw error("expected a number, found '" + s + "'", "write a decimal number");
                    }
                }
            }
        }
        throw error("expected a number, found " + describe(value), "write a decimal number");
    }

    int asInt() {
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw error("integer " + v + " out of range", "use a smaller value");
            }
            return (int) v;
        }
        throw error("expected an integer, found " + describe(value), "write an integer");
    }

    boolean asBool() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("expected true/false, found " + describe(value), "write true or false");
    }

    int[] asIntArray() {
        List<YamlNode> l = asList();
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).asInt();
        }
        return out;
    }

    List<String> asStringList() {
        return asList().stream().map(YamlNode::asString).toList();
    }

    /** @return a list of int pairs, e.g. exclude_types [[0, 1]]. */
    List<int[]> asIntPairs() {
        List<int[]> out = new ArrayList<>();
        for (YamlNode p : asList()) {
            int[] v = p.asIntArray();
            if (v.length != 2) {
                throw p.error("expected a pair of type indices, found " + v.length + " values", "write [ti, tj]");
            }
            out.add(v);
        }
        return out;
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = String.valueOf(v);
        return v.getClass().getSimpleName() + " '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
}
