package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fault tests at soak size ({@code -Psoak} sets more records, a larger WARC and a longer
 * registry outage), plus several faults in a row on one stream. Not part of the normal suite:
 * {@code ./mvnw -Psoak -pl cli -am verify -Dit.test=FaultSoakIT}.
 */
class FaultSoakIT extends FaultIT {

    @Test
    void severalFaultsInARowLoseAndDuplicateNothing() {
        try (FaultLane lane = new FaultLane(stack, "faults-in-a-row", 2)) {
            lane.startPublish(Map.of());
            lane.awaitRunning(Duration.ofSeconds(90));
            NumberedStream stream = new NumberedStream(lane, RECORDS);
            List<String> args = lane.serviceArgs("enrich", "enrich-1", Map.of());
            try (OutputCounter out = new OutputCounter(lane)) {
                ChildJvm enrich = ChildJvm.start("enrich-1", args);
                try {
                    // A steady stream over every fault: about RECORDS / 50 seconds long.
                    Thread sender = stream.sendInBackground(lane.clientConfig(), 0, stream.size(), Duration.ofMillis(20));
                    Waits.until("first enriched records", COMPLETE_TIMEOUT, () -> out.enrichedRecords() >= 20);
                    stack.kafka().stop();
                    Waits.sleep(Duration.ofSeconds(10));
                    stack.kafka().restart();
                    Waits.sleep(Duration.ofSeconds(10));
                    stack.registry().stop();
                    Waits.sleep(REGISTRY_DOWN);
                    stack.registry().restart();
                    enrich.kill();
                    enrich.close();
                    enrich = ChildJvm.start("enrich-1-again", args);
                    long lastFaultEnd = System.nanoTime();
                    join(sender);
                    OutputCounter.Tally tally = out.awaitComplete(stream.ids(), COMPLETE_TIMEOUT.multipliedBy(2));
                    report(figures("broker-restart+registry-outage+enrich-kill", out, tally, lastFaultEnd));
                    assertNothingLostNothingDuplicated(tally);
                    assertThat(tally.deadLetters()).as("dead letters among good articles").isZero();
                } finally {
                    enrich.close();
                }
            }
        }
    }
}
