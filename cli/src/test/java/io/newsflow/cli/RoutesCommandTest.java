package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void showsWhichRoutesEachSampleArticleWouldTake() throws Exception {
        Path rules = write("routes.yaml", """
                routes:
                  - {name: english, topic: r.en.v1, match: {language: en}}
                  - {name: hoyle, topic: r.hoyle.v1, format: json, match: {entity: Lindsay Hoyle}}
                """);
        Path samples = write("a.jsonl", """
                {"id":"a1","title":"Speaker speaks","language":"en","entities":[{"name":"Lindsay Hoyle","type":"PERSON","salience":0.4}]}
                {"id":"a2","title":"Bonjour","language":"fr"}
                """);
        int status = RoutesCommand.check(rules, samples, print(out), print(err));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(text).contains("2 routes ok").contains("hoyle").contains("-> r.hoyle.v1 (json)");
        assertThat(text).containsPattern("a1 +Speaker speaks +-> english, hoyle");
        assertThat(text).containsPattern("a2 +Bonjour +-> \\(no route\\)");
        assertThat(text).containsPattern("english +1").containsPattern("\\(no route\\) +1");
    }

    @Test
    void anInvalidFileExitsOneWithLineAndRoute() throws Exception {
        Path rules = write("bad.yaml", "routes:\n  - {name: x, topic: x.v1, match: {lnguage: en}}\n");
        int status = RoutesCommand.check(rules, null, print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("newsflow routes check: bad.yaml:2:36: route 'x': unknown condition 'lnguage'");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
