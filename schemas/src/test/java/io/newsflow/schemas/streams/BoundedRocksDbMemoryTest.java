package io.newsflow.schemas.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    /** As Kafka Streams hands a store's options to the setter: a table config with its own cache. */
    private static Options storeOptions() {
        Options options = new Options();
        BlockBasedTableConfigWithAccessibleCache table = new BlockBasedTableConfigWithAccessibleCache();
        table.setBlockCache(new org.rocksdb.LRUCache(50L << 20));
        options.setTableFormatConfig(table);
        return options;
    }

    @Test
    void storesOfOneBudgetShareOneCacheAndOneWriteBufferManager() {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "67108864");
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options first = storeOptions(); Options second = storeOptions()) {
            setter.setConfig("keywords-document-frequencies", first, configs);
            setter.setConfig("dedupe-pending", second, configs);
            var a = (BlockBasedTableConfigWithAccessibleCache) first.tableFormatConfig();
            var b = (BlockBasedTableConfigWithAccessibleCache) second.tableFormatConfig();
            assertThat(a.blockCache()).isSameAs(b.blockCache())
                    .isSameAs(BoundedRocksDbMemory.budget(configs).cache());
            assertThat(first.writeBufferManager()).isSameAs(second.writeBufferManager())
                    .isSameAs(BoundedRocksDbMemory.budget(configs).writeBuffers());
            assertThat(a.cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void anotherBudgetGetsItsOwnCacheAndTheDefaultsApplyWhenUnset() {
        var small = BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "33554432"));
        var defaults = BoundedRocksDbMemory.budget(Map.of());
        assertThat(small.cache()).isNotSameAs(defaults.cache());
        assertThat(BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_BYTES,
                Long.toString(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES))).cache()).isSameAs(defaults.cache());
    }

    @Test
    void refusesABudgetThatIsNoBudget() {
        assertThatThrownBy(() -> BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES);
        assertThatThrownBy(() -> BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.WRITE_BUFFER_SHARE, "1.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lots");
    }
}
