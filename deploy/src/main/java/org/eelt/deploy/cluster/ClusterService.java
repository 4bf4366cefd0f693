package org.eelt.deploy.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.typesafe.config.Config;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.server.Route;
import org.eelt.deploy.service.Service;
import org.eelt.deploy.service.ServiceConfig;
import org.eelt.deploy.service.ServiceState;

/**
 * {@code eelt serve --config node.conf} when node.conf has an {@code eelt.node} section: the
 * service runs as a Pekko Cluster node. On a coordinator-role node the campaign manager is a
 * cluster singleton ({@link ManagerSingleton}) reached through its proxy, the HTTP API serves, and
 * {@code GET /api/cluster} lists the members with their loads; the node's other roles start as in
 * {@link ClusterNode}. A node without the coordinator role serves no HTTP: use {@link NodeMain}-style
 * {@link #startWorker}.
 */
public final class ClusterService {
    private ClusterService() {
    }

    /**
     * @param file the node config file's own keys (with command-line overrides); its {@code pekko.*} keys win
     * @return whether the config asks for cluster mode (it has an {@code eelt.node} section)
     */
    public static boolean wanted(Config file) {
        return file.hasPath(NodeSettings.PATH);
    }

    /**
     * Starts a coordinator node's service.
     *
     * @param node    the node settings (must have the coordinator role)
     * @param file    the node config file's own keys
     * @param service the validated service configuration (its roles are replaced by the node's)
     * @param extraRoutes more routes served beside the API (the dashboard), or null
     * @return the running service
     */
    public static Service startCoordinator(NodeSettings node, Config file, ServiceConfig service,
                                           Function<ServiceState, Route> extraRoutes) {
        if (!node.has(NodeRole.COORDINATOR)) {
            throw new NodeConfigException(NodeSettings.PATH + ".roles", "the HTTP service runs on coordinator-role"
                    + " nodes; this node has " + node.roles());
        }
        AtomicReference<Map<String, NodeLoads.NodeLoad>> loads = new AtomicReference<>(Map.of());
        List<String> roles = node.roles().stream().map(NodeRole::configName).sorted().toList();
        ServiceConfig cfg = new ServiceConfig(service.host(), service.port(), service.token(), service.dataDir(), roles,
                service.oracles(), service.allowBuiltinOracles(), service.statusInterval(), service.askTimeout(),
                service.maxBodyBytes(), service.config());
        return Service.start(cfg, extraRoutes, new Service.Hosting(node.systemName(), ClusterConfigs.pekko(node, file, true),
                ctx -> {
                    loads.set(ClusterNode.start(ctx, node));
                    return ManagerSingleton.init(ctx, cfg);
                }, false, system -> new ClusterMembers(Cluster.get(system), loads.get())));
    }

    /**
     * Starts a node without the coordinator role (labeler, explorer, trainer): no HTTP, no manager.
     *
     * @param node the node settings
     * @param file the node config file's own keys
     * @return the node's actor system
     */
    public static org.apache.pekko.actor.typed.ActorSystem<Void> startWorker(NodeSettings node, Config file) {
        return org.apache.pekko.actor.typed.ActorSystem.create(ClusterNode.create(node), node.systemName(),
                ClusterConfigs.pekko(node, file, true));
    }
}
