package org.eelt.deploy.cluster;

import java.util.Locale;

/** The roles a cluster node can take ({@code eelt.node.roles}); a node may take all of them. */
public enum NodeRole {
    /** Runs the campaign manager singleton, the campaigns' examiners, recorders and the store. */
    COORDINATOR,
    /**
     * Hosts the walkers of Deep Potential campaigns ({@link WalkerHost}); a campaign places its walkers
     * round-robin over the explorer nodes and falls back to local walkers when there are none.
     * Free-energy walkers always run on the coordinator.
     */
    EXPLORER,
    /** Hosts a labeler pool that pulls work from every running campaign. */
    LABELER,
    /**
     * Hosts the ensemble members of Deep Potential campaigns ({@link TrainerHost}), fed with dataset
     * increments from the coordinator's store; members run on the coordinator when there is no such node.
     */
    TRAINER;

    /** @return the role's name in configs and in Pekko member roles, e.g. {@code "labeler"}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a role name as written in a config
     * @return the role
     * @throws IllegalArgumentException for an unknown name (message lists the valid ones)
     */
    public static NodeRole parse(String name) {
        for (NodeRole r : values()) {
            if (r.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role \"" + name + "\"; valid roles: coordinator, explorer,"
                + " labeler, trainer");
    }
}
