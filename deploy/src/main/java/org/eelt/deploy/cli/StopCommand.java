package org.eelt.deploy.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code eelt stop ID}: stops a campaign of a running service gracefully. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop a campaign of a running EELT service gracefully: it ends with status \"stopped\", its",
                "labels and models stay in the store and its summary is written. Needs the token.",
                ServerOptions.EXIT_CODES})
public final class StopCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "campaign id")
    String id;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Override
    public Integer call() {
        JsonNode r = server.client().post("/api/campaigns/" + id + "/stop");
        System.out.println(server.json ? r.toString() : r.path("message").asText());
        return 0;
    }
}
