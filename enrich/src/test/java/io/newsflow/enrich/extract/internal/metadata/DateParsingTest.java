package io.newsflow.enrich.extract.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date notations news pages use. */
class DateParsingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2019-11-19T13:03:00Z | 2019-11-19T13:03Z",
        "2019-11-19T13:03:00.250+05:30 | 2019-11-19T13:03:00.250+05:30",
        "2019-11-19T13:03:00-0500 | 2019-11-19T13:03-05:00",
        "2019-11-19 21:57:00 -0800 | 2019-11-19T21:57-08:00",
        "2019-11-19 | 2019-11-19T00:00Z",
        "2019-11-19T13:03 | 2019-11-19T13:03Z",
        "Tue, 19 Nov 2019 13:03:00 GMT | 2019-11-19T13:03Z",
        "1574168580 | 2019-11-19T13:03Z",
        "November 19, 2019 at 5:10 pm | 2019-11-19T17:10Z",
        "Nov. 19, 2019 | 2019-11-19T00:00Z",
        "19 November 2019, 09:01 AM | 2019-11-19T09:01Z",
        "Sept 3, 2021 | 2021-09-03T00:00Z",
        "June 1st, 2020 | 2020-06-01T00:00Z",
    })
    void parsesCommonNotations(String raw, String expected) {
        assertThat(DateParsing.parse(raw)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Mayor 12, 2019", "2019-13-45", "0000-01-01", "Page 3 of 12"})
    void rejectsNonDates(String raw) {
        assertThat(DateParsing.parse(raw)).isNull();
    }
}
