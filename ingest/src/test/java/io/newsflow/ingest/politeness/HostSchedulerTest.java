package io.newsflow.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class HostSchedulerTest {

    @Test
    void forgetsIdleHostsBeyondTheBound() throws InterruptedException {
        HostScheduler scheduler = new HostScheduler(1, 16, 4);
        for (int i = 0; i < 50; i++) {
            scheduler.acquire("host" + i, Duration.ZERO).close();
            assertThat(scheduler.hostCount()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void neverForgetsAHostThatIsBusyOrWithinItsDelay() throws InterruptedException {
        HostScheduler scheduler = new HostScheduler(1, 16, 2);
        HostScheduler.Permit busy = scheduler.acquire("busy", Duration.ZERO);
        scheduler.acquire("delayed", Duration.ofHours(1)).close();
        for (int i = 0; i < 20; i++) {
            scheduler.acquire("other" + i, Duration.ZERO).close();
        }
        assertThat(scheduler.tracks("busy")).isTrue();
        assertThat(scheduler.tracks("delayed")).isTrue();
        assertThat(scheduler.tracks("other0")).isFalse();
        busy.close();
    }

    /** Hosts are forgotten and re-created all the time here, yet no host ever has two requests at once. */
    @Test
    void keepsOneRequestPerHostWhileForgettingHosts() throws Exception {
        HostScheduler scheduler = new HostScheduler(1, 64, 1);
        int hosts = 8;
        AtomicIntegerArray active = new AtomicIntegerArray(hosts);
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                tasks.add(threads.submit(() -> {
                    for (int n = 0; n < 1000; n++) {
                        int h = ThreadLocalRandom.current().nextInt(hosts);
                        try (HostScheduler.Permit p = scheduler.acquire("h" + h, Duration.ZERO)) {
                            if (active.incrementAndGet(h) > 1) {
                                overlaps.incrementAndGet();
                            }
                            Thread.yield();
                            active.decrementAndGet(h);
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        }
        assertThat(overlaps.get()).isZero();
        assertThat(done.get()).isEqualTo(64 * 1000);
    }
}
