package org.eelt.trainer.config;

/**
 * A bad training configuration: names the file, the key path (e.g.
 * {@code model.descriptor.rcut}), what is wrong and how to fix it.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String keyPath;

    /**
     * @param file    the configuration file (or "&lt;input&gt;")
     * @param keyPath dotted key path
     * @param message what is wrong and how to fix it
     */
    public ConfigException(String file, String keyPath, String message) {
        super(file + ": " + keyPath + ": " + message);
        this.keyPath = keyPath;
    }

    /** @return the dotted key path of the offending entry. */
    public String keyPath() {
        return keyPath;
    }
}
