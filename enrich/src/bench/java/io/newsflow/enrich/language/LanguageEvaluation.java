package io.newsflow.enrich.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.ExtractedArticle;
import io.newsflow.enrich.language.internal.IsoCodes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Language detection on the pages of both extraction benchmarks: how often each detector agrees with the
 * language the page declares ({@code <html lang>}, {@code content-language}, {@code og:locale}, JSON-LD)
 * reading the text alone; how often, given the declaration as the language step gives it, it answers as the
 * shipped detector did before it read the start of the text first; and its time per article. The
 * declarations are the publishers' labels, not checked ones: the pages where the shipped detector and a
 * declaration disagree are printed, and on these pages it is mostly the declaration that is wrong (an
 * English {@code lang} on a German site), as are those where a detector answers otherwise than before. Figures for two halves of the pages (even and odd positions of the
 * sorted file names of each set), so that a choice made on one half can be checked on the other. Prints
 * figures and asserts nothing. Usage: {@code LanguageEvaluation [SHARED_DIR]}.
 */
public final class LanguageEvaluation {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final List<String> SETS = List.of("extraction-benchmark", "extraction-benchmark-2");
    /** Title and text as the language step builds its sample; the detectors read at most 700 characters of it. */
    private static final int SAMPLE_CHARS = 10_000;
    private static final int PASSES = 7;
    private static final String SHIPPED = "OpenNLP, start read first (shipped)";
    private static final String BEFORE = "OpenNLP, 700 characters always (before)";

    private record Page(String name, String declared, String sample, int half) {
    }

    private interface Detector {
        String detect(String text, String declared);
    }

    private LanguageEvaluation() {
    }

    /** Runs the evaluation; see the class comment. */
    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("newsflow.shared.dir", "../shared"));
        List<Page> pages = new ArrayList<>();
        for (String set : SETS) {
            pages.addAll(pages(shared.resolve(set).resolve("html")));
        }
        if (pages.isEmpty()) {
            OUT.println("no benchmark pages under " + shared.toAbsolutePath() + ", nothing to measure");
            return;
        }
        OpenNlpLanguageDetector shipped = OpenNlpLanguageDetector.fromClasspath();
        var optimaize = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        Map<String, Detector> detectors = new LinkedHashMap<>();
        detectors.put(SHIPPED, shipped::detect);
        detectors.put(BEFORE, shipped.withConfirmChars(0)::detect);
        detectors.put("Optimaize 0.6, 700 characters", (text, declared) -> {
            List<DetectedLanguage> ranked = optimaize.getProbabilities(text.length() > 700 ? text.substring(0, 700) : text);
            // Its best guess, else the declaration, as the shipped detector falls back.
            if (ranked.isEmpty()) {
                String hint = IsoCodes.normaliseHint(declared);
                return hint == null ? LanguageDetector.UNDETERMINED : hint;
            }
            return ranked.get(0).getLocale().getLanguage();
        });
        OUT.printf(Locale.ROOT, "pages with text=%d, with a declared language=%d (half 1: %d pages, half 2: %d)%n",
                pages.size(), pages.stream().filter(p -> p.declared() != null).count(),
                pages.stream().filter(p -> p.half() == 0).count(), pages.stream().filter(p -> p.half() == 1).count());
        Map<String, String[]> withDeclared = new LinkedHashMap<>();
        Map<String, String[]> textOnly = new LinkedHashMap<>();
        Map<String, double[]> micros = new LinkedHashMap<>();
        for (String name : detectors.keySet()) {
            withDeclared.put(name, new String[pages.size()]);
            textOnly.put(name, new String[pages.size()]);
            micros.put(name, new double[PASSES]);
        }
        // Passes interleave the detectors, so that JIT warm-up and machine noise fall on all of them alike.
        for (int pass = 0; pass < PASSES; pass++) {
            for (var entry : detectors.entrySet()) {
                String[] answers = withDeclared.get(entry.getKey());
                long start = System.nanoTime();
                for (int i = 0; i < pages.size(); i++) {
                    answers[i] = entry.getValue().detect(pages.get(i).sample(), pages.get(i).declared());
                }
                micros.get(entry.getKey())[pass] = (System.nanoTime() - start) / 1e3 / pages.size();
                String[] alone = textOnly.get(entry.getKey());
                for (int i = 0; i < pages.size(); i++) {
                    alone[i] = entry.getValue().detect(pages.get(i).sample(), null);
                }
            }
        }
        for (String name : detectors.keySet()) {
            report(name, pages, withDeclared, textOnly, micros.get(name));
        }
    }

    private static void report(String name, List<Page> pages, Map<String, String[]> withDeclared,
                               Map<String, String[]> textOnly, double[] micros) {
        // The first two passes warm the JIT; the median of the others.
        double[] times = Arrays.copyOfRange(micros, 2, PASSES);
        Arrays.sort(times);
        String[] before = withDeclared.get(BEFORE);
        String[] given = withDeclared.get(name);
        String[] alone = textOnly.get(name);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s %5.0f µs per article",
                name, times[times.length / 2]));
        for (int half = 0; half < 2; half++) {
            int declared = 0;
            int agree = 0;
            int same = 0;
            int n = 0;
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                if (page.half() != half) {
                    continue;
                }
                n++;
                same += given[i].equals(before[i]) ? 1 : 0;
                if (page.declared() != null) {
                    declared++;
                    agree += page.declared().equals(alone[i]) ? 1 : 0;
                }
            }
            line.append(String.format(Locale.ROOT, " | half %d: text alone = declared %d/%d (%.1f%%), with the "
                    + "declaration = before %d/%d", half + 1, agree, declared, 100.0 * agree / declared, same, n));
        }
        OUT.println(line);
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            // Every answer that differs from before; the declarations the text disagrees with, for the shipped one.
            boolean shipped = name.equals(SHIPPED);
            if (!given[i].equals(before[i]) || shipped && p.declared() != null && !p.declared().equals(alone[i])) {
                OUT.printf(Locale.ROOT, "    %s declared=%s text alone=%s with the declaration=%s (before %s): %s%n",
                        p.name(), p.declared(), alone[i], given[i], before[i],
                        p.sample().substring(0, Math.min(100, p.sample().length())).replace('\n', ' '));
            }
        }
    }

    /** The pages of one benchmark with text: their declared language (ISO 639-1) and the step's sample. */
    private static List<Page> pages(Path html) throws IOException {
        if (!Files.isDirectory(html)) {
            OUT.println("no " + html + ", skipped");
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(html)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.html?(\\.gz)?")).sorted().toList();
        }
        ArticleExtractor extractor = new ArticleExtractor();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            byte[] body;
            try (var in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file)) {
                body = in.readAllBytes();
            }
            ExtractedArticle article = extractor.extract(body, null, "text/html");
            if (article.text().isBlank()) {
                continue;
            }
            String text = article.text().length() > SAMPLE_CHARS ? article.text().substring(0, SAMPLE_CHARS) : article.text();
            pages.add(new Page(file.getFileName().toString(), IsoCodes.normaliseHint(article.language()),
                    (article.title() == null ? "" : article.title()) + "\n" + text, i % 2));
        }
        return pages;
    }
}
