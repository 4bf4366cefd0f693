package org.eelt.deploy.campaign;

/** A campaign spec is invalid; the message starts with the key path, e.g. {@code eelt.campaign.examination.trust-lo}. */
public final class CampaignSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String keyPath;

    /**
     * @param keyPath the full key path of the problem
     * @param message what is wrong and how to fix it
     */
    public CampaignSpecException(String keyPath, String message) {
        super(keyPath + ": " + message);
        this.keyPath = keyPath;
    }

    /** @return the key path of the problem. */
    public String keyPath() {
        return keyPath;
    }
}
