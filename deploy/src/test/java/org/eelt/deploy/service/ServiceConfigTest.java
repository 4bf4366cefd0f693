package org.eelt.deploy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node.conf merged over reference.conf; errors name the key. */
class ServiceConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsBindLoopbackAndOptionsOverrideTheFile() throws Exception {
        Path conf = dir.resolve("node.conf");
        Files.writeString(conf, "eelt.service { http.port = 9000, token = from-file, oracles { sc = \"sutton-chen:\" } }");
        ServiceConfig c = ServiceConfig.load(conf, Map.of("eelt.service.http.port", 0));
        assertEquals("127.0.0.1", c.host());
        assertEquals(0, c.port());
        assertEquals("from-file", c.token());
        assertEquals(Map.of("sc", "sutton-chen:"), c.oracles());
        assertTrue(c.allowBuiltinOracles());
    }

    @Test
    void errorsNameTheKey() throws Exception {
        assertTrue(assertThrows(ServiceConfigException.class, () -> ServiceConfig.load(null, Map.of()))
                .getMessage().startsWith("eelt.service.token"));
        assertTrue(assertThrows(ServiceConfigException.class, () -> ServiceConfig.load(null,
                Map.of("eelt.service.token", "t", "eelt.service.http.port", 70000))).getMessage()
                .startsWith("eelt.service.http.port"));
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "eelt.service { token = t, oracles { x = \"lammps:bogus\" } }");
        assertTrue(assertThrows(ServiceConfigException.class, () -> ServiceConfig.load(conf, Map.of()))
                .getMessage().startsWith("eelt.service.oracles.x"));
        Files.writeString(conf, "eelt.service { token = t, roles = [cook] }");
        assertTrue(assertThrows(ServiceConfigException.class, () -> ServiceConfig.load(conf, Map.of()))
                .getMessage().startsWith("eelt.service.roles"));
        assertTrue(assertThrows(ServiceConfigException.class, () -> ServiceConfig.load(dir.resolve("none.conf"),
                Map.of())).getMessage().startsWith("--config"));
    }
}
