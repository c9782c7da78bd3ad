package io.newsflow.schemas.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all RocksDB stores of the JVM. Left to its defaults, Kafka Streams gives
 * every RocksDB instance its own 50 MB block cache and up to three 16 MB memtables, and a windowed
 * store is one instance per time segment: enrich alone opens some ten instances per task, so
 * off-heap memory grew with partitions, stores and segments, outside any limit a user could set.
 * Here every instance shares one block cache, sized by {@value #MEMORY_BYTES}, that holds the
 * memtables too (charged to it through a write buffer manager) and the index and filter blocks, so
 * the total stays within that budget however many tasks and segments there are.
 *
 * <p>Set through the Streams configuration: {@code rocksdb.config.setter} names this class (the
 * services' defaults do), {@value #MEMORY_BYTES} is the budget (default 512 MiB) and {@value
 * #WRITE_BUFFER_SHARE} the part of it memtables may hold (default 0.5). Applications in one JVM
 * with the same settings share one budget (the demo runs enrich and publish together).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Bytes of off-heap memory all stores share: block cache, memtables, indexes and filters. */
    public static final String MEMORY_BYTES = "newsflow.rocksdb.memory.bytes";
    /** Share of {@link #MEMORY_BYTES} memtables may fill before RocksDB flushes them. */
    public static final String WRITE_BUFFER_SHARE = "newsflow.rocksdb.write-buffer.share";
    static final long DEFAULT_MEMORY_BYTES = 512L << 20;
    static final double DEFAULT_WRITE_BUFFER_SHARE = 0.5;
    /** Share of the cache kept for index and filter blocks, which every read needs first. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    /** A budget: the shared cache and the manager charging memtables to it. */
    record Budget(Cache cache, WriteBufferManager writeBuffers) {
    }

    /** Budgets by their settings; they live as long as the JVM, like the stores that use them. */
    private static final Map<String, Budget> BUDGETS = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Budget budget = budget(configs);
        BlockBasedTableConfigWithAccessibleCache table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
        table.setBlockCache(budget.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        // The top level of partitioned indexes and filters stays in the cache: evicting it would cost
        // a read from disk before every lookup.
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(budget.writeBuffers());
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared with the other stores: not closed here.
    }

    static Budget budget(Map<String, ?> configs) {
        long bytes = parse(configs.get(MEMORY_BYTES), DEFAULT_MEMORY_BYTES, Long::parseLong);
        double share = parse(configs.get(WRITE_BUFFER_SHARE), DEFAULT_WRITE_BUFFER_SHARE, Double::parseDouble);
        if (bytes <= 0 || share <= 0 || share >= 1) {
            throw new IllegalArgumentException(MEMORY_BYTES + " must be positive and " + WRITE_BUFFER_SHARE
                    + " between 0 and 1 (exclusive), not " + bytes + " and " + share);
        }
        return BUDGETS.computeIfAbsent(bytes + "/" + share, k -> {
            Cache cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            return new Budget(cache, new WriteBufferManager((long) (bytes * share), cache));
        });
    }

    private static <T> T parse(Object value, T fallback, Function<String, T> parser) {
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number: " + value, e);
        }
    }
}
