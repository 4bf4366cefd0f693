package org.eelt.protocol.io;

/**
 * Bad input in a file: names the file, the location (line, frame or array), what is wrong and
 * how to fix it. Readers throw only this for malformed content (I/O failures stay
 * {@link java.io.IOException}).
 */
public final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String location;
    private final String problem;
    private final String fix;

    /**
     * @param file     the file or directory path
     * @param location e.g. {@code "line 12"}, {@code "frame 3"}, {@code "set.000/coord.npy"}
     * @param problem  what is wrong
     * @param fix      how to fix it
     */
    public FormatException(String file, String location, String problem, String fix) {
        super(file + (location.isEmpty() ? "" : ", " + location) + ": " + problem + (fix.isEmpty() ? "" : ". Fix: " + fix));
        this.file = file;
        this.location = location;
        this.problem = problem;
        this.fix = fix;
    }

    /** @return the file path. */
    public String file() {
        return file;
    }

    /** @return where in the file. */
    public String location() {
        return location;
    }

    /** @return what is wrong. */
    public String problem() {
        return problem;
    }

    /** @return how to fix it. */
    public String fix() {
        return fix;
    }
}
