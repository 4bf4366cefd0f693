package org.eelt.deploy.campaign;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;

/**
 * A HOCON includer that refuses every {@code include}: a campaign spec is self-contained, and one
 * submitted through the service must not make the server read its files, class path or a URL.
 */
final class NoIncludes implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
    static final NoIncludes INSTANCE = new NoIncludes();

    private NoIncludes() {
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        throw refused(what);
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, java.io.File what) {
        throw refused("file(" + what + ")");
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, java.net.URL what) {
        throw refused("url(" + what + ")");
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        throw refused("classpath(" + what + ")");
    }

    private static ConfigException refused(String what) {
        return new ConfigException.BadValue("include", "include " + what + " is not allowed in a campaign spec: put"
                + " the settings into the spec itself");
    }
}
