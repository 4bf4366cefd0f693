package org.eelt.deploy.cli;

import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.Oracles;
import org.eelt.potential.Potential;
import org.eelt.potential.dp.DeepPotEvaluator;
import org.eelt.potential.dp.DeepPotModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves a potential SPEC for MD: the built-in oracle SPECs ({@code lj:}, {@code sutton-chen:},
 * {@code eam:FILE}) or {@code dp:MODEL} for a Deep Potential (DeePMD-kit dpmodel YAML or EELT model file).
 */
final class PotentialSpecs {
    static final String GRAMMAR = "potential SPEC: dp:MODEL_FILE | lj:A-B=EPS,SIGMA,RC[;...] | sutton-chen:[...] | eam:FILE";

    private PotentialSpecs() {
    }

    static Potential resolve(String spec) throws IOException {
        if (spec.startsWith("dp:")) {
            return loadDeepPot(Path.of(spec.substring(3)));
        }
        return Oracles.builtinPotential(OracleSpec.parse(spec), oracleSettings());
    }

    static DeepPotEvaluator loadDeepPot(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file '" + file + "' not found: give the path of a DeePMD-kit "
                    + "dpmodel YAML (.yaml) or an EELT model file");
        }
        return new DeepPotEvaluator(DeepPotModels.load(file).model());
    }

    /** Oracle machine settings from Java system properties {@code eelt.oracles.*}. */
    static OracleSettings oracleSettings() {
        return oracleSettings(Map.of());
    }

    /**
     * @param overrides keys (with the {@code eelt.oracles.} prefix) that replace the system properties
     * @return oracle machine settings from Java system properties {@code eelt.oracles.*} and the overrides
     */
    static OracleSettings oracleSettings(Map<String, String> overrides) {
        Map<String, String> map = new HashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(OracleSettings.PREFIX)) {
                map.put(key, System.getProperty(key));
            }
        }
        map.putAll(overrides);
        return OracleSettings.fromMap(map);
    }
}
