package org.eelt.deploy.service;

/** A bad service configuration value; the message starts with the key path. */
public final class ServiceConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param key     the key path (e.g. eelt.service.http.port) or option
     * @param message what is wrong and how to fix it
     */
    public ServiceConfigException(String key, String message) {
        super(key + ": " + message);
    }
}
