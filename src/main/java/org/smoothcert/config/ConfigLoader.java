package org.smoothcert.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.smoothcert.UserError;

/**
 * Reads a run's configuration: the built-in defaults ({@code conf/default.conf}, which documents every
 * key), then an optional HOCON file (any Hadoop path), then {@code --set key=value} overrides, later
 * ones winning. A key the defaults do not have is rejected, so a typo never silently falls back to a
 * default.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** A value as a HOCON string literal, e.g. for a {@code --set job.out=...} built from a path. */
  public static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public static Config defaults() {
    return ConfigFactory.parseResources(ConfigLoader.class, "default.conf",
        ConfigParseOptions.defaults().setAllowMissing(false));
  }

  public static Config load(String file, List<String> overrides, Configuration hadoop) {
    Config merged = ConfigFactory.empty();
    for (String override : overrides) {
      merged = parseOverride(override).withFallback(merged);
    }
    if (file != null) {
      merged = merged.withFallback(parseFile(file, hadoop));
    }
    Config defaults = defaults();
    try {
      merged = merged.withFallback(defaults).resolve();
    } catch (ConfigException e) {
      throw new UserError("config: " + e.getMessage());
    }
    RetiredLearnerKeys.rejectIn(merged);
    rejectUnknownKeys(merged, defaults);
    return merged;
  }

  /**
   * Parses the text of a config (e.g. a run directory's stored one) over the defaults. Its learner may be
   * spelled the old way ({@link RetiredLearnerKeys}), as it was when the run was made.
   */
  public static Config parseStored(String text, String origin) {
    try {
      Config stored = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(origin));
      Config merged = stored.withFallback(defaults()).resolve();
      rejectUnknownKeys(merged.withoutPath(RetiredLearnerKeys.OPTIMIZER), defaults());
      return merged;
    } catch (ConfigException e) {
      throw new UserError(origin + ": " + e.getMessage());
    }
  }

  private static Config parseOverride(String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new UserError("--set needs key=value, got '" + override + "'");
    }
    try {
      return ConfigFactory.parseString(override,
          ConfigParseOptions.defaults().setOriginDescription("--set " + override));
    } catch (ConfigException e) {
      throw new UserError("--set " + override + ": " + e.getMessage());
    }
  }

  /**
   * The HOCON file at a Hadoop path, as written (no defaults, no key check), parsed as its own origin: an
   * {@code include} names a file beside it (or an absolute path), read the same way, and each value keeps
   * the file it came from, so an unknown key of an included file is named with that file. An included file
   * that does not exist is refused too, {@code required} or not: a mistyped include never falls back to the
   * defaults.
   */
  public static Config parseFile(String file, Configuration hadoop) {
    return parseFile(new Path(file), file, hadoop);
  }

  private static Config parseFile(Path path, String described, Configuration hadoop) {
    String text;
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        throw new UserError("config file " + described + " does not exist");
      }
      try (InputStream in = fs.open(path)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError("cannot read config file " + described + ": " + e.getMessage());
    }
    try {
      return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(described)
          .setIncluder(new Beside(path, described, hadoop)));
    } catch (ConfigException e) {
      throw new UserError("config file " + e.getMessage());
    }
  }

  /** Resolves the includes of a config file beside it, on its own file system. */
  private record Beside(Path file, String described, Configuration hadoop)
      implements ConfigIncluder, ConfigIncluderFile {
    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
      return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
      Path named = new Path(what);
      boolean absolute = named.isAbsolute() || named.toUri().getScheme() != null;
      Path path = absolute ? named : new Path(file.getParent(), what);
      String name = absolute || !described.contains("/") ? what
          : described.substring(0, described.lastIndexOf('/') + 1) + what;
      try {
        if (!path.getFileSystem(hadoop).exists(path)) {
          throw new UserError("config file " + name + " (included by " + described + ") does not exist");
        }
      } catch (IOException e) {
        throw new UserError("cannot read config file " + name + " (included by " + described + "): " + e.getMessage());
      }
      return parseFile(path, name, hadoop).root();
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
      return include(context, what.getPath());
    }
  }

  private static void rejectUnknownKeys(Config config, Config defaults) {
    for (Map.Entry<String, ConfigValue> e : config.entrySet()) {
      String key = e.getKey();
      String leaf = leafAbove(key, defaults);
      if (leaf != null) {
        ConfigValue object = config.getValue(leaf);
        throw new UserError(leaf + " takes one value, not an object: got "
            + object.render(ConfigRenderOptions.concise()) + " (" + Keys.origin(object) + ")");
      }
      if (!defaults.hasPath(key)) {
        throw new UserError("unknown config key '" + key + "' (" + Keys.origin(e.getValue())
            + "); " + knownNear(key, defaults));
      }
    }
  }

  /** The key of a single value in the defaults that {@code key} lies under (given an object there), or null. */
  private static String leafAbove(String key, Config defaults) {
    List<String> parts = ConfigUtil.splitPath(key);
    for (int i = 1; i < parts.size(); i++) {
      String above = ConfigUtil.joinPath(parts.subList(0, i));
      if (defaults.hasPath(above) && defaults.getValue(above).valueType() != ConfigValueType.OBJECT) {
        return above;
      }
    }
    return null;
  }

  private static String knownNear(String key, Config defaults) {
    int dot = key.lastIndexOf('.');
    String section = dot < 0 ? "" : key.substring(0, dot);
    if (section.isEmpty() || !defaults.hasPath(section)) {
      TreeSet<String> top = defaults.root().keySet().stream()
          .map(k -> defaults.getValue(k).valueType() == com.typesafe.config.ConfigValueType.OBJECT ? k + ".*" : k)
          .collect(Collectors.toCollection(TreeSet::new));
      return "known: " + String.join(", ", top);
    }
    TreeSet<String> known = defaults.getConfig(section).root().keySet().stream()
        .collect(Collectors.toCollection(TreeSet::new));
    return "known keys in " + section + ": " + String.join(", ", known);
  }
}
