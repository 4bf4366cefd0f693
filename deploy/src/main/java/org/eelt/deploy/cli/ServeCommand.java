package org.eelt.deploy.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eelt.deploy.cluster.ClusterService;
import org.eelt.deploy.cluster.NodeMain;
import org.eelt.deploy.cluster.NodeRole;
import org.eelt.deploy.dashboard.DashboardRoutes;
import org.eelt.deploy.service.Service;
import org.eelt.deploy.service.ServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eelt serve}: the long-running service (campaign manager + HTTP API) on one node. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the EELT service: a campaign manager running several campaigns concurrently, with the",
                "JSON HTTP API (POST/GET /api/campaigns, /api/cluster, /metrics) and the live dashboard at /",
                "(read-only, no token). Single node with all roles,",
                "bound to 127.0.0.1 unless the config says otherwise. Prints the URL, runs until SIGTERM or",
                "Ctrl-C; then running campaigns are persisted and resume when the service starts again on the",
                "same data directory. node.conf is HOCON under eelt.service (http.host, http.port, token, data-dir,",
                "oracles, roles); options override it. With an eelt.node section (roles, host, port, seed-nodes)",
                "the node joins a Pekko cluster: coordinator nodes run the campaign manager as a cluster singleton",
                "and the HTTP API, labeler nodes pull work from every campaign (see deploy/dist/conf/).",
                "Exit status: 0 stopped normally, 2 bad configuration, 1 failure."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (0: a free one; default 8080)")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "bind address (default 127.0.0.1)")
    String host;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "bearer token of mutating endpoints (default: env EELT_TOKEN, or eelt.service.token)")
    String token;

    @Option(names = "--config", paramLabel = "node.conf", description = "node configuration (HOCON under eelt.service)")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default eelt-data)")
    Path data;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> o = new HashMap<>();
        if (port != null) {
            o.put("eelt.service.http.port", port);
        }
        if (host != null) {
            o.put("eelt.service.http.host", host);
        }
        String t = token != null ? token : System.getenv("EELT_TOKEN");
        if (t != null) {
            o.put("eelt.service.token", t);
        }
        if (data != null) {
            o.put("eelt.service.data-dir", data.toAbsolutePath().toString());
        }
        NodeMain.Loaded node = config == null ? null : NodeMain.load(config);
        if (node != null && ClusterService.wanted(node.file()) && !node.settings().has(NodeRole.COORDINATOR)) {
            return worker(node);
        }
        ServiceConfig cfg = ServiceConfig.load(config, o);
        Service service;
        try {
            service = node != null && ClusterService.wanted(node.file())
                    ? ClusterService.startCoordinator(node.settings(), node.file(), cfg, DashboardRoutes::of)
                    : Service.start(cfg, DashboardRoutes::of);
        } catch (IllegalStateException e) {
            throw new CliFailure(e.getMessage());
        }
        System.out.println("eelt service listening on " + service.url() + " (data " + cfg.dataDir() + ")");
        System.out.flush();
        if (node != null && ClusterService.wanted(node.file())) {
            System.out.println("eelt cluster node " + node.settings().selfAddress() + " roles "
                    + node.settings().roles() + ", seed nodes " + node.settings().seedNodes());
            System.out.flush();
        }
        service.awaitTermination();
        System.err.println("eelt service stopped; running campaigns were persisted and resume on the next start");
        return 0;
    }

    /** A node without the coordinator role: no HTTP service, only the cluster node (e.g. a labeler pool). */
    private static int worker(NodeMain.Loaded node) throws InterruptedException {
        var system = ClusterService.startWorker(node.settings(), node.file());
        System.out.println("eelt cluster node " + node.settings().selfAddress() + " roles " + node.settings().roles()
                + ", seed nodes " + node.settings().seedNodes() + " (no HTTP: not a coordinator)");
        System.out.flush();
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CliFailure("the node's actor system ended with " + e.getCause());
        }
        System.err.println("eelt cluster node stopped");
        return 0;
    }
}
