package org.eelt.deploy.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.protocol.chaos.ChaosJournal;

/**
 * {@code eelt chaos kill}: runs small campaigns as child JVMs ({@link CampaignRunner#main}, the
 * same code as {@code eelt run}), kills each with SIGKILL {@code killsPerCampaign} times in chosen
 * phases, resumes it with {@code --resume} after every kill, and finally lets it finish.
 *
 * <p>Kill moments: for each kill a target phase is drawn (labeling, training, store-write,
 * model-publish, cycling through a seeded shuffle); the harness follows the child's
 * {@link ChaosJournal} and, once a marker of that phase appears, waits a random delay within the
 * phase's typical length (labeling: the simulated oracle latency; training: a round; store write and
 * model publish: inside the {@value #PAUSE_MS} ms pause the child makes in the middle of the write)
 * and sends SIGKILL. Acknowledged labels come from the same journal: the child appends
 * {@code ack label <hash>} after the store returned from the write (the store cannot be opened by a
 * second process while the child holds the RocksDB lock). After each kill the store is audited
 * ({@link StoreAudit}); after the last run the campaign's summary must say converged.
 */
public final class ChaosKill {
    /** Phases in which kills are aimed. */
    static final List<String> PHASES = List.of("labeling", "training", "store-write", "model-publish");
    /** Pause (ms) the child makes in the middle of a store write / model publish. */
    static final long PAUSE_MS = 40;

    /**
     * Options.
     *
     * @param runs             total kills
     * @param killsPerCampaign kills per campaign before it is let finish
     * @param seed             seed of phases and delays
     * @param campaignText     campaign HOCON (null: the built-in chaos campaign)
     * @param workDir          where run directories go
     * @param childHeapMb      -Xmx of the child JVMs, MiB
     * @param log              progress (stderr)
     */
    public record Options(int runs, int killsPerCampaign, long seed, String campaignText, Path workDir, int childHeapMb,
                          PrintStream log) {
    }

    /**
     * The harness's figures.
     *
     * @param kills              SIGKILLs sent
     * @param killsByPhase       kills per phase aimed at and seen
     * @param labelsAcked        labels acknowledged over all campaigns
     * @param labelsLost         acknowledged labels missing after a kill (must be 0)
     * @param labelsDuplicated   labels stored twice or under a wrong hash (must be 0)
     * @param modelProblems      model version inconsistencies (must be 0)
     * @param campaigns          campaigns run
     * @param campaignsConverged campaigns whose final summary says converged
     * @param statuses           final status per campaign
     * @param problems           audit findings (empty when all is well)
     * @param wallS              wall-clock seconds
     */
    public record Result(int kills, Map<String, Integer> killsByPhase, long labelsAcked, long labelsLost,
                         long labelsDuplicated, long modelProblems, int campaigns, int campaignsConverged,
                         List<String> statuses, List<String> problems, double wallS) {
        /** @return one JSON object. */
        public String toJson() {
            StringBuilder b = new StringBuilder("{");
            b.append("\"kills\": ").append(kills).append(", \"kills_by_phase\": {");
            int i = 0;
            for (var e : killsByPhase.entrySet()) {
                b.append(i++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(e.getValue());
            }
            b.append("}, \"labels_acked\": ").append(labelsAcked).append(", \"labels_lost\": ").append(labelsLost)
                    .append(", \"labels_duplicated\": ").append(labelsDuplicated)
                    .append(", \"model_inconsistencies\": ").append(modelProblems)
                    .append(", \"campaigns\": ").append(campaigns)
                    .append(", \"campaigns_converged\": ").append(campaignsConverged)
                    .append(", \"final_statuses\": [");
            for (int k = 0; k < statuses.size(); k++) {
                b.append(k == 0 ? "" : ", ").append('"').append(statuses.get(k)).append('"');
            }
            b.append("], \"runs\": ").append(kills).append(", \"problems\": [");
            for (int k = 0; k < problems.size(); k++) {
                b.append(k == 0 ? "" : ", ").append('"').append(problems.get(k).replace("\\", "\\\\")
                        .replace("\"", "\\\"")).append('"');
            }
            return b.append("], \"wall_s\": ").append(String.format(Locale.ROOT, "%.1f", wallS)).append('}').toString();
        }
    }

    private final Options o;
    private final SplittableRandom rng;
    private final Map<String, Integer> byPhase = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private long acked;
    private long lost;
    private long duplicated;
    private long modelProblems;
    private int kills;

    private ChaosKill(Options o) {
        this.o = o;
        this.rng = new SplittableRandom(o.seed());
        PHASES.forEach(p -> byPhase.put(p, 0));
    }

    /** Runs the harness. */
    public static Result run(Options o) throws IOException, InterruptedException {
        if (o.runs() < 0 || o.killsPerCampaign() < 1) {
            throw new IllegalArgumentException("--runs must be >= 0 and --kills-per-campaign >= 1");
        }
        return new ChaosKill(o).go();
    }

    /** @return the built-in chaos campaign (small Cu, 2 members, simulated 0.25 s oracle latency). */
    public static String defaultCampaign() throws IOException {
        try (var in = ChaosKill.class.getResourceAsStream("/eelt-chaos-campaign.conf")) {
            if (in == null) {
                throw new IOException("eelt-chaos-campaign.conf is missing from the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Result go() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String text = o.campaignText() != null ? o.campaignText() : defaultCampaign();
        Files.createDirectories(o.workDir());
        Path spec = o.workDir().resolve("chaos.conf");
        Files.writeString(spec, text);
        int campaigns = 0;
        int converged = 0;
        List<String> order = new ArrayList<>(PHASES);
        for (int i = order.size() - 1; i > 0; i--) {
            java.util.Collections.swap(order, i, rng.nextInt(i + 1));
        }
        for (int c = 0; c == 0 || kills < o.runs(); c++) {
            if (c >= o.runs() + 1) {
                break; // every campaign ended before its kills: do not loop forever
            }
            campaigns++;
            Path run = o.workDir().resolve("run-" + c);
            AckJournal journal = new AckJournal(run.resolveSibling("run-" + c + ".journal"));
            int killsHere = Math.min(o.killsPerCampaign(), o.runs() - kills);
            boolean first = true;
            boolean ended = false;
            for (int k = 0; k < killsHere && !ended; k++) {
                String phase = order.get(kills % order.size());
                Process child = start(spec, run, journal, first);
                first = false;
                String hit = killIn(child, journal, phase, run);
                if (hit == null) {
                    ended = true;
                    checkExit(child, run);
                    break;
                }
                kills++;
                byPhase.merge(hit, 1, Integer::sum);
                audit(run, journal, "after kill " + kills + " (" + hit + ")");
            }
            if (!ended) {
                Process child = start(spec, run, journal, first);
                if (!child.waitFor(30, TimeUnit.MINUTES)) {
                    child.destroyForcibly();
                    throw new IllegalStateException("campaign " + run + " did not finish in 30 minutes");
                }
                checkExit(child, run);
            }
            journal.poll();
            audit(run, journal, "after the final run");
            String status = finalStatus(run);
            statuses.add(status);
            converged += "converged".equals(status) ? 1 : 0;
            acked += journal.ackedLabels().size();
            o.log().printf(Locale.ROOT, "chaos: campaign %d finished: %s, %d labels acknowledged%n", c, status,
                    journal.ackedLabels().size());
        }
        return new Result(kills, byPhase, acked, lost, duplicated, modelProblems, campaigns, converged,
                List.copyOf(statuses), List.copyOf(problems), (System.nanoTime() - t0) * 1e-9);
    }

    private Process start(Path spec, Path run, AckJournal journal, boolean fresh) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + o.childHeapMb() + "m", "-XX:+UseSerialGC",
                "-D" + ChaosJournal.PROPERTY + "=" + journalPath(run),
                "-D" + ChaosJournal.PAUSE_PROPERTY + "=" + PAUSE_MS));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CampaignRunner.class.getName()));
        if (fresh) {
            cmd.addAll(List.of(spec.toString(), run.toString()));
        } else {
            cmd.addAll(List.of("--resume", run.toString()));
        }
        Path log = run.resolveSibling(run.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private static Path journalPath(Path run) {
        return run.resolveSibling(run.getFileName() + ".journal");
    }

    /** Waits for a marker of {@code phase}, then kills within the phase; returns the phase hit. */
    private String killIn(Process child, AckJournal journal, String phase, Path run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String hit = null;
        while (hit == null && System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                o.log().printf(Locale.ROOT, "chaos: the campaign ended (exit %d) before a '%s' marker; it is not"
                        + " killed again%n", child.exitValue(), phase);
                return null;
            }
            for (String p : journal.poll()) {
                if (p.equals(phase)) {
                    hit = p;
                }
            }
            if (hit == null) {
                Thread.sleep(2);
            }
        }
        if (hit == null) {
            hit = "other";
            o.log().println("chaos: no '" + phase + "' marker in 120 s; killing at a random moment");
        }
        long maxDelayMs = switch (hit) {
            case "labeling" -> 200;
            case "training" -> 1500;
            case "store-write", "model-publish" -> PAUSE_MS - 10;
            default -> 1000;
        };
        Thread.sleep(rng.nextLong(maxDelayMs + 1));
        child.destroyForcibly(); // SIGKILL
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed child did not exit in 60 s");
        }
        o.log().printf(Locale.ROOT, "chaos: kill %d in %s (exit %d)%n", kills + 1, hit, child.exitValue());
        return hit;
    }

    private void audit(Path run, AckJournal journal, String when) throws IOException {
        journal.poll(); // everything the child acknowledged before it died
        if (!Files.isDirectory(run.resolve("store"))) {
            return;
        }
        StoreAudit a = StoreAudit.of(run.resolve("store"), journal.ackedLabels(), journal.ackedModels());
        lost += a.lost();
        duplicated += a.duplicated();
        modelProblems += a.modelProblems();
        for (String p : a.problems()) {
            problems.add(when + ": " + p);
        }
        o.log().printf(Locale.ROOT, "chaos: audit %s: %d labels (%d acknowledged, %d lost, %d duplicated), "
                        + "%d model versions (%d problems)%n", when, a.labels(), journal.ackedLabels().size(), a.lost(),
                a.duplicated(), a.models(), a.modelProblems());
    }

    private static void checkExit(Process child, Path run) {
        if (child.exitValue() != 0) {
            throw new IllegalStateException("the resumed campaign failed (exit " + child.exitValue() + "); see "
                    + run.resolveSibling(run.getFileName() + ".log"));
        }
    }

    private static String finalStatus(Path run) throws IOException {
        Path summary = run.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            return "no-summary";
        }
        var m = java.util.regex.Pattern.compile("\"status\":\\s*\"([^\"]+)\"").matcher(Files.readString(summary));
        return m.find() ? m.group(1) : "unreadable-summary";
    }
}
