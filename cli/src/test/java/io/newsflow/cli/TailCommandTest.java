package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TailCommandTest {

    @Test
    void humanFormatIsOneLineWithLanguageSiteTitleEntitiesAndTopic() throws Exception {
        var article = new ObjectMapper().readTree("""
                {"id":"a1","url":"https://x.test/a","site":"Lakeside Courier","title":"Tram line opens",
                 "language":"en","published":"2026-03-01T10:00+01:00",
                 "entities":[{"name":"Elena Brandt"},{"name":"Lakeside"},{"name":"Transport Authority"},{"name":"X"}],
                 "topics":[{"label":"transport"}]}
                """);
        String line = TailCommand.human(article);
        assertThat(line).doesNotContain("\n")
                .contains(" en ").contains("Lakeside Courier").contains("Tram line opens")
                .contains("[Elena Brandt, Lakeside, Transport Authority]").doesNotContain(", X")
                .endsWith("{transport}");
    }

    @Test
    void unknownOptionsAndBadFiltersAreRefusedBeforeConnecting() {
        var cli = Newsflow.commandLine();
        var err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));
        assertThat(cli.execute("tail", "--from-now", "--from-beginning")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
        err.getBuffer().setLength(0);
        assertThat(cli.execute("tail", "--filter", "lnag=en")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown filter 'lnag'");
    }
}
