package org.eelt.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eelt.deploy.chaos.ChaosKill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eelt chaos ...}: reliability harnesses. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Reliability harnesses (see docs/RELIABILITY.md).",
        subcommands = {ChaosCommand.Kill.class})
final class ChaosCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "kill", mixinStandardHelpOptions = true,
            description = {"Runs small campaigns as child JVMs, kills them with SIGKILL during labeling, training, a",
                    "store write or a model publish, resumes each with --resume, and audits the store after every",
                    "kill: acknowledged labels present, no content hash twice, model versions consistent. Prints",
                    "one JSON object (kills, kills_by_phase, labels_lost, labels_duplicated, campaigns_converged, ...)."})
    static final class Kill extends BenchCommand.JsonFlag implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "20", paramLabel = "N", description = "kills in total (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--kills-per-campaign", defaultValue = "5", paramLabel = "K",
                description = "kills before a campaign is let finish; ceil(N/K) campaigns run (default: ${DEFAULT-VALUE})")
        int killsPerCampaign;

        @Option(names = "--seed", defaultValue = "1", description = "seed of kill phases and delays (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--campaign", paramLabel = "FILE", description = "campaign HOCON (default: a small Cu campaign)")
        Path campaign;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "where run directories go (default: a new temp dir)")
        Path workDir;

        @Option(names = "--child-heap-mb", defaultValue = "1536", description = "heap of each child JVM (default: ${DEFAULT-VALUE})")
        int heapMb;

        @Override
        public Integer call() throws Exception {
            if (runs < 0 || killsPerCampaign < 1) {
                throw new CliFailure("--runs must be >= 0 and --kills-per-campaign >= 1");
            }
            String text = null;
            if (campaign != null) {
                if (!Files.isRegularFile(campaign)) {
                    throw new CliFailure("campaign file " + campaign + " does not exist");
                }
                text = Files.readString(campaign);
            }
            Path dir = workDir != null ? workDir : Files.createTempDirectory("eelt-chaos-");
            System.err.println("chaos: run directories under " + dir);
            ChaosKill.Result r = ChaosKill.run(new ChaosKill.Options(runs, killsPerCampaign, seed, text, dir, heapMb,
                    System.err));
            System.out.println(r.toJson());
            boolean ok = r.labelsLost() == 0 && r.labelsDuplicated() == 0 && r.modelProblems() == 0;
            return ok ? 0 : 1;
        }
    }
}
