package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.deadletter.DeadLetterQueue;
import io.newsflow.schemas.deadletter.DeadLetterQueue.Filter;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists, shows and replays dead letters ({@code news.dlq.v1}). */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect dead letters and replay them to their source topic after a fix.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.ReplayLetters.class})
final class DlqCommand {

    /** Options that choose dead letters. */
    static final class Selection {
        @Option(names = "--stage", description = "Only this stage (e.g. enrich.deserialize), or a prefix ending in '.' (enrich.).")
        String stage;

        @Option(names = "--since", description = "Only dead letters since this time: ISO-8601 (2026-12-01T10:00:00Z) or an age (30m, 6h, 2d).")
        String since;

        @Option(names = "--id", description = "Only dead letters of this article id.")
        String articleId;

        Filter filter() {
            return new Filter(stage, since == null ? null : parseSince(since, Instant.now()), articleId);
        }
    }

    /** An ISO-8601 instant, or an age such as {@code 30m}, {@code 6h}, {@code 2d} before {@code now}. */
    static Instant parseSince(String text, Instant now) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+[smhd]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration age = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(age);
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes an ISO-8601 time or an age like 30m, 6h, 2d: " + text);
        }
    }

    static DeadLetterQueue open(ConnectionOptions connection) {
        ServiceConfig config = connection.load(EnrichService.DEFAULTS);
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()),
                RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
        return new DeadLetterQueue(config.kafka(), topics);
    }

    /** {@code dlq list}: one line per dead letter. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per dead letter: partition:offset, time, stage, attempt, article id, reason.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Mixin
        Selection selection;

        @Override
        public Integer call() {
            try (DeadLetterQueue dlq = open(connection)) {
                List<DeadLetterQueue.Entry> entries = dlq.list(selection.filter());
                for (DeadLetterQueue.Entry e : entries) {
                    DeadLetter l = e.letter();
                    System.out.printf("%s\t%s\t%s\tattempt=%d\tid=%s\t%s%n", e.ref(), l.getFailedAt(), l.getStage(),
                            l.getAttempt(), l.getArticleId(), oneLine(l.getReason(), 200));
                }
                System.err.printf("newsflow dlq: %d dead letters%n", entries.size());
                return 0;
            }
        }
    }

    /** {@code dlq show}: one dead letter in full, as JSON. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "One dead letter in full, as JSON.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", description = "The dead letter, as PARTITION:OFFSET (see dlq list).")
        String ref;

        @Override
        public Integer call() throws Exception {
            String[] parts = ref.split(":", 2);
            if (parts.length != 2) {
                System.err.println("newsflow dlq show: give the dead letter as PARTITION:OFFSET, e.g. 0:42");
                return 2;
            }
            try (DeadLetterQueue dlq = open(connection)) {
                var entry = dlq.get(Integer.parseInt(parts[0].trim()), Long.parseLong(parts[1].trim()));
                if (entry.isEmpty()) {
                    System.err.println("newsflow dlq show: no dead letter at " + ref);
                    return 1;
                }
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(toJson(entry.get())));
                return 0;
            }
        }
    }

    static ObjectNode toJson(DeadLetterQueue.Entry e) {
        DeadLetter l = e.letter();
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("ref", e.ref());
        n.put("stage", l.getStage());
        n.put("reason", l.getReason());
        n.put("exception", l.getException());
        n.put("message", l.getMessage());
        n.put("source", l.getSourceTopic() + "/" + l.getSourcePartition() + "/" + l.getSourceOffset());
        n.put("articleId", l.getArticleId());
        n.put("url", l.getUrl());
        n.put("attempt", l.getAttempt());
        n.put("failedAt", l.getFailedAt().toString());
        n.put("key", l.getKey() == null ? null : text(l.getKey()));
        n.put("valueSize", l.getValueSize());
        n.put("valueSha256", l.getValueSha256());
        n.put("valueTruncated", l.getValueTruncated());
        n.put("valuePreview", l.getValue() == null ? null : oneLine(text(l.getValue()), 300));
        ObjectNode headers = n.putObject("headers");
        for (Header h : e.headers()) {
            headers.put(h.key(), h.value() == null ? null : oneLine(new String(h.value(), StandardCharsets.UTF_8), 300));
        }
        n.put("stackTrace", l.getStackTrace());
        return n;
    }

    /** {@code dlq replay}: replays chosen dead letters once each. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay chosen dead letters to their source topic (each at most once; see --dry-run).")
    static final class ReplayLetters implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Mixin
        Selection selection;

        @Option(names = "--dry-run", description = "Say what would be replayed; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            try (DeadLetterQueue dlq = open(connection)) {
                var outcomes = dlq.replay(selection.filter(), dryRun);
                long replayed = 0;
                for (var o : outcomes) {
                    System.out.printf("%s\t%s\t%s\t%s%n", o.status().name().toLowerCase(Locale.ROOT), o.entry().ref(),
                            o.entry().letter().getStage(), o.detail());
                    replayed += o.status() == DeadLetterQueue.Replay.Status.REPLAYED ? 1 : 0;
                }
                System.err.printf("newsflow dlq replay: %d of %d chosen dead letters %s%n",
                        dryRun ? outcomes.stream().filter(o -> o.status() == DeadLetterQueue.Replay.Status.WOULD_REPLAY)
                                .count() : replayed, outcomes.size(), dryRun ? "would be replayed" : "replayed");
                return 0;
            }
        }
    }

    private static String text(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String oneLine(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(max).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return s.codePointCount(0, s.length()) > max ? out + "…" : out.toString();
    }
}
