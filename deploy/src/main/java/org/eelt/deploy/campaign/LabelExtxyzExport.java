package org.eelt.deploy.campaign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.io.ExtXyz;
import org.eelt.store.EeltStore;
import org.eelt.store.StoredLabel;

/**
 * Writes every labeled frame of a run once, in insertion order, as extended XYZ with its provenance
 * in the comment line, so that an exported label still says where it came from:
 * <pre>
 *   label_hash      content hash (species, rounded positions, cell, oracle settings)
 *   oracle          the oracle's name;  oracle_settings  its canonical settings
 *   model_version   the ensemble generation that selected the frame (or "" for imported data)
 *   seed, code_version, created_ms
 *   walker, generation, deviation (max force deviation when selected, eV/Å), labeler, attempts,
 *   busy_ms (all attempts), oracle_ms (the successful oracle call)   — when the campaign recorded them
 * </pre>
 * Energies eV, forces eV/Å, virial eV, as everywhere. Written to a temporary file, then moved into
 * place, so a failed export leaves no partial file.
 */
public final class LabelExtxyzExport {
    private LabelExtxyzExport() {
    }

    /**
     * @param store the run's store
     * @param out   the extxyz file to write
     * @return the number of frames written
     * @throws IOException when the file cannot be written (the store is only read)
     */
    public static int write(EeltStore store, Path out) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Iterator<StoredLabel> it = store.iterate(store.snapshot()); it.hasNext(); ) {
                StoredLabel s = it.next();
                ExtXyz.append(w, s.label().frame(), info(s, store.getString("label-meta/" + s.hash().hex()).orElse("")));
                n++;
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /** @return the comment-line entries of one label: its provenance, then the campaign's label metadata. */
    static Map<String, String> info(StoredLabel s, String labelMeta) {
        Provenance p = s.label().provenance();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("label_hash", s.hash().hex());
        info.put("oracle", clean(p.source()));
        info.put("oracle_settings", clean(p.settings()));
        info.put("model_version", clean(p.modelVersion()));
        info.put("seed", Long.toString(p.seed()));
        info.put("code_version", clean(p.codeVersion()));
        info.put("created_ms", Long.toString(p.createdEpochMs()));
        for (String entry : labelMeta.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                String key = entry.substring(0, eq).trim();
                if (key.equals("candidate")) {
                    key = "candidate_id";
                }
                if (key.matches("[A-Za-z_][A-Za-z0-9_]*") && !info.containsKey(key)) {
                    info.put(key, clean(entry.substring(eq + 1).trim()));
                }
            }
        }
        return info;
    }

    /** Double quotes and line breaks cannot appear in an extxyz value; settings never need them. */
    private static String clean(String v) {
        return v.replace('"', '\'').replace('\n', ' ').replace('\r', ' ');
    }
}
