package io.newsflow.schemas.streams;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How a service's Streams application closes when it is stopped (Ctrl-C, SIGTERM): it leaves its
 * group, unless it is a static member.
 *
 * <p>Why: under the classic rebalance protocol a closing Streams member stays in its group by
 * default, so its tasks stay assigned to it, and no other instance processes them, until the
 * coordinator gives up on it after {@code session.timeout.ms} (45 s). A dynamic member never comes
 * back under the same member id, so staying only delays the hand-over: when one of several
 * instances is stopped, or restarted, its partitions would wait that long. A static member
 * ({@code group.instance.id} set) does come back under its id, and staying lets a quick restart
 * take its tasks back without any rebalance: that is what static membership is for. These are
 * the defaults of Kafka's newer {@code streams} group protocol for dynamic and static members.
 */
public final class GroupExit {

    /** How long a close waits for the stream threads to finish and commit. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final String INSTANCE_ID = "group.instance.id";

    private GroupExit() {
    }

    /** Leave the group, unless the Kafka settings make the application's consumers static members. */
    public static GroupMembershipOperation membership(Map<String, ?> kafka) {
        for (String key : new String[] {INSTANCE_ID, StreamsConfig.consumerPrefix(INSTANCE_ID),
                StreamsConfig.mainConsumerPrefix(INSTANCE_ID)}) {
            Object value = kafka.get(key);
            if (value != null && !value.toString().isBlank()) {
                return GroupMembershipOperation.REMAIN_IN_GROUP;
            }
        }
        return GroupMembershipOperation.LEAVE_GROUP;
    }

    /**
     * Closes {@code app}, leaving its group or not as {@link #membership} says; true when all its
     * threads stopped within {@link #CLOSE_TIMEOUT}.
     */
    public static boolean close(KafkaStreams app, Map<String, ?> kafka) {
        return app.close(CloseOptions.groupMembershipOperation(membership(kafka)).withTimeout(CLOSE_TIMEOUT));
    }
}
