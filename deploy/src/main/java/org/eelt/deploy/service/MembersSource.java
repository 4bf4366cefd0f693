package org.eelt.deploy.service;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where {@code GET /api/cluster} gets its members: {@code {"members":[{"address","roles":[...],
 * "status","load":{...}}]}}. The single-node service reports itself; a clustered service plugs in
 * the Pekko Cluster membership.
 */
@FunctionalInterface
public interface MembersSource {
    /** @return the {@code {"members":[...]}} object */
    ObjectNode members();

    /**
     * The single node itself: address, roles, status "Up", and its load (available processors,
     * system load average, JVM heap in MiB, campaigns running).
     *
     * @param address the node address (e.g. the actor system address or the HTTP URL)
     * @param roles   the node's roles
     * @param running how many campaigns run here now
     * @return the source
     */
    static MembersSource local(String address, List<String> roles, java.util.function.IntSupplier running) {
        return () -> {
            ObjectNode root = CampaignJson.MAPPER.createObjectNode();
            ArrayNode members = root.putArray("members");
            ObjectNode m = members.addObject();
            m.put("address", address);
            ArrayNode r = m.putArray("roles");
            roles.forEach(r::add);
            m.put("status", "Up");
            ObjectNode load = m.putObject("load");
            var os = ManagementFactory.getOperatingSystemMXBean();
            load.put("processors", os.getAvailableProcessors());
            double avg = os.getSystemLoadAverage();
            if (avg >= 0) {
                load.put("load_average", avg);
            } else {
                load.putNull("load_average");
            }
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            load.put("heap_used_mb", heap.getUsed() / (1024.0 * 1024.0));
            load.put("heap_max_mb", heap.getMax() / (1024.0 * 1024.0));
            load.put("campaigns_running", running.getAsInt());
            return root;
        };
    }
}
