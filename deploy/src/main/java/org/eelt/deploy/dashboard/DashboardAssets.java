package org.eelt.deploy.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;

/**
 * The dashboard's static files, read once from the classpath under
 * {@code org/eelt/deploy/dashboard/}: the page {@code index.html} and the files of
 * {@code static/} (a fixed list, so a request can never name another classpath resource). Each
 * asset carries its content type and a strong entity tag (SHA-256 of its bytes) for caching.
 */
public final class DashboardAssets {
    /** Classpath folder of the assets. */
    public static final String ROOT = "org/eelt/deploy/dashboard/";
    /** The files served under {@code /static/}. */
    static final String[] STATIC_FILES = {"dashboard.css", "charts.js", "dashboard.js", "favicon.svg"};
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * One asset.
     *
     * @param name        file name
     * @param bytes       content
     * @param contentType HTTP content type
     * @param etag        strong entity tag (hex SHA-256 prefix)
     */
    public record Asset(String name, byte[] bytes, ContentType contentType, String etag) {
    }

    private final Asset index;
    private final Map<String, Asset> statics = new LinkedHashMap<>();

    private DashboardAssets(ClassLoader loader) {
        this.index = load(loader, "index.html");
        for (String f : STATIC_FILES) {
            statics.put(f, load(loader, "static/" + f));
        }
    }

    /**
     * @return the assets of this jar
     * @throws UncheckedIOException when a file is missing from the classpath (a broken build)
     */
    public static DashboardAssets load() {
        return new DashboardAssets(DashboardAssets.class.getClassLoader());
    }

    /** @return the page */
    public Asset index() {
        return index;
    }

    /**
     * @param name a file name under {@code /static/}
     * @return the asset, or empty when no such file is served
     */
    public Optional<Asset> staticFile(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(statics.get(name));
    }

    /**
     * @param name a file name
     * @return the content type served for it (by extension; UTF-8 for text)
     */
    static ContentType contentTypeOf(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> ContentTypes.TEXT_HTML_UTF8;
            case "css" -> MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8);
            case "js" -> MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8);
            case "svg" -> MediaTypes.IMAGE_SVG_XML.toContentType();
            case "json" -> ContentTypes.APPLICATION_JSON;
            default -> ContentTypes.APPLICATION_OCTET_STREAM;
        };
    }

    private static Asset load(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("dashboard asset " + ROOT + path
                        + " is missing from the classpath; rebuild the deploy module"));
            }
            byte[] bytes = in.readAllBytes();
            String name = path.substring(path.lastIndexOf('/') + 1);
            return new Asset(name, bytes, contentTypeOf(name), sha256(bytes).substring(0, 32));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard asset " + ROOT + path, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
