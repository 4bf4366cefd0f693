package org.eelt.deploy.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.eelt.deploy.campaign.CampaignRunner;
import org.eelt.deploy.campaign.Summary;

/**
 * Entry point of a cluster node without picocli (child JVMs of the cluster tests and benchmark, and
 * {@code java -cp eelt.jar org.eelt.deploy.cluster.NodeMain}):
 * <pre>
 *   NodeMain --config NODE.conf                       run the node until SIGTERM
 *   NodeMain --config NODE.conf --campaign SPEC.conf --run-dir DIR [--await-labelers N] [--await-explorers M]
 *                                                     coordinator: wait for N labeler and M explorer
 *                                                     nodes, run the
 *                                                     campaign on the cluster, print its summary JSON
 * </pre>
 * Exit status: 0 done, 1 campaign failed, 2 bad arguments or config.
 */
public final class NodeMain {
    private NodeMain() {
    }

    /**
     * Parsed command line.
     *
     * @param config        the node config file
     * @param campaign      a campaign spec to run on this (coordinator) node, or null
     * @param runDir        its run directory
     * @param awaitLabelers labeler-role members to wait for before the campaign starts
     * @param awaitExplorers explorer-role members to wait for before the campaign starts
     */
    record Args(Path config, Path campaign, Path runDir, int awaitLabelers, int awaitExplorers) {
        static Args parse(String[] a) {
            Path config = null, campaign = null, runDir = null;
            int await = 0, explorers = 0;
            for (int i = 0; i < a.length; i++) {
                String v = i + 1 < a.length ? a[i + 1] : null;
                switch (a[i]) {
                    case "--config" -> config = Path.of(need(a[i], v));
                    case "--campaign" -> campaign = Path.of(need(a[i], v));
                    case "--run-dir" -> runDir = Path.of(need(a[i], v));
                    case "--await-labelers" -> await = Integer.parseInt(need(a[i], v));
                    case "--await-explorers" -> explorers = Integer.parseInt(need(a[i], v));
                    default -> throw new IllegalArgumentException("unknown argument " + a[i] + "; usage: NodeMain"
                            + " --config NODE.conf [--campaign SPEC.conf --run-dir DIR [--await-labelers N] [--await-explorers M]]");
                }
                i++;
            }
            if (config == null) {
                throw new IllegalArgumentException("--config NODE.conf is required");
            }
            if ((campaign == null) != (runDir == null)) {
                throw new IllegalArgumentException("--campaign and --run-dir go together");
            }
            return new Args(config, campaign, runDir, await, explorers);
        }

        private static String need(String flag, String v) {
            if (v == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return v;
        }
    }

    /**
     * Loads a node config file merged over the reference config.
     *
     * @param file the node config
     * @return the file's config (without fallbacks) and the validated settings
     * @throws NodeConfigException when the file is missing, unparsable or has a bad value
     */
    public static Loaded load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NodeConfigException("--config", file + " is not a file; give a node config such as"
                    + " deploy/dist/conf/all-in-one.conf");
        }
        Config own;
        try {
            own = ConfigFactory.parseFile(file.toFile()).resolve();
        } catch (ConfigException e) {
            throw new NodeConfigException(file.toString(), "not valid HOCON: " + e.getMessage());
        }
        return new Loaded(own, NodeSettings.from(own.withFallback(ConfigFactory.load())));
    }

    /**
     * A loaded node config.
     *
     * @param file     the file's own keys
     * @param settings the validated {@code eelt.node} settings
     */
    public record Loaded(Config file, NodeSettings settings) {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        PrintStream err = System.err;
        Loaded loaded;
        Args a;
        try {
            a = Args.parse(args);
            loaded = load(a.config());
        } catch (IllegalArgumentException e) {
            err.println("eelt node: " + e.getMessage());
            System.exit(2);
            return;
        }
        NodeSettings node = loaded.settings();
        if (a.campaign() == null) {
            ActorSystem<Void> system = ActorSystem.create(ClusterNode.create(node), node.systemName(),
                    ClusterConfigs.pekko(node, loaded.file(), true));
            try {
                system.getWhenTerminated().toCompletableFuture().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                err.println("eelt node: actor system ended with " + e.getCause());
            }
            return;
        }
        if (!node.has(NodeRole.COORDINATOR)) {
            err.println("eelt node: --campaign needs a node with the coordinator role (eelt.node.roles)");
            System.exit(2);
        }
        try {
            Summary s = CampaignRunner.run(new CampaignRunner.Options(Files.readString(a.campaign()),
                    a.campaign().toAbsolutePath().getParent(), a.runDir(), false, err, 1000),
                    new CampaignRunner.Hosting(ClusterConfigs.pekko(node, loaded.file(), false), ctx -> {
                        ClusterNode.start(ctx, node);
                        var labelers = ClusterNode.awaitMembers(ctx, NodeRole.LABELER, a.awaitLabelers());
                        var explorers = ClusterNode.awaitMembers(ctx, NodeRole.EXPLORER, a.awaitExplorers());
                        return labelers.thenCombine(explorers, (x, y) -> (Void) null);
                    }));
            System.out.print(s.toJson());
            System.out.flush();
            System.exit("failed".equals(s.status()) ? 1 : 0);
        } catch (IllegalArgumentException e) {
            err.println("eelt node: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            err.println("eelt node: " + e.getMessage());
            System.exit(1);
        }
    }
}
