package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow extract}, run in-process through picocli as the launcher runs it. */
class ExtractCommandTest {

    private static final String PAGE = "<html><head><title>Harbour bridge reopens</title></head><body><article>"
            + "<p>The harbour bridge reopened on Monday after two years of repairs, the council said, and the first "
            + "buses crossed it at dawn while residents watched from the quay.</p></article></body></html>";

    /** A page without a URL: its links are resolved against its canonical URL. */
    private static final String MARKDOWN_PAGE = "<html><head><title>Harbour bridge reopens</title>"
            + "<link rel=\"canonical\" href=\"https://news.example/city/bridge\"></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/city\">City</a></nav><article><h1>Harbour bridge reopens</h1>"
            + "<p>The harbour bridge reopened on Monday after two years of repairs, the council said, and the first "
            + "buses crossed it at dawn while residents watched from the quay.</p><h2>Traffic</h2>"
            + "<p>Drivers who had taken the long road round the bay for two years said the reopening saved them "
            + "half an hour each way, and shops on the quay expect busier weekends.</p>"
            + "<ul><li>Buses cross the bridge every ten minutes from six in the morning</li>"
            + "<li>Cyclists get a <a href=\"lanes\">new protected lane</a> on the seaward side</li></ul>"
            + "<p>The council will publish traffic counts for the first month in the spring, it said.</p>"
            + "</article></body></html>";
    private static final String MARKDOWN_BODY = "The harbour bridge reopened on Monday after two years of repairs, "
            + "the council said, and the first buses crossed it at dawn while residents watched from the quay.\n\n"
            + "## Traffic\n\nDrivers who had taken the long road round the bay for two years said the reopening "
            + "saved them half an hour each way, and shops on the quay expect busier weekends.\n\n"
            + "- Buses cross the bridge every ten minutes from six in the morning\n"
            + "- Cyclists get a [new protected lane](https://news.example/city/lanes) on the seaward side\n\n"
            + "The council will publish traffic counts for the first month in the spring, it said.";

    @TempDir
    Path dir;

    private JsonNode extract(Path... inputs) throws IOException {
        Path out = dir.resolve("pred.json");
        String[] args = new String[inputs.length + 2];
        args[0] = "--out";
        args[1] = out.toString();
        for (int i = 0; i < inputs.length; i++) {
            args[i + 2] = inputs[i].toString();
        }
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new CommandLine(new ExtractCommand()).execute(args));
        assertThat(code).isZero();
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void cutsGzipBombAtTheInputCapAndKeepsThePageAfterIt() throws IOException {
        Path bomb = dir.resolve("a-bomb.html.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(bomb)) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write("<html><body><article><p>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 512; i++) {
                gz.write(spaces);
            }
        }
        Files.writeString(dir.resolve("b-good.html"), PAGE, StandardCharsets.UTF_8);
        JsonNode json = extract(dir);
        assertThat(json.get("a-bomb").get("truncated").asBoolean()).isTrue();
        assertThat(json.get("b-good").get("headline").asText()).isEqualTo("Harbour bridge reopens");
    }

    @Test
    void givesFifoAnErrorEntryInsteadOfWaitingOnIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.html");
        assumeTrue(mkfifo(fifo), "mkfifo not available here");
        Files.writeString(dir.resolve("story.html"), PAGE, StandardCharsets.UTF_8);
        JsonNode json = extract(fifo, dir.resolve("story.html"));
        assertThat(json.get("pipe").get("error").asText()).contains("not a regular file");
        assertThat(json.get("story").get("articleBody").asText()).startsWith("The harbour bridge reopened");
    }

    @Test
    void leavesNoHalfWrittenFileWhenItCannotWrite() {
        Path out = dir.resolve("missing-folder").resolve("pred.json");
        int code = new CommandLine(new ExtractCommand()).execute("--out", out.toString(), dir.toString());
        assertThat(code).isNotZero();
        assertThat(out).doesNotExist();
    }

    @Test
    void fetchesAUrlAndWritesOneObjectPerLine() throws IOException {
        HttpServer server = serve(PAGE);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/story";
            Path file = dir.resolve("story.html");
            Files.writeString(file, PAGE, StandardCharsets.UTF_8);
            Run run = run("--jsonl", "--allow-host", "127.0.0.1", url, file.toString());
            assertThat(run.code()).isZero();
            List<String> lines = run.out().lines().toList();
            assertThat(lines).hasSize(2);
            JsonNode fetched = new ObjectMapper().readTree(lines.get(0));
            assertThat(fetched.get("id").asText()).isEqualTo(url);
            assertThat(fetched.get("articleBody").asText()).startsWith("The harbour bridge reopened");
            assertThat(new ObjectMapper().readTree(lines.get(1)).get("id").asText()).isEqualTo("story");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void saysWhyAUrlCannotBeFetchedAndExitsNonZero() throws IOException {
        HttpServer server = serve(PAGE);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone";
        server.stop(0);
        Run run = run("--allow-host", "127.0.0.1", url);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("cannot fetch " + url);
        assertThat(new ObjectMapper().readTree(run.out()).get(url).get("error").asText()).isNotBlank();
    }

    @Test
    void refusesAPrivateAddressUnlessAllowed() {
        Run run = run("http://127.0.0.1:9/page");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("BLOCKED");
    }

    @Test
    void saysAMissingFileArgumentAndExitsNonZero() {
        Run run = run(dir.resolve("no-such-page.html").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no such file or folder");
    }

    @Test
    void readsStandardInputAsPlainText() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(PAGE.getBytes(StandardCharsets.UTF_8)));
            Run run = run("--format", "text", "-");
            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("The harbour bridge reopened").doesNotContain("{");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void writesMarkdownUnderTheTitleWithLinksMadeAbsolute() throws IOException {
        Path file = dir.resolve("story.html");
        Files.writeString(file, MARKDOWN_PAGE, StandardCharsets.UTF_8);
        Run run = run("--format", "markdown", file.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("# Harbour bridge reopens\n\n" + MARKDOWN_BODY + "\n");
    }

    @Test
    void separatesSeveralMarkdownPagesByARuleAndTheirId() throws IOException {
        Files.writeString(dir.resolve("a-story.html"), MARKDOWN_PAGE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b-story.html"), PAGE, StandardCharsets.UTF_8);
        Run run = run("--format", "MARKDOWN", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("<!-- a-story -->\n\n# Harbour bridge reopens\n\n" + MARKDOWN_BODY + "\n")
                .contains("\n\n---\n\n<!-- b-story -->\n\n# Harbour bridge reopens\n\nThe harbour bridge reopened");
    }

    @Test
    void addsAMarkdownFieldToJsonLinesAndKeepsTheText() throws IOException {
        Path file = dir.resolve("story.html");
        Files.writeString(file, MARKDOWN_PAGE, StandardCharsets.UTF_8);
        Run withMarkdown = run("--jsonl", "--format", "markdown", file.toString());
        Run plain = run("--jsonl", file.toString());
        assertThat(withMarkdown.code()).isZero();
        JsonNode line = new ObjectMapper().readTree(withMarkdown.out());
        assertThat(line.get("id").asText()).isEqualTo("story");
        assertThat(line.get("markdown").asText()).isEqualTo("# Harbour bridge reopens\n\n" + MARKDOWN_BODY);
        JsonNode plainLine = new ObjectMapper().readTree(plain.out());
        assertThat(plainLine.has("markdown")).isFalse();
        assertThat(line.get("articleBody")).isEqualTo(plainLine.get("articleBody"));
    }

    @Test
    void refusesAnUnknownFormatNamingMarkdownAmongTheChoices() {
        Run run = run("--format", "html", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format must be json, text or markdown, not html");
        assertThat(run("--jsonl", "--format", "html", dir.toString()).code()).isEqualTo(2);
    }

    /** Exit code, standard output and standard error of one in-process run. */
    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        Path outFile = dir.resolve("out-" + System.nanoTime());
        String[] withOut = new String[args.length + 2];
        withOut[0] = "--out";
        withOut[1] = outFile.toString();
        System.arraycopy(args, 0, withOut, 2, args.length);
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new ExtractCommand());
        cmd.setErr(new PrintWriter(err, true));
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cmd.execute(withOut));
        try {
            String out = Files.exists(outFile) ? Files.readString(outFile, StandardCharsets.UTF_8) : "";
            return new Run(code, out, err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback server answering every path with {@code html}. */
    private static HttpServer serve(String html) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        return server;
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
