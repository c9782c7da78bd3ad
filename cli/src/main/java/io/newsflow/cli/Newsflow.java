package io.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command: one entry point for the services, the demo and the tools. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = Newsflow.Version.class,
        description = "Event-driven news ingestion on Apache Kafka.",
        subcommands = {DemoCommand.class, LocalCommand.class, IngestCommand.class, EnrichCommand.class,
            PublishCommand.class, ProduceCommand.class, TailCommand.class, ExtractCommand.class,
            DlqCommand.class, SchemasCommand.class, TopicsCommand.class, RoutesCommand.class, ConfigCommand.class,
            EntitiesCommand.class, BenchCommand.class})
public final class Newsflow {

    /** Generated Avro classes live here; Avro 1.12 refuses to (de)serialise untrusted packages. */
    static final String AVRO_PACKAGES = "io.newsflow.schemas.avro,java.lang,java.util,java.time";

    Newsflow() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", AVRO_PACKAGES);
        }
        // The registry client logs through java.util.logging: send it to the same place as the rest.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /**
     * The command line: expected failures (a bad configuration) print one line and exit 2 instead of
     * a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new Newsflow()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, cmd, parsed) -> {
                    if (error instanceof io.newsflow.schemas.config.ConfigException) {
                        cmd.getErr().println("newsflow " + cmd.getCommandName() + ": " + error.getMessage());
                        return 2;
                    }
                    throw error;
                });
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newsflow.class.getPackage().getImplementationVersion();
            return new String[] {"newsflow " + (v == null ? "dev" : v)};
        }
    }
}
