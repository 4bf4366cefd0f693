package org.eelt.deploy.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code eelt status [ID]}: campaigns of a running service. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the campaigns of a running EELT service (without ID: all of them), or one campaign's",
                "status, live counts and, when finished, its summary. --json prints the API's JSON.",
                ServerOptions.EXIT_CODES})
public final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "campaign id")
    String id;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Override
    public Integer call() {
        ServiceClient client = server.client();
        if (id == null) {
            JsonNode list = client.get("/api/campaigns");
            if (server.json) {
                System.out.println(list.toPrettyString());
                return 0;
            }
            System.out.printf(Locale.ROOT, "%-24s %-18s %-5s %s%n", "ID", "STATUS", "KIND", "NAME");
            for (JsonNode c : list) {
                System.out.printf(Locale.ROOT, "%-24s %-18s %-5s %s%n", c.path("id").asText(), c.path("status").asText(),
                        c.path("kind").asText(), c.path("name").asText());
            }
            return 0;
        }
        JsonNode c = client.get("/api/campaigns/" + id);
        if (server.json) {
            System.out.println(c.toPrettyString());
        } else {
            System.out.printf(Locale.ROOT, "%s (%s, %s): %s%s%n", c.path("id").asText(), c.path("name").asText(),
                    c.path("kind").asText(), c.path("status").asText(),
                    c.hasNonNull("reason") ? " - " + c.get("reason").asText() : "");
            System.out.printf(Locale.ROOT, "explored %d  candidates %d  labeled %d  label failures %d  model versions %d"
                            + "  accurate ratio %.3f%n", c.path("explored").asLong(), c.path("candidates").asLong(),
                    c.path("labeled").asLong(), c.path("label_failures").asLong(), c.path("model_versions").asLong(),
                    c.path("accurate_ratio").asDouble(0));
            JsonNode u = c.path("utilization");
            System.out.printf(Locale.ROOT, "utilization explorer %.0f%%  labeler %.0f%%  trainer %.0f%%%n",
                    100 * u.path("explorer").asDouble(0), 100 * u.path("labeler").asDouble(0),
                    100 * u.path("trainer").asDouble(0));
            if (c.hasNonNull("summary")) {
                System.out.println("summary: " + c.get("summary").toPrettyString());
            }
        }
        return "failed".equals(c.path("status").asText()) ? ServiceCliException.CAMPAIGN_FAILED : 0;
    }
}
