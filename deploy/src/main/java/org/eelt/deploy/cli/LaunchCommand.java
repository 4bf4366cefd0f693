package org.eelt.deploy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eelt launch CAMPAIGN.conf --server URL [--wait] [--json]}: submits a campaign to a running service. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Submit a campaign spec (HOCON or JSON under eelt.campaign) to a running EELT service.",
                "Prints the campaign id. With --wait: a progress bar on stderr until the campaign ends, then its",
                "summary (with --json only the final summary JSON on stdout). The oracle is picked by name among",
                "those configured on the server (or a built-in sutton-chen:/lj: SPEC).",
                ServerOptions.EXIT_CODES})
public final class LaunchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN.conf", description = "campaign spec file")
    Path spec;

    @Option(names = "--name", paramLabel = "NAME", description = "campaign name (default: eelt.campaign.name)")
    String name;

    @Option(names = "--wait", description = "wait until the campaign ends, then print its summary")
    boolean waitForEnd;

    @Option(names = "--poll-s", paramLabel = "S", defaultValue = "1",
            description = "seconds between status polls with --wait (default: ${DEFAULT-VALUE})")
    double pollS;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(spec)) {
            throw new ServiceCliException(ServiceCliException.BAD_INPUT, "campaign file " + spec + " does not exist");
        }
        if (!(pollS > 0)) {
            throw new ServiceCliException(ServiceCliException.BAD_INPUT, "--poll-s must be > 0, got " + pollS);
        }
        String text;
        try {
            text = Files.readString(spec);
        } catch (IOException e) {
            throw new ServiceCliException(ServiceCliException.BAD_INPUT, "cannot read " + spec + ": " + e.getMessage());
        }
        ServiceClient client = server.client();
        String id = client.submit(text, name);
        if (!waitForEnd) {
            System.out.println(server.json ? "{\"id\": \"" + id + "\"}" : id);
            return 0;
        }
        System.err.println("eelt launch: campaign " + id + " submitted");
        Budget budget = Budget.of(text);
        JsonNode c;
        while (true) {
            c = client.get("/api/campaigns/" + id);
            String status = c.path("status").asText();
            progress(System.err, c, budget);
            if (c.hasNonNull("summary") && !status.equals("evaluating") && !status.equals("stopping")) {
                break;
            }
            Thread.sleep((long) (pollS * 1000));
        }
        System.err.println();
        JsonNode summary = c.get("summary");
        System.out.println(summary.toPrettyString());
        if ("failed".equals(summary.path("status").asText())) {
            System.err.println("eelt launch: campaign " + id + " failed: " + summary.path("reason").asText());
            return ServiceCliException.CAMPAIGN_FAILED;
        }
        return 0;
    }

    /** The campaign's label and wall budgets, read from the spec (for the progress bar). */
    record Budget(long maxLabels, double maxWallS) {
        static Budget of(String text) {
            try {
                Config c = ConfigFactory.parseString(text)
                        .withFallback(ConfigFactory.parseResources("eelt-campaign-defaults.conf")).resolve();
                return new Budget(c.getLong("eelt.campaign.convergence.max-labels"),
                        c.getDouble("eelt.campaign.convergence.max-wall-s"));
            } catch (ConfigException e) {
                return new Budget(0, 0);
            }
        }
    }

    /** One progress line: a bar of max(labels/label budget, wall/wall budget) and the live counts. */
    static void progress(PrintStream err, JsonNode c, Budget b) {
        long labeled = c.path("labeled").asLong();
        double wall = c.path("wall_s").asDouble(0);
        double f = Math.max(b.maxLabels() > 0 ? labeled / (double) b.maxLabels() : 0,
                b.maxWallS() > 0 ? wall / b.maxWallS() : 0);
        f = Math.max(0, Math.min(1, f));
        int w = 30, full = (int) Math.round(f * w);
        String bar = "#".repeat(full) + ".".repeat(w - full);
        err.print(String.format(Locale.ROOT, "\r[%s] %3.0f%% %-12s explored %d  labeled %d%s  models %d  accurate %.3f  %5.0f s ",
                bar, 100 * f, c.path("status").asText(), c.path("explored").asLong(), labeled,
                b.maxLabels() > 0 ? "/" + b.maxLabels() : "", c.path("model_versions").asLong(),
                c.path("accurate_ratio").asDouble(0), wall));
        err.flush();
    }
}
