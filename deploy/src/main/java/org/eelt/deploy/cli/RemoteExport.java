package org.eelt.deploy.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code eelt export ID --server URL --format F OUT}: downloads a campaign's labels from the service;
 * extxyz is written as OUT, deepmd (served as a zip) is unpacked into the directory OUT.
 */
final class RemoteExport {
    private RemoteExport() {
    }

    static int run(ServerOptions server, String id, String format, Path out) throws IOException {
        if (!id.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new ServiceCliException(ServiceCliException.BAD_INPUT, "'" + id + "' is not a campaign id");
        }
        byte[] body = server.client().bytes("/api/campaigns/" + id + "/export?format=" + format);
        int files = 0;
        if (format.equals("extxyz")) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, body);
            files = 1;
        } else {
            Path root = out.toAbsolutePath().normalize();
            Files.createDirectories(root);
            try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                    String name = e.getName().startsWith("deepmd/") ? e.getName().substring(7) : e.getName();
                    Path target = root.resolve(name).normalize();
                    if (!target.startsWith(root)) {
                        throw new ServiceCliException(1, "the server sent a zip entry outside OUT: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, z.readAllBytes());
                    files++;
                }
            }
        }
        if (server.json) {
            var o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            o.put("id", id);
            o.put("format", format);
            o.put("out", out.toString());
            o.put("bytes", body.length);
            o.put("files", files);
            System.out.println(o.toString());
        } else {
            System.out.println("wrote " + format + " export of campaign " + id + " to " + out + " (" + body.length
                    + " bytes" + (format.equals("deepmd") ? ", " + files + " files" : "") + ")");
        }
        return 0;
    }
}
