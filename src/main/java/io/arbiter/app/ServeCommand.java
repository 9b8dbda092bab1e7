package io.arbiter.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code arbiter serve}: runs a node until SIGTERM or SIGINT ({@link StopSignal}), then stops it
 * cleanly and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs an Arbiter node. With no options: one embedded member, no network join, "
                + "HTTP on 127.0.0.1:8080, state under ./data.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration of the node")
    Path config;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "address to bind (default 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080; 0 picks a free one)")
    Integer port;

    @Option(names = "--router-port", paramLabel = "N", description = "built-in router's port (default 8081; 0 picks a free one)")
    Integer routerPort;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Hazelcast member configuration "
            + "(default cluster-config/local.yaml)")
    Path cluster;

    @Option(names = "--zone", paramLabel = "Z", description = "the zone this member runs in")
    String zone;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule folder (default rules/)")
    Path rules;

    @Option(names = "--policy", paramLabel = "FILE", description = "policy file (default policies/default.yaml)")
    Path policy;

    @Option(names = "--data", paramLabel = "DIR", description = "state folder (default ./data)")
    Path data;

    @Option(names = "--store-url", paramLabel = "URL", description = "the durable store's JDBC URL (store.jdbcUrl); "
            + "required on a cluster, where every member shares one database (bin/arbiter store prints one)")
    String storeUrl;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig cfg = ServerConfigLoader.load(new ServerConfigLoader.Overrides(config, host, port, cluster, zone,
                rules, policy, data, routerPort, storeUrl));
        ArbiterNode node = ArbiterNode.start(cfg, Clock.systemUTC());
        StopSignal.await();
        node.close();
        return 0;
    }
}
