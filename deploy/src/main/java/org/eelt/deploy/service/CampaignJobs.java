package org.eelt.deploy.service;

import org.eelt.deploy.campaign.LabelExtxyzExport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eelt.deploy.campaign.CampaignResult;
import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.potential.dp.DpModelYaml;
import org.eelt.potential.dp.EeltModelFile;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Structure;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredModel;

/**
 * The blocking steps of the campaign manager, as plain functions run on
 * {@value CampaignManager#BLOCKING_DISPATCHER}: creating and resuming run directories, the final
 * summary, finding campaigns on restart, and the model/dataset downloads.
 */
final class CampaignJobs {
    /** The service's metadata file in a run directory. */
    static final String META_FILE = "service.json";
    static final String SUMMARY_FILE = "summary.json";
    /** Present while a campaign is paused (so that it stays paused over a restart). */
    static final String PAUSED_FILE = "paused";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignJobs() {
    }

    /** A campaign found in the data directory on start. */
    record Found(String id, String name, String kind, long createdMs, Path runDir, String summaryJson,
                 boolean paused) {
    }

    /** Creates or removes the paused marker of a run directory. */
    static void markPaused(Path runDir, boolean paused) {
        try {
            if (paused) {
                Files.writeString(runDir.resolve(PAUSED_FILE), "paused over the API\n");
            } else {
                Files.deleteIfExists(runDir.resolve(PAUSED_FILE));
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(CampaignJobs.class).error("cannot {} the paused marker in {}: {}",
                    paused ? "write" : "remove", runDir, e.toString());
        }
    }

    /** Starts a new campaign: writes service.json, campaign.conf, opens the store. */
    static CampaignRunner.Prepared create(ManagedCampaign c, String specText, long tickMillis) throws IOException {
        Files.createDirectories(c.runDir);
        ObjectNode meta = JSON.createObjectNode();
        meta.put("id", c.id);
        meta.put("name", c.name);
        meta.put("kind", c.kind);
        meta.put("created_ms", c.createdMs);
        writeAtomically(c.runDir.resolve(META_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
        return CampaignRunner.prepare(new CampaignRunner.Options(specText, c.runDir, c.runDir, false, null, tickMillis));
    }

    /** Resumes an unfinished campaign from its run directory and store. */
    static CampaignRunner.Prepared resume(ManagedCampaign c, long tickMillis) throws IOException {
        return CampaignRunner.prepare(new CampaignRunner.Options(null, c.runDir, c.runDir, true, null, tickMillis));
    }

    /** Runs the independent test, writes summary.json and report.html, closes the store; returns the summary JSON. */
    static String evaluate(CampaignRunner.Prepared p, CampaignResult r) throws IOException {
        try (p) {
            return CampaignRunner.complete(p, r).toJson();
        }
    }

    /** Writes a summary.json of a campaign that failed before or outside its actor; returns it. */
    static String writeFailure(Path runDir, String name, String reason) {
        String text = failureJson(name, reason);
        try {
            Files.createDirectories(runDir);
            writeAtomically(runDir.resolve(SUMMARY_FILE), text);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(CampaignJobs.class).error("cannot write {}: {}",
                    runDir.resolve(SUMMARY_FILE), e.toString());
        }
        return text;
    }

    /** @return the summary JSON of a campaign that failed outside its actor */
    static String failureJson(String name, String reason) {
        ObjectNode s = JSON.createObjectNode();
        s.put("status", "failed");
        s.put("reason", reason);
        s.put("campaign", name);
        return s.toPrettyString() + "\n";
    }

    /** Lists the campaigns of the data directory (those with a service.json), oldest first. */
    static List<Found> scan(Path campaignsDir) throws IOException {
        List<Found> out = new ArrayList<>();
        if (!Files.isDirectory(campaignsDir)) {
            return out;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(campaignsDir)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve(META_FILE))).sorted().toList();
        }
        for (Path d : dirs) {
            JsonNode meta;
            try {
                meta = JSON.readTree(Files.readString(d.resolve(META_FILE)));
            } catch (IOException e) {
                continue; // an unreadable service.json: not one of ours, left alone
            }
            String id = d.getFileName().toString();
            Path summary = d.resolve(SUMMARY_FILE);
            String summaryJson = Files.isRegularFile(summary) ? Files.readString(summary) : null;
            out.add(new Found(id, meta.path("name").asText(id), meta.path("kind").asText("dp"),
                    meta.path("created_ms").asLong(0), d, summaryJson, Files.exists(d.resolve(PAUSED_FILE))));
        }
        out.sort(Comparator.comparingLong(Found::createdMs));
        return out;
    }

    /** @return the status and reason fields of a summary JSON */
    static String[] statusOf(String summaryJson) {
        try {
            JsonNode n = JSON.readTree(summaryJson);
            return new String[] {n.path("status").asText("failed"), n.hasNonNull("reason") ? n.get("reason").asText() : null};
        } catch (IOException e) {
            return new String[] {"failed", "summary.json is not valid JSON: " + e.getMessage()};
        }
    }

    /**
     * The newest stored model as a DeePMD-kit dpmodel YAML.
     *
     * @param open   the campaign's open store, or null (then the store is opened read-only)
     * @param member the ensemble member, or -1 for the newest model of any member
     */
    static Download latestModel(EeltStore open, Path runDir, int member) {
        return withStore(open, runDir, store -> {
            StoredModel best = null;
            for (long v : store.modelVersions()) {
                StoredModel m = store.model(v).orElseThrow();
                String mm = m.metadata().attributes().get("member");
                if (member < 0 || Integer.toString(member).equals(mm)) {
                    best = m;
                }
            }
            if (best == null) {
                return Download.error(404, member < 0 ? "no model has been trained yet"
                        : "member " + member + " has no model yet");
            }
            EeltModelFile f = EeltModelFile.parse(new String(best.bytes(), StandardCharsets.UTF_8), "model version "
                    + best.version());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-EELT-Model-Version", Long.toString(best.version()));
            headers.put("X-EELT-Member", best.metadata().attributes().getOrDefault("member", ""));
            headers.put("X-EELT-Generation", best.metadata().attributes().getOrDefault("generation", ""));
            headers.put("X-EELT-Dataset-Snapshot", Long.toString(best.metadata().datasetSnapshot()));
            return new Download(200, null, "application/x-yaml", "model-v" + best.version() + ".yaml",
                    DpModelYaml.toYaml(f.model()).getBytes(StandardCharsets.UTF_8), headers);
        });
    }

    /**
     * Every labeled frame once: extxyz as one text file, deepmd as a zip of deepmd/npy systems
     * ({@code sys-NNN-Matoms/type.raw, type_map.raw, set.000/*.npy}, one per species sequence).
     */
    static Download export(EeltStore open, Path runDir, String format) {
        return withStore(open, runDir, store -> {
            Path tmp = Files.createTempDirectory(runDir, "export-");
            try {
                if (format.equals("extxyz")) {
                    Path out = tmp.resolve("labels.extxyz");
                    int n = LabelExtxyzExport.write(store, out);
                    return new Download(200, null, "chemical/x-extxyz", "labels.extxyz", Files.readAllBytes(out),
                            Map.of("X-EELT-Frames", Integer.toString(n)));
                }
                Map<String, List<Frame>> systems = new LinkedHashMap<>();
                for (LabeledFrame l : store.export(store.snapshot())) {
                    Structure st = l.structure();
                    String key = String.join(",", st.species()) + (st.cell().isPeriodic() ? "" : ";nopbc");
                    systems.computeIfAbsent(key, k -> new ArrayList<>()).add(l.frame());
                }
                int i = 0, n = 0;
                Path root = tmp.resolve("deepmd");
                for (List<Frame> frames : systems.values()) {
                    Path dir = root.resolve(String.format(Locale.ROOT, "sys-%03d-%datoms", i++,
                            frames.get(0).structure().size()));
                    Formats.write(dir, frames, "deepmd", FormatOptions.defaults());
                    n += frames.size();
                }
                Files.createDirectories(root);
                return new Download(200, null, "application/zip", "deepmd.zip", zip(root),
                        Map.of("X-EELT-Frames", Integer.toString(n)));
            } finally {
                deleteTree(tmp);
            }
        });
    }

    /** A file to send back over HTTP, or an error (code != 200). */
    record Download(int code, String error, String contentType, String fileName, byte[] bytes,
                    Map<String, String> headers) {
        static Download error(int code, String message) {
            return new Download(code, message, null, null, null, Map.of());
        }
    }

    private interface StoreJob {
        Download run(EeltStore store) throws IOException;
    }

    private static Download withStore(EeltStore open, Path runDir, StoreJob job) {
        try {
            if (open != null) {
                return job.run(open);
            }
            Path dir = runDir.resolve("store");
            if (!Files.isDirectory(dir)) {
                return Download.error(404, "the campaign has no store yet");
            }
            try (EeltStore s = EeltStore.openReadOnly(dir)) {
                return job.run(s);
            }
        } catch (IOException | RuntimeException e) {
            return Download.error(503, "could not read the campaign's store (" + e.getMessage() + "); retry in a moment");
        }
    }

    private static byte[] zip(Path root) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("deepmd/" + root.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary export directory is harmless; the next export uses a new one
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
