package org.eelt.trainer.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to one mapping of a parsed JSON/YAML document that reports errors with the
 * key path. Package-private helper of {@link TrainConfig}.
 */
final class Node {
    private final String file;
    private final String path;
    private final Map<String, Object> map;

    Node(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(file, path.isEmpty() ? "<root>" : path, "expected a mapping {...}, got " + describe(value));
        }
        this.map = new LinkedHashMap<>();
        m.forEach((k, v) -> map.put(String.valueOf(k), v));
    }

    private String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    static String describe(Object v) {
        return v == null ? "nothing" : v.getClass().getSimpleName() + " " + v;
    }

    /** Rejects unknown keys (keys starting with '_' are comments). */
    void allowOnly(Set<String> keys) {
        for (String k : map.keySet()) {
            if (!k.startsWith("_") && !keys.contains(k)) {
                throw new ConfigException(file, key(k), "unknown key; allowed here: " + keys);
            }
        }
    }

    boolean has(String k) {
        return map.containsKey(k) && map.get(k) != null;
    }

    Object raw(String k) {
        return map.get(k);
    }

    Node child(String k, boolean required) {
        if (!has(k)) {
            if (required) {
                throw new ConfigException(file, key(k), "missing section");
            }
            return new Node(file, key(k), Map.of());
        }
        return new Node(file, key(k), map.get(k));
    }

    String string(String k, String def) {
        Object v = map.get(k);
        if (v == null) {
            if (def == null) {
                throw new ConfigException(file, key(k), "missing (a string is required)");
            }
            return def;
        }
        if (!(v instanceof String s)) {
            throw new ConfigException(file, key(k), "expected a string, got " + describe(v));
        }
        return s;
    }

    double number(String k, Double def) {
        Object v = map.get(k);
        if (v == null) {
            if (def == null) {
                throw new ConfigException(file, key(k), "missing (a number is required)");
            }
            return def;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new ConfigException(file, key(k), "expected a finite number, got " + describe(v));
        }
        return n.doubleValue();
    }

    long integer(String k, Long def) {
        Object v = map.get(k);
        if (v == null) {
            if (def == null) {
                throw new ConfigException(file, key(k), "missing (an integer is required)");
            }
            return def;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ConfigException(file, key(k), "expected an integer, got " + describe(v));
        }
        return n.longValue();
    }

    boolean bool(String k, boolean def) {
        Object v = map.get(k);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Boolean b)) {
            throw new ConfigException(file, key(k), "expected true or false, got " + describe(v));
        }
        return b;
    }

    int[] intList(String k, int[] def) {
        Object v = map.get(k);
        if (v == null) {
            if (def == null) {
                throw new ConfigException(file, key(k), "missing (a list of integers is required)");
            }
            return def;
        }
        if (!(v instanceof List<?> l)) {
            throw new ConfigException(file, key(k), "expected a list of integers, got " + describe(v));
        }
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = l.get(i);
            if (!(e instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new ConfigException(file, key(k) + "[" + i + "]", "expected an integer, got " + describe(e));
            }
            out[i] = n.intValue();
        }
        return out;
    }

    List<String> stringList(String k) {
        Object v = map.get(k);
        if (v instanceof String s) {
            return List.of(s);
        }
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            throw new ConfigException(file, key(k), "expected a non-empty list of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof String s)) {
                throw new ConfigException(file, key(k) + "[" + i + "]", "expected a string, got " + describe(l.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    ConfigException error(String k, String msg) {
        return new ConfigException(file, key(k), msg);
    }
}
