package org.eelt.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deploy kit under {@code deploy/dist}: the Kubernetes manifests parse as YAML and hold a
 * StatefulSet with a volume claim for the coordinator's stores, a headless Service and a labeler
 * Deployment; the node configs (files and ConfigMap) are valid node configs with the intended roles;
 * the shell scripts pass {@code bash -n}; the systemd unit starts {@code eelt serve --config}.
 */
class DeployKitTest {
    static final Path DIST = Path.of("dist");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocs(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : new Yaml().loadAll(Files.readString(file))) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String key) {
        Object v = ((Map<String, Object>) o).get(key);
        assertNotNull(v, "missing " + key + " in " + o);
        return (Map<String, Object>) v;
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesManifestsParseAndHoldTheCoordinatorAndLabelers(@TempDir Path tmp) throws IOException {
        Map<String, Map<String, Object>> byKindName = new HashMap<>();
        try (var files = Files.list(DIST.resolve("k8s"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (Map<String, Object> d : yamlDocs(f)) {
                    byKindName.put(d.get("kind") + "/" + map(d, "metadata").get("name"), d);
                }
            }
        }
        Map<String, Object> sts = byKindName.get("StatefulSet/eelt-coordinator");
        assertNotNull(sts, byKindName.keySet().toString());
        Map<String, Object> spec = map(sts, "spec");
        assertEquals(1, spec.get("replicas"), "one writer of the RocksDB stores");
        List<Object> claims = (List<Object>) spec.get("volumeClaimTemplates");
        assertEquals("data", map(claims.get(0), "metadata").get("name"));
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        Map<String, Object> container = (Map<String, Object>) ((List<Object>) pod.get("containers")).get(0);
        List<Object> mounts = (List<Object>) container.get("volumeMounts");
        assertTrue(mounts.stream().anyMatch(m -> "data".equals(((Map<String, Object>) m).get("name"))
                && "/var/lib/eelt".equals(((Map<String, Object>) m).get("mountPath"))), mounts.toString());
        assertTrue(((List<Object>) container.get("command")).containsAll(List.of("serve", "--config")));

        Map<String, Object> headless = byKindName.get("Service/eelt-coordinator");
        assertEquals("None", map(headless, "spec").get("clusterIP"));
        assertEquals(sts.get("kind"), "StatefulSet");
        assertEquals("eelt-coordinator", spec.get("serviceName"));
        assertNotNull(byKindName.get("Deployment/eelt-labeler"));

        Map<String, Object> data = map(byKindName.get("ConfigMap/eelt-node-conf"), "data");
        Map<String, Set<NodeRole>> roles = Map.of("coordinator.conf", Set.of(NodeRole.COORDINATOR, NodeRole.EXPLORER,
                NodeRole.TRAINER), "labeler.conf", Set.of(NodeRole.LABELER));
        for (var e : roles.entrySet()) {
            Path f = tmp.resolve(e.getKey());
            Files.writeString(f, (String) data.get(e.getKey()));
            NodeSettings s = NodeMain.load(f).settings();
            assertEquals(e.getValue(), s.roles(), e.getKey());
            assertEquals(List.of("pekko://eelt@eelt-coordinator-0.eelt-coordinator.eelt.svc.cluster.local:2551"),
                    s.seedNodes(), "seed = the coordinator pod's stable DNS name");
        }
    }

    @Test
    void exampleNodeConfigsAreValid() {
        assertEquals(Set.of(NodeRole.values()), NodeMain.load(DIST.resolve("conf/all-in-one.conf")).settings().roles());
        NodeSettings c = NodeMain.load(DIST.resolve("conf/coordinator.conf")).settings();
        assertTrue(c.has(NodeRole.COORDINATOR) && !c.has(NodeRole.LABELER));
        NodeSettings l = NodeMain.load(DIST.resolve("conf/labeler.conf")).settings();
        assertEquals(Set.of(NodeRole.LABELER), l.roles());
        assertEquals(c.seedNodes(), l.seedNodes(), "labelers join the coordinator");
        assertEquals(4, l.labelerWorkers());
        NodeMain.Loaded e = NodeMain.load(DIST.resolve("conf/explorer.conf"));
        assertEquals(Set.of(NodeRole.EXPLORER), e.settings().roles());
        assertEquals(c.seedNodes(), e.settings().seedNodes(), "explorers join the coordinator");
        assertEquals(8, e.file().getInt("eelt-md-dispatcher.thread-pool-executor.fixed-pool-size"));
        assertTrue(ConfigFactory.parseFile(DIST.resolve("conf/coordinator.conf").toFile()).resolve()
                .hasPath("eelt.service.data-dir"), "the coordinator's store location is configured");
    }

    @Test
    void shellScriptsPassBashSyntaxCheckAndTheUnitRunsServe() throws Exception {
        for (String script : List.of("slurm/eelt-cluster.sbatch", "verify-fat-jar.sh", "verify-failover.sh")) {
            Process p = new ProcessBuilder("bash", "-n", DIST.resolve(script).toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), script + ": " + new String(p.getInputStream().readAllBytes()));
        }
        String sbatch = Files.readString(DIST.resolve("slurm/eelt-cluster.sbatch"));
        assertTrue(sbatch.contains("scontrol show hostnames") && sbatch.contains("srun"), "Slurm: hosts and srun");
        String unit = Files.readString(DIST.resolve("systemd/eelt.service"));
        assertTrue(unit.contains("[Service]") && unit.contains("[Install]"));
        assertTrue(unit.lines().anyMatch(l -> l.startsWith("ExecStart=") && l.contains("serve --config")), unit);
    }
}
