package org.eelt.deploy.cluster;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.eelt.deploy.service.CampaignJson;
import org.eelt.deploy.service.MembersSource;

/**
 * {@code GET /api/cluster} of a clustered service: every Pekko Cluster member with its address,
 * roles, status ({@code Up}, {@code Leaving}, …, {@code Unreachable}) and its latest published load
 * ({@link NodeLoads}; {@code null} until the first one arrives).
 */
public final class ClusterMembers implements MembersSource {
    private final Cluster cluster;
    private final Map<String, NodeLoads.NodeLoad> loads;

    /**
     * @param cluster the cluster extension of this node
     * @param loads   the latest load per node address
     */
    public ClusterMembers(Cluster cluster, Map<String, NodeLoads.NodeLoad> loads) {
        this.cluster = cluster;
        this.loads = loads;
    }

    @Override
    public ObjectNode members() {
        ObjectNode root = CampaignJson.MAPPER.createObjectNode();
        ArrayNode members = root.putArray("members");
        var state = cluster.state();
        for (Member m : state.getMembers()) {
            ObjectNode o = members.addObject();
            String address = m.address().toString();
            o.put("address", address);
            ArrayNode roles = o.putArray("roles");
            m.getRoles().stream().filter(r -> !r.startsWith("dc-")).sorted().forEach(roles::add);
            o.put("status", state.getUnreachable().contains(m) ? "Unreachable" : m.status().toString());
            o.put("self", m.equals(cluster.selfMember()));
            NodeLoads.NodeLoad l = loads.get(address);
            if (l == null) {
                o.putNull("load");
            } else {
                ObjectNode load = o.putObject("load");
                load.put("processors", l.processors());
                if (l.loadAverage() >= 0) {
                    load.put("load_average", l.loadAverage());
                } else {
                    load.putNull("load_average");
                }
                load.put("heap_used_mb", l.heapUsedMb());
                load.put("heap_max_mb", l.heapMaxMb());
                load.put("age_s", Math.max(0, System.currentTimeMillis() - l.epochMs()) / 1000.0);
            }
        }
        return root;
    }
}
