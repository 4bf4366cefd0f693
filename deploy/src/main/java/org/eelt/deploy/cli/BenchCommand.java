package org.eelt.deploy.cli;

import org.eelt.deploy.bench.NeighborBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code eelt bench ...}: speed and memory benchmarks that print one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks. Each prints one JSON object on stdout (progress goes to stderr).",
                "Speed targets live here, never in unit tests."},
        subcommands = {BenchCommand.Neighbors.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Shared {@code --json} flag: JSON is the only output form, the flag is accepted for scripts. */
    static class JsonFlag {
        @Option(names = "--json", description = "print JSON (the only output form; accepted for scripts)")
        boolean json;
    }

    @Command(name = "neighbors", mixinStandardHelpOptions = true,
            description = {"Neighbor-list build time per atom for fcc Cu (a = 3.615 Å, r_c = 6 Å, skin 0) from 10^3 to",
                    "10^6 atoms, with the log-log slope of time vs N (1 = linear scaling). Needs about 3 GB heap",
                    "for 10^6 atoms."})
    static final class Neighbors extends JsonFlag implements Callable<Integer> {
        @Option(names = "--atoms", split = ",", paramLabel = "N", description = "atom counts (default: 1000,10000,100000,1000000)")
        int[] atoms = NeighborBench.DEFAULT_ATOMS;

        @Option(names = "--cutoff", defaultValue = "6.0", paramLabel = "Å", description = "cutoff (default: ${DEFAULT-VALUE})")
        double cutoff;

        @Option(names = "--repeats", defaultValue = "3", description = "timed builds per size, best taken (default: ${DEFAULT-VALUE})")
        int repeats;

        @Override
        public Integer call() {
            System.out.println(new NeighborBench(cutoff, 0.0, repeats, false).run(atoms).toJson());
            return 0;
        }
    }
}
