package org.eelt.deploy.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.eelt.examiner.agent.EnsembleModels;
import org.eelt.labeler.oracle.Oracle;
import org.eelt.labeler.oracle.OracleSettings;
import org.eelt.labeler.spec.OracleSpec;
import org.eelt.labeler.spec.Oracles;
import org.eelt.protocol.atoms.Frame;
import org.eelt.protocol.atoms.LabeledFrame;
import org.eelt.protocol.atoms.Provenance;
import org.eelt.protocol.io.FormatOptions;
import org.eelt.protocol.io.Formats;
import org.eelt.protocol.messages.ModelPublished;
import org.eelt.store.EeltStore;
import org.eelt.store.StoreException;
import org.eelt.store.StoredModel;

/**
 * Runs a campaign in one JVM: {@code RUN_DIR/campaign.conf} (the spec, kept for resume),
 * {@code RUN_DIR/store} (RocksDB), {@code RUN_DIR/train} (checkpoints), then the independent test,
 * {@code RUN_DIR/summary.json} and {@code RUN_DIR/report.html}. A resumed run continues from the
 * store: labels, models, stage, explored count and wall time survive a SIGKILL.
 */
public final class CampaignRunner {
    /** Name of the spec copy in the run directory. */
    public static final String SPEC_FILE = "campaign.conf";

    private CampaignRunner() {
    }

    /**
     * Run options.
     *
     * @param specText   the campaign HOCON (null on resume: read from RUN_DIR)
     * @param specDir    directory for relative paths in the spec
     * @param runDir     the run directory
     * @param resume     continue a run in runDir
     * @param progress   progress line stream (stderr) or null
     * @param tickMillis progress period, ms
     */
    public record Options(String specText, Path specDir, Path runDir, boolean resume, PrintStream progress,
                          long tickMillis) {
    }

    /**
     * Runs (or resumes) a campaign and writes summary.json and report.html.
     *
     * @return the summary
     * @throws IOException            when files cannot be read or written
     * @throws CampaignSpecException  on a bad spec
     */
    public static Summary run(Options o) throws IOException {
        return run(o, Hosting.local());
    }

    /**
     * Where the campaign's actors run: the actor system's config and what must be ready before the
     * campaign starts (a cluster node starts its role actors and waits for labeler nodes).
     *
     * @param config the actor system's configuration
     * @param ready  called in the guardian's setup; the campaign starts when the stage completes
     */
    public record Hosting(Config config, Function<ActorContext<Object>, CompletionStage<?>> ready) {
        /** @return a plain local actor system from application.conf, nothing to wait for. */
        public static Hosting local() {
            return new Hosting(ConfigFactory.load(), ctx -> CompletableFuture.completedFuture(null));
        }
    }

    /**
     * Runs (or resumes) a campaign in an actor system configured by {@code hosting}.
     *
     * @return the summary
     * @throws IOException            when files cannot be read or written
     * @throws CampaignSpecException  on a bad spec
     */
    public static Summary run(Options o, Hosting hosting) throws IOException {
        return run(o, hosting, r -> { });
    }

    /**
     * As {@link #run(Options)}, also handing the raw campaign result (with its progress samples) to
     * {@code onResult} before the summary is evaluated (used by {@code eelt bench load}).
     */
    public static Summary run(Options o, java.util.function.Consumer<CampaignResult> onResult) throws IOException {
        return run(o, Hosting.local(), onResult);
    }

    private static Summary run(Options o, Hosting hosting, java.util.function.Consumer<CampaignResult> onResult)
            throws IOException {
        Prepared p = prepare(o);
        Summary summary = null;
        try {
            CampaignResult result = runActors(p.env(), hosting);
            onResult.accept(result);
            summary = complete(p, result);
            return summary;
        } finally {
            closeAfter(p.store(), summary);
        }
    }

    /**
     * Closes the store. After a failed run (e.g. RocksDB saw a full disk) a close error repeats that
     * failure: it is reported on stderr and the failed summary stands; otherwise it is thrown.
     */
    static void closeAfter(EeltStore store, Summary summary) {
        try {
            store.close();
        } catch (StoreException e) {
            if (summary == null || !"failed".equals(summary.status())) {
                throw e;
            }
            System.err.println("eelt: " + e.getMessage() + " (after the failure above; acknowledged labels are"
                    + " intact, see docs/RELIABILITY.md)");
        }
    }

    /**
     * A campaign ready for its actor: the validated spec, the open store and the environment.
     * Closing it closes the store.
     *
     * @param spec    the campaign
     * @param env     what the campaign actor needs
     * @param store   the open store (also {@code env.store()})
     * @param runDir  the absolute run directory
     * @param settings oracle machine settings
     * @param t0      System.nanoTime() when it was prepared
     */
    public record Prepared(CampaignSpec spec, CampaignEnv env, EeltStore store, Path runDir, OracleSettings settings,
                           long t0) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    /**
     * Validates the spec, creates (or checks, on resume) the run directory, writes
     * {@code campaign.conf}, opens the store and imports initial data. Blocking (file I/O).
     *
     * @return the prepared campaign (the caller closes it)
     * @throws IOException            when files cannot be read or written
     * @throws CampaignSpecException  on a bad spec
     */
    public static Prepared prepare(Options o) throws IOException {
        Path runDir = o.runDir().toAbsolutePath();
        Path specFile = runDir.resolve(SPEC_FILE);
        String text;
        Path specDir = o.specDir();
        if (o.resume()) {
            if (!Files.isRegularFile(specFile)) {
                throw new IllegalArgumentException(runDir + " holds no " + SPEC_FILE + ": it is not an EELT run"
                        + " directory; start one with `eelt run [CAMPAIGN.conf] --out DIR`");
            }
            text = Files.readString(specFile);
            specDir = specDir == null ? runDir : specDir;
        } else {
            if (Files.exists(runDir.resolve("store"))) {
                throw new IllegalArgumentException(runDir + " already holds a campaign; continue it with"
                        + " `eelt run --resume " + runDir + "` or choose another --out");
            }
            text = o.specText();
        }
        CampaignSpec spec = CampaignSpecParser.parse(text, specDir == null ? runDir : specDir);
        Files.createDirectories(runDir);
        if (!o.resume()) {
            Files.writeString(specFile, text);
        }
        OracleSettings os = processTimeoutCap(oracleSettings(runDir), spec.labeling().timeoutS());
        // free-energy campaigns label through their CampaignKind (restrained MD), never a structure oracle
        Supplier<Oracle> made = spec.isFreeEnergy() ? () -> {
            throw new IllegalStateException("a free-energy campaign has no structure oracle");
        } : Oracles.factory(spec.labeling().oracle(), os);
        // the i-th oracle instance (labeler i) draws the same simulated latencies in every run of a spec,
        // so that the asynchronous and the synchronous run of a benchmark wait on the same sequence
        java.util.concurrent.atomic.AtomicLong instances = new java.util.concurrent.atomic.AtomicLong();
        Supplier<Oracle> oracles = () -> SimulatedLatencyOracle.wrap(made.get(),
                spec.labeling().simulatedLatencyMedianS(), spec.labeling().simulatedLatencySigma(),
                spec.seed() * 1_000_003L + instances.getAndIncrement());
        long t0 = System.nanoTime();
        EeltStore store = EeltStore.open(runDir.resolve("store"));
        try {
            if (store.count() == 0) {
                importInitial(spec, store);
            }
            CampaignEnv env = new CampaignEnv(spec, store, runDir, oracles, o.progress(),
                    (int) parseLong(store, "campaign/stage"), parseLong(store, "campaign/explored"),
                    parseDouble(store, "campaign/wall-s"), latestModels(store), o.tickMillis());
            return new Prepared(spec, env, store, runDir, os, t0);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Runs the independent test and writes {@code summary.json} and {@code report.html}. Blocking
     * (oracle-driven test MD); the store must still be open.
     *
     * @param p      the prepared campaign
     * @param result the campaign actor's result
     * @return the summary
     * @throws IOException when the files cannot be written
     */
    public static Summary complete(Prepared p, CampaignResult result) throws IOException {
        awaitTrainingRounds(p.runDir().resolve("train"));
        Map<Integer, ModelPublished> models = latestModels(p.store());
        double wallS = (System.nanoTime() - p.t0()) * 1e-9;
        Summary summary = p.spec().isFreeEnergy()
                ? Summary.freeEnergy(p.spec(), result, p.store(), models, p.runDir(), wallS)
                : Summary.evaluate(p.spec(), result, p.store(), models, testOracle(p.spec(), p.settings()), wallS);
        try {
            summary.write(p.runDir().resolve("summary.json"));
            ReportWriter.write(p.runDir().resolve("report.html"), p.spec(), result, summary);
        } catch (IOException e) {
            if (!"failed".equals(summary.status())) {
                throw e;
            }
            // the run already failed (e.g. a full disk): report that, not the follow-up write error
            System.err.println("eelt: cannot write summary.json/report.html in " + p.runDir() + ": " + e
                    + " (the summary is printed on stdout instead)");
        }
        return summary;
    }

    /**
     * A training round started before the campaign stopped keeps running on its thread (it is a
     * plain blocking call) and writes its checkpoint into RUN_DIR/train: wait for it (at most
     * 10 min) so that nothing writes into the run directory after the summary; its model is not
     * published (the actors are gone).
     */
    private static void awaitTrainingRounds(Path trainDir) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (org.eelt.trainer.agent.TrainerMember.roundsRunning(trainDir) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Command-line entry point without picocli (used by the crash test's child JVM):
     * {@code CampaignRunner SPEC.conf RUN_DIR} or {@code CampaignRunner --resume RUN_DIR}.
     * Prints the summary JSON on stdout; exit status 0 unless the campaign failed.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CampaignRunner SPEC.conf RUN_DIR | CampaignRunner --resume RUN_DIR");
            System.exit(2);
        }
        boolean resume = args[0].equals("--resume");
        Path spec = resume ? null : Path.of(args[0]);
        Summary s = run(new Options(resume ? null : Files.readString(spec), resume ? null
                : spec.toAbsolutePath().getParent(), Path.of(args[1]), resume, System.err, 1000));
        System.out.print(s.toJson());
        System.exit("failed".equals(s.status()) ? 1 : 0);
    }

    /**
     * Caps the oracle process timeout at the labeler's timeout + 5 s: once a labeler has given up on
     * a call, its process tree is killed soon after instead of holding an oracle thread for the
     * configured (default one hour) process timeout.
     */
    static OracleSettings processTimeoutCap(OracleSettings os, double labelerTimeoutS) {
        Duration cap = Duration.ofMillis(Math.round(labelerTimeoutS * 1000) + 5000);
        return os.timeout().compareTo(cap) > 0 ? os.withTimeout(cap) : os;
    }

    /** @return the oracle of the independent test: the campaign's, without injected faults. */
    static Oracle testOracle(CampaignSpec spec, OracleSettings os) {
        OracleSpec s = OracleSpec.parse(spec.labeling().oracle());
        return Oracles.create(s instanceof OracleSpec.Faulty f ? f.inner() : s, os);
    }

    private static long parseLong(EeltStore store, String key) {
        return store.getString(key).map(s -> {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    private static double parseDouble(EeltStore store, String key) {
        return store.getString(key).map(s -> {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return 0.0;
            }
        }).orElse(0.0);
    }

    /** @return oracle machine settings from {@code eelt.oracles.*} (application.conf / system properties). */
    static OracleSettings oracleSettings(Path runDir) {
        Config c = ConfigFactory.load();
        Map<String, String> flat = new HashMap<>();
        if (c.hasPath("eelt.oracles")) {
            c.getConfig("eelt.oracles").entrySet().forEach(e -> flat.put(OracleSettings.PREFIX + e.getKey(),
                    String.valueOf(e.getValue().unwrapped())));
        }
        return OracleSettings.fromMap(flat).withWorkRoot(runDir.resolve("oracle-work"));
    }

    private static void importInitial(CampaignSpec spec, EeltStore store) throws IOException {
        for (String f : spec.initialData().files()) {
            List<LabeledFrame> labels = new ArrayList<>();
            FormatOptions opts = FormatOptions.defaults().withTypeMap(spec.typeMap());
            for (Frame fr : Formats.read(Path.of(f), null, opts)) {
                if (!fr.hasEnergy() || !fr.hasForces()) {
                    throw new CampaignSpecException("eelt.campaign.initial-data.files", f
                            + " has frames without energy and forces labels; give labeled data");
                }
                labels.add(new LabeledFrame(fr, Provenance.imported(f)));
            }
            store.putLabeledAll(labels);
        }
    }

    /** @return the newest stored model of each ensemble member (from the model metadata). */
    static Map<Integer, ModelPublished> latestModels(EeltStore store) {
        Map<Integer, ModelPublished> out = new HashMap<>();
        for (long v : store.modelVersions()) {
            StoredModel m = store.model(v).orElseThrow();
            Map<String, String> a = m.metadata().attributes();
            if (!a.containsKey("member") || !a.containsKey("generation")) {
                continue;
            }
            int member = Integer.parseInt(a.get("member"));
            long gen = Long.parseLong(a.get("generation"));
            ModelPublished old = out.get(member);
            if (old == null || old.generation() < gen) {
                out.put(member, new ModelPublished(member, gen, m.metadata().datasetSnapshot(),
                        new String(m.bytes(), StandardCharsets.UTF_8), Double.parseDouble(a.getOrDefault("train_rmse_e", "NaN")),
                        Double.parseDouble(a.getOrDefault("train_rmse_f", "NaN")), Long.parseLong(a.getOrDefault("steps", "0")),
                        0.0));
            }
        }
        return out;
    }

    /** @return the model of {@code member} with the lowest generation ≥ 1 (the first trained), if any. */
    static ModelPublished firstModel(EeltStore store, int member) {
        for (long v : store.modelVersions()) {
            StoredModel m = store.model(v).orElseThrow();
            Map<String, String> a = m.metadata().attributes();
            if (Integer.toString(member).equals(a.get("member"))) {
                return new ModelPublished(member, Long.parseLong(a.get("generation")), m.metadata().datasetSnapshot(),
                        new String(m.bytes(), StandardCharsets.UTF_8), 0, 0, 0, 0);
            }
        }
        return null;
    }

    private enum Ready { READY }

    private static CampaignResult runActors(CampaignEnv env, Hosting hosting) {
        CompletableFuture<CampaignResult> done = new CompletableFuture<>();
        Behavior<Object> guardian = Behaviors.setup(ctx -> {
            ctx.pipeToSelf(hosting.ready().apply(ctx), (v, err) -> err == null ? Ready.READY : err);
            return Behaviors.receiveMessage(m -> onGuardian(ctx, env, done, m));
        });
        ActorSystem<Object> system = ActorSystem.create(guardian, systemName(hosting.config()), hosting.config());
        try {
            double budget = Math.max(60, env.spec().convergence().maxWallS() - env.wallBase()) + 600;
            return done.get((long) budget, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the campaign ran", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the campaign did not finish: " + e, e);
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("eelt: actor system did not terminate cleanly: " + e);
            }
        }
    }

    private static String systemName(Config c) {
        return c.hasPath("eelt.node.system-name") ? c.getString("eelt.node.system-name") : "eelt";
    }

    private static Behavior<Object> onGuardian(ActorContext<Object> ctx, CampaignEnv env,
                                               CompletableFuture<CampaignResult> done, Object m) {
        if (m == Ready.READY) {
            if (env.spec().mode() == CampaignSpec.Mode.SYNC) {
                ctx.spawn(SyncCampaign.create(env, ctx.getSelf().narrow()), "campaign");
            } else {
                ctx.spawn(Campaign.create(env, ctx.getSelf().narrow()), "campaign");
            }
            return Behaviors.same();
        }
        if (m instanceof CampaignResult r) {
            done.complete(r);
            return Behaviors.same();
        }
        if (m instanceof Throwable t) {
            done.completeExceptionally(t);
        }
        return Behaviors.same();
    }


    /** @return the Deep Potential of a published model. */
    static org.eelt.potential.Potential potential(ModelPublished m) {
        return EnsembleModels.potentialOf(m);
    }
}
