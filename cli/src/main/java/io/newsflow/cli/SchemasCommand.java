package io.newsflow.cli;

import io.newsflow.enrich.service.EnrichService;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.SchemaRegistration;
import io.newsflow.schemas.serde.confluent.ConfluentRegistryClient;
import io.newsflow.schemas.serde.confluent.RegistryClientConfig;
import io.newsflow.schemas.topics.TopicNames;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Registers Newsflow's schemas in a registry, or prints them for producers in other languages. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "Register Newsflow's schemas under their subjects, or print one.",
        subcommands = {SchemasCommand.Register.class, SchemasCommand.Show.class})
final class SchemasCommand {

    /** {@code schemas register}. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register every schema Newsflow writes or reads under <topic>-value (idempotent) and set"
                    + " the subjects' compatibility.")
    static final class Register implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--compatibility", description = "Compatibility level of the subjects (default: ${DEFAULT-VALUE}).")
        String compatibility = SchemaRegistration.DEFAULT_COMPATIBILITY;

        @Override
        public Integer call() {
            return register(connection.load(EnrichService.DEFAULTS), compatibility.toUpperCase(Locale.ROOT),
                    "newsflow schemas: ");
        }
    }

    /**
     * Registers every subject and prints one line each; with an unreachable registry prints
     * {@code prefix} and the problem instead. Exit status: 0 or 1.
     */
    static int register(ServiceConfig config, String compatibility, String problemPrefix) {
        var problem = Preflight.registry(config);
        if (problem.isPresent()) {
            System.err.println(problemPrefix + problem.get());
            return 1;
        }
        String url = SchemaRegistration.confluentUrl(config.get("registry.url"));
        var client = new ConfluentRegistryClient(RegistryClientConfig.from(url, config.asMap()));
        for (var r : SchemaRegistration.register(client, TopicNames.fromConfig(config.asMap()), compatibility)) {
            System.out.printf("registered\t%s\t%s\tid=%d\tcompatibility=%s%n", r.subject(), r.record(), r.id(),
                    r.compatibility());
        }
        return 0;
    }

    /** {@code schemas show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a schema (RawArticle, EnrichedArticle, DeadLetter, FetchOutcome), self-contained:"
                    + " every named type inlined, ready for avro.schema.parse or a registry.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", description = "RawArticle, EnrichedArticle, DeadLetter or FetchOutcome.")
        String name;

        @Override
        public Integer call() {
            Schema schema = SchemaRegistration.schemas().get(name);
            if (schema == null) {
                System.err.println("newsflow schemas show: no schema " + name + "; one of "
                        + SchemaRegistration.schemas().keySet());
                return 2;
            }
            System.out.println(schema.toString(true));
            return 0;
        }
    }
}
