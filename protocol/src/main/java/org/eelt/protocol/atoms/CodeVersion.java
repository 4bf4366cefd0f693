package org.eelt.protocol.atoms;

/** EELT's own version, read from the jar manifest (falls back to the development version). */
public final class CodeVersion {
    private static final String VERSION;

    static {
        String v = CodeVersion.class.getPackage().getImplementationVersion();
        VERSION = v != null ? v : "0.1.0-SNAPSHOT";
    }

    private CodeVersion() {
    }

    /** @return the version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }
}
