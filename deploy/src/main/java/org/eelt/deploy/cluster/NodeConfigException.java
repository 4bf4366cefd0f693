package org.eelt.deploy.cluster;

/** A bad node config: the message names the key path, the problem and how to fix it. */
public final class NodeConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param key     the full key path, e.g. {@code eelt.node.port}
     * @param problem what is wrong and what is expected
     */
    public NodeConfigException(String key, String problem) {
        super(key + ": " + problem);
    }
}
