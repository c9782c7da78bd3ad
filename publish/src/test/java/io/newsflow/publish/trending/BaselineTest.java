package io.newsflow.publish.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BaselineTest {

    private final TrendingWindows windows = TrendingWindows.DEFAULTS;
    private final long advance = windows.advance().toMillis();

    @Test
    void aSteadyEntityScoresNearZeroAndASpikeScoresHigh() {
        Baseline steady = new Baseline(0, 0);
        for (int i = 1; i <= 2_000; i++) {
            steady = steady.fold(i * advance, 10, windows);
        }
        double usual = steady.before(2_001 * advance, windows);
        assertThat(usual).isCloseTo(10, within(0.01));
        assertThat(Baseline.score(10, usual)).isCloseTo(0, within(0.01));
        assertThat(Baseline.score(20, usual)).as("twice its usual weight").isGreaterThan(3);
        assertThat(Baseline.score(3, 0)).isGreaterThan(Baseline.score(12, usual));
    }

    @Test
    void windowsWithoutTheEntityCountAsZerosSoTheBaselineDecays() {
        Baseline b = new Baseline(8, 0);
        assertThat(b.before(advance, windows)).isEqualTo(8);
        double aDayLater = b.before(288 * advance + advance, windows);
        assertThat(aDayLater).isCloseTo(8 * Math.exp(-1), within(0.01));
    }

    @Test
    void theLastFullWindowBeforeAMomentCoversTheHourUpToIt() {
        long at = 10 * 3_600_000L + 7 * 60_000L;  // 10:07
        assertThat(windows.lastFullWindowStart(at)).isEqualTo(9 * 3_600_000L + 10 * 60_000L); // 09:10-10:10
    }
}
