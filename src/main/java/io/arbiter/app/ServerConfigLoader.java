package io.arbiter.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arbiter.grid.GridOptions;
import io.arbiter.http.HttpOptions;
import io.arbiter.ledger.StoreOptions;
import io.arbiter.http.proxy.RouterOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@code serve}'s configuration: built-in defaults, then the YAML file given with
 * {@code --config}, then the command-line options. Unknown keys and bad values are refused with
 * the file, the key and the reason. With no {@code store.jdbcUrl} (or {@code --store-url}) the
 * store is an embedded PostgreSQL under {@code dataDir/postgres}, which a member whose cluster
 * configuration joins other members is refused ({@link SharedStore}); the password of a configured
 * one comes only from the environment variable {@code store.passwordEnv} names, never from the file.
 *
 * <pre>
 * http:   { host: 127.0.0.1, port: 8080, maxBodyBytes: 4194304, maxFrameBytes: 1048576 }
 * router: { host: 127.0.0.1, port: 8081, maxBodyBytes: 16777216, holdTimeout: PT30S }
 * ingest: { dedupeWindow: PT1H }
 * cluster: { config: cluster-config/local.yaml, zone: null }
 * store:  { jdbcUrl: null, user: null, passwordEnv: ARBITER_STORE_PASSWORD, poolSize: 8 }
 * dataDir: ./data
 * rules: rules
 * policy: policies/default.yaml
 * </pre>
 */
final class ServerConfigLoader {

    private static final Map<String, Set<String>> KEYS = Map.of(
            "http", Set.of("host", "port", "maxBodyBytes", "maxFrameBytes"),
            "router", Set.of("host", "port", "maxBodyBytes", "holdTimeout"),
            "ingest", Set.of("dedupeWindow"),
            "cluster", Set.of("config", "zone"),
            "store", Set.of("jdbcUrl", "user", "passwordEnv", "poolSize"),
            "dataDir", Set.of(), "rules", Set.of(), "policy", Set.of());

    /** What the command line said; null where it said nothing. */
    record Overrides(Path configFile, String host, Integer port, Path clusterConfig, String zone, Path rulesDir,
                     Path policyFile, Path dataDir, Integer routerPort, String storeUrl) {

        /** What the command line said, with no store URL. */
        Overrides(Path configFile, String host, Integer port, Path clusterConfig, String zone, Path rulesDir,
                  Path policyFile, Path dataDir, Integer routerPort) {
            this(configFile, host, port, clusterConfig, zone, rulesDir, policyFile, dataDir, routerPort, null);
        }
    }

    private ServerConfigLoader() {
    }

    static ServerConfig load(Overrides cli) {
        JsonNode file = cli.configFile() == null ? null : read(cli.configFile());
        String source = cli.configFile() == null ? "the command line" : cli.configFile().toString();
        Values v = new Values(file, source);
        String host = first(cli.host(), v.text("http", "host"), "127.0.0.1");
        int port = first(cli.port(), v.integer("http", "port"), 8080);
        long maxBody = first(v.wholeNumber("http", "maxBodyBytes"), ServerConfig.DEFAULT_MAX_BODY);
        int maxFrame = first(v.integer("http", "maxFrameBytes"), ServerConfig.DEFAULT_MAX_FRAME);
        Duration dedupe = first(v.duration("ingest", "dedupeWindow"), ServerConfig.DEFAULT_DEDUPE_WINDOW);
        Path cluster = first(cli.clusterConfig(), v.path("cluster", "config"), null);
        if (cluster == null) {
            Path local = ProjectPaths.defaultPath("cluster-config/local.yaml");
            cluster = Files.exists(local) ? local : null;
        }
        String zone = first(cli.zone(), v.text("cluster", "zone"), null);
        Path dataDir = first(cli.dataDir(), v.path("dataDir", null), Path.of("data"));
        Path rules = first(cli.rulesDir(), v.path("rules", null), ProjectPaths.defaultPath("rules"));
        Path policy = first(cli.policyFile(), v.path("policy", null), ProjectPaths.defaultPath("policies/default.yaml"));
        RouterOptions router = routerOptions(v, host, cli.routerPort());
        HttpOptions http;
        try {
            http = new HttpOptions(host, port, maxBody, maxFrame);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": http." + e.getMessage());
        }
        ServerConfig config;
        try {
            config = new ServerConfig(http,
                    new GridOptions(cluster, zone, dedupe), dataDir.toAbsolutePath(), rules, policy,
                    store(v, cli.storeUrl()), router);
            SharedStore.require(config, source);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        return config;
    }

    /** The store section (its URL replaced by {@code cliUrl} when given); the password from the environment variable it names. */
    private static StoreOptions store(Values v, String cliUrl) {
        String url = first(cliUrl, v.text("store", "jdbcUrl"));
        String user = v.text("store", "user");
        String variable = first(v.text("store", "passwordEnv"), StoreOptions.DEFAULT_PASSWORD_VARIABLE);
        int poolSize = first(v.integer("store", "poolSize"), StoreOptions.DEFAULT_POOL_SIZE);
        if (url == null && user != null) {
            throw new ConfigException(v.source() + ": store.user: only with store.jdbcUrl (the embedded store has its own)");
        }
        return new StoreOptions(url, user, url == null ? null : System.getenv(variable), poolSize);
    }

    /** The router's section; its host defaults to the HTTP server's. */
    private static RouterOptions routerOptions(Values v, String httpHost, Integer cliPort) {
        String host = first(v.text("router", "host"), httpHost);
        int port = first(cliPort, v.integer("router", "port"), RouterOptions.DEFAULT_PORT);
        long maxBody = first(v.wholeNumber("router", "maxBodyBytes"), RouterOptions.DEFAULT_MAX_BODY);
        Duration hold = first(v.duration("router", "holdTimeout"), RouterOptions.DEFAULT_HOLD_TIMEOUT);
        try {
            return new RouterOptions(host, port, maxBody, hold);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(v.source() + ": " + e.getMessage());
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                return null;
            }
            if (!root.isObject()) {
                throw new ConfigException(file + ": the configuration must be a mapping of keys");
            }
            checkKeys(file, root);
            return root;
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static void checkKeys(Path file, JsonNode root) {
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Set<String> inner = KEYS.get(name);
            if (inner == null) {
                throw new ConfigException(file + ": " + name + ": unknown key; known keys are " + KEYS.keySet());
            }
            JsonNode section = root.get(name);
            if (!inner.isEmpty() && section.isObject()) {
                section.fieldNames().forEachRemaining(key -> {
                    if (!inner.contains(key)) {
                        throw new ConfigException(file + ": " + name + "." + key + ": unknown key; known keys are "
                                + inner);
                    }
                });
            } else if (!inner.isEmpty() && !section.isNull()) {
                throw new ConfigException(file + ": " + name + ": must be a mapping with keys " + inner);
            }
        }
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T t : candidates) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Typed reads from the file's tree, with errors that name the file and the key. */
    private record Values(JsonNode root, String source) {

        private JsonNode node(String section, String key) {
            if (root == null) {
                return null;
            }
            JsonNode n = key == null ? root.get(section) : root.path(section).get(key);
            return n == null || n.isNull() ? null : n;
        }

        private String name(String section, String key) {
            return key == null ? section : section + "." + key;
        }

        String text(String section, String key) {
            JsonNode n = node(section, key);
            if (n != null && !n.isTextual()) {
                throw new ConfigException(source + ": " + name(section, key) + ": must be a string");
            }
            return n == null ? null : n.textValue();
        }

        Integer integer(String section, String key) {
            Long n = wholeNumber(section, key);
            if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
                throw new ConfigException(source + ": " + name(section, key) + ": must be a whole number");
            }
            return n == null ? null : n.intValue();
        }

        Long wholeNumber(String section, String key) {
            JsonNode n = node(section, key);
            if (n != null && !(n.isIntegralNumber() && n.canConvertToLong())) {
                throw new ConfigException(source + ": " + name(section, key) + ": must be a whole number");
            }
            return n == null ? null : n.longValue();
        }

        Duration duration(String section, String key) {
            String text = text(section, key);
            try {
                return text == null ? null : Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new ConfigException(source + ": " + name(section, key)
                        + ": must be an ISO-8601 duration such as PT1H");
            }
        }

        Path path(String section, String key) {
            String text = text(section, key);
            return text == null ? null : Path.of(text);
        }
    }
}
