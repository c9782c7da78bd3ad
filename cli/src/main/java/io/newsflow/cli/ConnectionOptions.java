package io.newsflow.cli;

import io.newsflow.schemas.config.ServiceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that talks to a cluster shares: where the broker and registry are. */
final class ConnectionOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, description = "Kafka bootstrap servers (default: from config, localhost:9092).")
    String bootstrapServers;

    @Option(names = {"-r", "--registry"}, description = "Apicurio registry core API URL, e.g. http://localhost:8080/apis/registry/v3.")
    String registryUrl;

    @Option(names = {"-c", "--config"}, description = "A properties file overriding the defaults.")
    Path configFile;

    @Option(names = {"-D", "--set"}, description = "Set one configuration key (repeatable), e.g. -D kafka.num.stream.threads=2.")
    Map<String, String> overrides = new HashMap<>();

    /** Defaults resource, then --config, then NEWSFLOW_* environment, then -D and the flags. */
    ServiceConfig load(String defaultsResource) {
        Map<String, String> explicit = new HashMap<>(overrides);
        if (bootstrapServers != null) {
            explicit.put("kafka.bootstrap.servers", bootstrapServers);
        }
        if (registryUrl != null) {
            explicit.put("registry.url", registryUrl);
        }
        return ServiceConfig.load(defaultsResource, configFile, System.getenv(), explicit);
    }
}
