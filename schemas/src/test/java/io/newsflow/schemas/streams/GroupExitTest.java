package io.newsflow.schemas.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.junit.jupiter.api.Test;

class GroupExitTest {

    @Test
    void aDynamicMemberLeavesItsGroup() {
        assertThat(GroupExit.membership(Map.of())).isEqualTo(GroupMembershipOperation.LEAVE_GROUP);
        assertThat(GroupExit.membership(Map.of("application.id", "newsflow-enrich", "group.instance.id", " ")))
                .as("a blank instance id is no instance id").isEqualTo(GroupMembershipOperation.LEAVE_GROUP);
    }

    @Test
    void aStaticMemberStaysWhereverItsInstanceIdIsSet() {
        for (String key : new String[] {"group.instance.id", "consumer.group.instance.id", "main.consumer.group.instance.id"}) {
            assertThat(GroupExit.membership(Map.of(key, "enrich-1"))).as(key).isEqualTo(GroupMembershipOperation.REMAIN_IN_GROUP);
        }
    }
}
