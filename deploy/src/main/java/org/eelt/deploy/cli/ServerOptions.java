package org.eelt.deploy.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** Options shared by the service client commands (launch, status, stop, export --server). */
final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL",
            description = "the EELT server (default: env EELT_SERVER, else http://127.0.0.1:8080)")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "bearer token (default: env EELT_TOKEN)")
    String token;

    @Option(names = "--json", description = "print only JSON on stdout (for scripts)")
    boolean json;

    @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "30",
            description = "per-request timeout, s (default: ${DEFAULT-VALUE})")
    double timeoutS;

    ServiceClient client() {
        String url = server != null ? server : System.getenv().getOrDefault("EELT_SERVER", "http://127.0.0.1:8080");
        String t = token != null ? token : System.getenv("EELT_TOKEN");
        if (!(timeoutS > 0)) {
            throw new ServiceCliException(ServiceCliException.BAD_INPUT, "--timeout-s must be > 0, got " + timeoutS);
        }
        return new ServiceClient(url, t, Duration.ofMillis((long) (timeoutS * 1000)));
    }

    /** Help text of the exit statuses. */
    static final String EXIT_CODES = "Exit status: 0 success, 2 bad input (bad spec, token or id), 3 server unreachable,"
            + " 4 campaign failed, 1 other failure.";
}
