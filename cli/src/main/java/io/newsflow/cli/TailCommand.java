package io.newsflow.cli;

import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the enriched stream (its JSON projection) as JSON lines. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print the enriched stream as JSON lines (news.enriched.json.v1).")
final class TailCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones.")
    boolean fromBeginning;

    @Option(names = {"-n", "--max"}, description = "Stop after this many records (default: run until Ctrl-C).")
    long max = Long.MAX_VALUE;

    @Option(names = "--idle-timeout", description = "Stop after this many seconds without a record (default: never).")
    long idleSeconds = 0;

    @Override
    public Integer call() {
        ServiceConfig config = connection.load(PublishService.DEFAULTS);
        String topic = TopicNames.fromConfig(config.asMap()).enrichedJson();
        if (Preflight.failed("tail", config, List.of(topic), false)) {
            return 1;
        }
        long printed = 0;
        long lastRecord = System.nanoTime();
        try (TopicReader reader = new TopicReader(config.kafka(), List.of(topic), fromBeginning)) {
            while (printed < max) {
                var records = reader.poll(Duration.ofMillis(500));
                for (var r : records) {
                    System.out.println(new String(r.value(), StandardCharsets.UTF_8));
                    lastRecord = System.nanoTime();
                    if (++printed >= max) {
                        break;
                    }
                }
                System.out.flush();
                if (idleSeconds > 0 && System.nanoTime() - lastRecord > idleSeconds * 1_000_000_000L) {
                    break;
                }
            }
        }
        return 0;
    }
}
