package io.newsflow.enrich.extract.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The attributes kept before parsing ({@link UnreadMarkup#READ_ATTRIBUTES}) cover every attribute a rule of
 * the extractor reads: one left out would silently read as absent on every page. The rules' sources are
 * read for the ways they name an attribute: jsoup's accessors, selector queries, and the one switch over
 * an element's attributes ({@code ElementNames}).
 */
class ReadAttributesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/newsflow/enrich/extract");
    /** {@code attr("x")}, {@code hasAttr("x")}, {@code absUrl("x")}, {@code attribute("x")}. */
    private static final Pattern ACCESSOR = Pattern.compile("\\b(?:attr|hasAttr|absUrl|attribute)\\(\"([^\"]+)\"");
    /** A string holding a selector, whose attribute tests are {@code [name]}, {@code [name=...]} and the like. */
    private static final Pattern SELECTOR_CALL = Pattern.compile(
            "\\b(?:select|selectFirst|evaluatorOf|is|closest)\\(\"([^\"]+)\"");
    private static final Pattern SELECTOR_ATTRIBUTE = Pattern.compile("\\[\\^?([\\w:-]+)");
    /** Cases of a switch over {@code Attribute.getKey()}, up to the switch's default. */
    private static final Pattern KEY_SWITCH = Pattern.compile("switch \\(\\w+\\.getKey\\(\\)\\) \\{(.*?)default",
            Pattern.DOTALL);
    private static final Pattern CASE = Pattern.compile("case \"([^\"]+)\"");

    @Test
    void keepsEveryAttributeTheRulesRead() {
        Set<String> read = attributesReadBy(SOURCES);
        // The scan itself must see the rules: class, id and itemprop are read through all three forms.
        assertThat(read).contains("class", "id", "itemprop", "href", "content", "datetime");
        assertThat(UnreadMarkup.READ_ATTRIBUTES).containsAll(read);
    }

    private static Set<String> attributesReadBy(Path root) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> scan(read(p), names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void scan(String source, Set<String> names) {
        addAll(ACCESSOR.matcher(source), names);
        Matcher selectors = SELECTOR_CALL.matcher(source);
        while (selectors.find()) {
            addAll(SELECTOR_ATTRIBUTE.matcher(selectors.group(1)), names);
        }
        Matcher switches = KEY_SWITCH.matcher(source);
        while (switches.find()) {
            addAll(CASE.matcher(switches.group(1)), names);
        }
        if (source.contains(".className()")) {
            names.add("class");
        }
        if (source.contains(".id()")) {
            names.add("id");
        }
    }

    private static void addAll(Matcher m, Set<String> names) {
        while (m.find()) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
