package io.newsflow.cli;

import io.newsflow.enrich.service.EnrichService;
import io.newsflow.publish.service.PublishService;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints a service's effective configuration with where each value came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration of a service (defaults, --config file, NEWSFLOW_* environment,"
                + " -D flags), each value with its origin, secrets masked. Fails on an unknown key.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--service", description = "ingest, enrich or publish (default: ${DEFAULT-VALUE}).")
    String service = "enrich";

    @Override
    public Integer call() {
        String defaults = switch (service.toLowerCase(Locale.ROOT)) {
            case "ingest" -> IngestCommand.DEFAULTS;
            case "enrich" -> EnrichService.DEFAULTS;
            case "publish" -> PublishService.DEFAULTS;
            default -> null;
        };
        if (defaults == null) {
            System.err.println("newsflow config: --service is ingest, enrich or publish, not " + service);
            return 2;
        }
        connection.load(defaults).describe().forEach(System.out::println);
        return 0;
    }
}
