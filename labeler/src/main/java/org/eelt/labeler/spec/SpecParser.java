package org.eelt.labeler.spec;

import org.eelt.labeler.cp2k.Cp2kParameters;
import org.eelt.labeler.fault.FaultKind;
import org.eelt.labeler.lammps.LammpsParameters;
import org.eelt.labeler.oracle.OracleSetupException;
import org.eelt.labeler.xtb.XtbParameters;
import org.eelt.potential.builtin.SuttonChen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parser behind {@link OracleSpec#parse(String)}; see the grammar there. */
final class SpecParser {
    private final String spec;

    private SpecParser(String spec) {
        this.spec = spec;
    }

    static OracleSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new OracleSpecException(String.valueOf(text), "the SPEC is empty");
        }
        SpecParser p = new SpecParser(text.trim());
        try {
            return p.parseKind();
        } catch (OracleSpecException e) {
            throw e;
        } catch (OracleSetupException | IllegalArgumentException e) {
            throw new OracleSpecException(p.spec, e.getMessage());
        }
    }

    private OracleSpec parseKind() {
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).trim();
        String body = colon < 0 ? "" : spec.substring(colon + 1).trim();
        return switch (kind) {
            case "lj" -> lj(body);
            case "sutton-chen" -> suttonChen(body);
            case "eam" -> eam(body);
            case "lammps" -> lammps(body);
            case "xtb" -> xtb(body);
            case "cp2k" -> cp2k(body);
            case "faulty" -> faulty(body);
            default -> throw error("unknown oracle kind '" + kind
                    + "': use one of lj, sutton-chen, eam, lammps, xtb, cp2k (or faulty:...:SPEC in tests)");
        };
    }

    private OracleSpecException error(String problem) {
        return new OracleSpecException(spec, problem);
    }

    /** Splits {@code k=v;k=v}; keys outside {@code allowed} or repeated (unless {@code repeatable}) are errors. */
    private Map<String, List<String>> keyValues(String body, Set<String> allowed, Set<String> repeatable) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String part : body.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw error("'" + part.trim() + "' is not key=value");
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (!allowed.contains(key)) {
                throw error("unknown key '" + key + "'; allowed: " + String.join(", ", allowed));
            }
            if (value.isEmpty()) {
                throw error("key '" + key + "' has no value");
            }
            List<String> values = out.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.isEmpty() && !repeatable.contains(key)) {
                throw error("key '" + key + "' is given twice");
            }
            values.add(value);
        }
        return out;
    }

    private static Set<String> keys(String... k) {
        return new LinkedHashSet<>(List.of(k));
    }

    private double number(Map<String, List<String>> kv, String key, double def) {
        List<String> v = kv.get(key);
        if (v == null) {
            return def;
        }
        return number(v.get(0), key);
    }

    private double number(String v, String what) {
        try {
            double x = Double.parseDouble(v.trim());
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw error(what + " must be a finite number, got '" + v + "'");
        }
    }

    private int integer(Map<String, List<String>> kv, String key, int def) {
        List<String> v = kv.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.get(0));
        } catch (NumberFormatException e) {
            throw error(key + " must be an integer, got '" + v.get(0) + "'");
        }
    }

    private String text(Map<String, List<String>> kv, String key, String def) {
        List<String> v = kv.get(key);
        return v == null ? def : v.get(0);
    }

    private OracleSpec lj(String body) {
        if (body.isEmpty()) {
            throw error("lj needs at least one pair, e.g. lj:Ar-Ar=0.0104,3.40,8.5");
        }
        List<OracleSpec.LjPair> pairs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : body.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            String[] ab = kv[0].trim().split("-");
            String[] v = kv.length == 2 ? kv[1].split(",") : new String[0];
            if (ab.length != 2 || ab[0].isBlank() || ab[1].isBlank() || v.length != 3) {
                throw error("lj pair '" + part.trim() + "' must look like A-B=EPS,SIGMA,RC");
            }
            String a = ab[0].trim(), b = ab[1].trim();
            String key = a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
            if (!seen.add(key)) {
                throw error("lj pair " + key + " is given twice");
            }
            pairs.add(new OracleSpec.LjPair(a, b, number(v[0], "epsilon of " + key),
                    number(v[1], "sigma of " + key), number(v[2], "cutoff of " + key)));
        }
        return new OracleSpec.Lj(pairs);
    }

    private OracleSpec suttonChen(String body) {
        var kv = keyValues(body, keys("element", "eps", "c", "a", "n", "m", "r_on", "rc"), Set.of());
        SuttonChen.Parameters cu = SuttonChen.copper().parameters();
        String element = text(kv, "element", cu.element());
        boolean copper = element.equals("Cu");
        for (String k : new String[] {"eps", "c", "a", "n", "m"}) {
            if (!copper && !kv.containsKey(k)) {
                throw error("sutton-chen for " + element + " needs eps, c, a, n and m (defaults exist only for Cu)");
            }
        }
        double a = number(kv, "a", cu.a());
        return new OracleSpec.SuttonChenSpec(new SuttonChen.Parameters(element, number(kv, "eps", cu.epsilon()),
                number(kv, "c", cu.c()), a, number(kv, "n", cu.n()), number(kv, "m", cu.m()),
                number(kv, "r_on", 1.5 * a), number(kv, "rc", 2 * a)));
    }

    private OracleSpec eam(String body) {
        if (body.isEmpty() || body.contains(";")) {
            throw error("eam takes one potential file, e.g. eam:Cu_u3.eam");
        }
        if (!(body.endsWith(".eam") || body.endsWith(".eam.alloy") || body.endsWith(".eam.fs"))) {
            throw error("cannot tell the EAM format of '" + body + "': the file must end in .eam (funcfl), "
                    + ".eam.alloy (setfl) or .eam.fs (Finnis-Sinclair)");
        }
        return new OracleSpec.Eam(body);
    }

    private OracleSpec lammps(String body) {
        var kv = keyValues(body, keys("pair_style", "pair_coeff", "pair_modify", "mass", "types"),
                Set.of("pair_coeff", "pair_modify", "mass"));
        if (!kv.containsKey("pair_style") || !kv.containsKey("pair_coeff")) {
            throw error("lammps needs pair_style and at least one pair_coeff");
        }
        List<String> types = new ArrayList<>();
        if (kv.containsKey("types")) {
            for (String t : kv.get("types").get(0).split(",")) {
                types.add(t.trim());
            }
        }
        return new OracleSpec.Lammps(new LammpsParameters(types, kv.get("pair_style").get(0), kv.get("pair_coeff"),
                kv.getOrDefault("mass", List.of()), kv.getOrDefault("pair_modify", List.of())));
    }

    private OracleSpec xtb(String body) {
        var kv = keyValues(body, keys("gfn", "chrg", "uhf", "acc"), Set.of());
        XtbParameters d = XtbParameters.defaults();
        return new OracleSpec.Xtb(new XtbParameters(integer(kv, "gfn", d.gfn()), integer(kv, "chrg", d.charge()),
                integer(kv, "uhf", d.uhf()), number(kv, "acc", d.accuracy())));
    }

    private OracleSpec cp2k(String body) {
        var kv = keyValues(body, keys("cutoff", "rel_cutoff", "charge", "multiplicity", "max_scf", "eps_scf",
                "smear", "basis", "potential"), Set.of());
        Cp2kParameters d = Cp2kParameters.defaults();
        return new OracleSpec.Cp2k(new Cp2kParameters(number(kv, "cutoff", d.cutoffRy()),
                number(kv, "rel_cutoff", d.relCutoffRy()), integer(kv, "charge", d.charge()),
                integer(kv, "multiplicity", d.multiplicity()), integer(kv, "max_scf", d.maxScf()),
                number(kv, "eps_scf", d.epsScf()), number(kv, "smear", d.smearK()), text(kv, "basis", d.basis()),
                text(kv, "potential", d.potential())));
    }

    private OracleSpec faulty(String body) {
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw error("faulty needs options and an inner SPEC, e.g. faulty:rate=0.2,seed=1:sutton-chen:");
        }
        String innerText = body.substring(colon + 1).trim();
        if (innerText.isEmpty()) {
            throw error("faulty needs an inner SPEC after its options, e.g. faulty:rate=0.2:sutton-chen:");
        }
        Set<String> allowed = keys("rate", "seed", "kinds", "timeout-s", "hang-s");
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : body.substring(0, colon).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || part.substring(eq + 1).isBlank()) {
                throw error("faulty option '" + part.trim() + "' is not key=value");
            }
            String key = part.substring(0, eq).trim();
            if (!allowed.contains(key)) {
                throw error("unknown faulty option '" + key + "'; allowed: " + String.join(", ", allowed));
            }
            if (kv.put(key, part.substring(eq + 1).trim()) != null) {
                throw error("faulty option '" + key + "' is given twice");
            }
        }
        if (!kv.containsKey("rate")) {
            throw error("faulty needs rate=P (the fraction of calls that fail, 0..1)");
        }
        double rate = number(kv.get("rate"), "faulty rate");
        if (rate < 0 || rate > 1) {
            throw error("faulty rate must be in [0, 1], got " + rate);
        }
        long seed;
        try {
            seed = Long.parseLong(kv.getOrDefault("seed", "0"));
        } catch (NumberFormatException e) {
            throw error("faulty seed must be an integer, got '" + kv.get("seed") + "'");
        }
        List<FaultKind> kinds = new ArrayList<>();
        if (kv.containsKey("kinds")) {
            for (String k : kv.get("kinds").split("\\|")) {
                FaultKind f = FaultKind.ofSpecName(k);
                if (!kinds.contains(f)) {
                    kinds.add(f);
                }
            }
        } else {
            kinds.addAll(List.of(FaultKind.values()));
        }
        double timeoutS = number(kv.getOrDefault("timeout-s", "1"), "faulty timeout-s");
        double hangS = number(kv.getOrDefault("hang-s", "30"), "faulty hang-s");
        if (!(timeoutS > 0) || !(hangS > 0)) {
            throw error("faulty timeout-s and hang-s must be > 0 s");
        }
        OracleSpec inner = parse(innerText);
        if (inner instanceof OracleSpec.Faulty) {
            throw error("faulty cannot wrap another faulty SPEC");
        }
        return new OracleSpec.Faulty(rate, seed, kinds, timeoutS, hangS, inner);
    }
}
