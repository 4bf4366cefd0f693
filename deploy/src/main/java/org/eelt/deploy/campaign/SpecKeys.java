package org.eelt.deploy.campaign;

import java.util.List;
import java.util.Locale;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * Typed, validated access to one object of a campaign spec (HOCON): every error is a
 * {@link CampaignSpecException} naming the key's full path (e.g. {@code eelt.campaign.training.start-lr}).
 */
final class SpecKeys {
    final Config config;
    final String prefix;

    SpecKeys(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    SpecKeys sub(String key) {
        try {
            return new SpecKeys(config.getConfig(key), path(key));
        } catch (ConfigException e) {
            throw error(key, reason(e));
        }
    }

    String path(String key) {
        return key.isEmpty() ? prefix : prefix + "." + key;
    }

    CampaignSpecException error(String key, String message) {
        return new CampaignSpecException(path(key), message);
    }

    boolean has(String key) {
        return config.hasPath(key);
    }

    private String reason(ConfigException e) {
        if (e instanceof ConfigException.Missing) {
            return "is missing";
        }
        if (e instanceof ConfigException.WrongType) {
            return "has the wrong type: " + e.getMessage().replaceFirst(".*: ", "");
        }
        return e.getMessage();
    }

    String string(String key) {
        try {
            return config.getString(key).trim();
        } catch (ConfigException e) {
            throw error(key, reason(e));
        }
    }

    boolean bool(String key) {
        try {
            return config.getBoolean(key);
        } catch (ConfigException e) {
            throw error(key, reason(e) + " (use true or false)");
        }
    }

    double number(String key) {
        try {
            double v = config.getDouble(key);
            if (!Double.isFinite(v)) {
                throw error(key, "must be finite, got " + v);
            }
            return v;
        } catch (ConfigException e) {
            throw error(key, reason(e) + " (a number is expected)");
        }
    }

    double positive(String key) {
        double v = number(key);
        if (!(v > 0)) {
            throw error(key, "must be > 0, got " + v);
        }
        return v;
    }

    double nonNegative(String key) {
        double v = number(key);
        if (!(v >= 0)) {
            throw error(key, "must be >= 0, got " + v);
        }
        return v;
    }

    long integer(String key) {
        try {
            return config.getLong(key);
        } catch (ConfigException e) {
            throw error(key, reason(e) + " (an integer is expected)");
        }
    }

    long positiveLong(String key) {
        long v = integer(key);
        if (v < 1) {
            throw error(key, "must be >= 1, got " + v);
        }
        return v;
    }

    int positiveInt(String key) {
        long v = positiveLong(key);
        if (v > Integer.MAX_VALUE) {
            throw error(key, "is too large: " + v);
        }
        return (int) v;
    }

    List<String> strings(String key) {
        try {
            return config.getStringList(key);
        } catch (ConfigException e) {
            throw error(key, reason(e) + " (a list of strings is expected)");
        }
    }

    List<Double> doubles(String key) {
        try {
            return config.getDoubleList(key);
        } catch (ConfigException e) {
            throw error(key, reason(e) + " (a list of numbers is expected)");
        }
    }

    List<Integer> ints(String key) {
        try {
            return config.getIntList(key);
        } catch (ConfigException e) {
            throw error(key, reason(e) + " (a list of integers is expected)");
        }
    }

    List<? extends Config> objects(String key) {
        try {
            return config.getConfigList(key);
        } catch (ConfigException e) {
            throw error(key, reason(e) + " (a list of objects is expected)");
        }
    }

    @Override
    public String toString() {
        return prefix.toLowerCase(Locale.ROOT);
    }
}
