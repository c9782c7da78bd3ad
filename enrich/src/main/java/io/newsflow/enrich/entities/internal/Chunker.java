package io.newsflow.enrich.entities.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds candidate names in a tagged sentence: runs of capitalised words joined by name connectors. */
public final class Chunker {

    /** Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven"). */
    private static final Set<String> CONNECTORS = Set.of("of", "and", "&", "for", "on", "de", "del", "della", "di",
            "da", "du", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "y", "the", "-", "am", "im", "an",
            "upon", "sur");
    /** Connectors that only join an institution to its remit ("Institute on Drug Abuse", "Office for ..."). */
    private static final Set<String> INSTITUTIONAL = Set.of("for", "on");
    /** Adjacent symbols that make the next word part of a handle, hashtag or URL rather than a name. */
    private static final Set<String> NON_NAME_PREFIX = Set.of("@", "#", "/", ".", "_", "=");
    /** Leading words that describe a tenure, not a name ("Interim BART Police"). */
    private static final Set<String> TENURE = Set.of("Former", "Interim", "Acting", "Then", "Outgoing", "Incoming");
    private static final int MAX_CONNECTORS = 2;

    private final Lexicon lexicon;

    /** Creates a chunker over the given word lists. */
    public Chunker(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * Returns the candidate names of one sentence.
     *
     * @param sentence the sentence's tokens
     * @param knownCaps words seen capitalised inside sentences elsewhere in the document
     */
    public List<Chunk> chunks(List<Token> sentence, Set<String> knownCaps) {
        List<Chunk> out = new ArrayList<>();
        int i = 0;
        while (i < sentence.size()) {
            if (!isNameWord(sentence, i)) {
                i++;
                continue;
            }
            int end = extend(sentence, i);
            int start = extendListBackwards(sentence, i, end);
            if (start < i) {
                int first = start;
                out.removeIf(c -> c.start() >= sentence.get(first).start());
            }
            splitAndAdd(sentence, start, end, knownCaps, out);
            i = end;
        }
        return out;
    }

    private int extend(List<Token> s, int start) {
        int j = start + 1;
        while (j < s.size()) {
            if (isNameWord(s, j)) {
                j++;
                continue;
            }
            int k = j;
            while (k < s.size() && k - j < MAX_CONNECTORS && CONNECTORS.contains(s.get(k).text())) {
                k++;
            }
            if (k > j && k < s.size() && isNameWord(s, k) && connectorsFit(s, j, k)) {
                j = k + 1;
            } else {
                break;
            }
        }
        return j;
    }

    /** "for"/"on" only after an institution word; "the" only after another connector ("Bank of the West"). */
    private boolean connectorsFit(List<Token> s, int from, int to) {
        String first = s.get(from).text();
        if ("the".equals(first)) {
            return false;
        }
        if (INSTITUTIONAL.contains(first)) {
            String before = s.get(from - 1).text();
            return lexicon.isOrgHead(before) || lexicon.isOrgOpener(before);
        }
        return true;
    }

    /** "Business, Energy and Industrial Strategy Committee": a listed organisation name spans commas. */
    private int extendListBackwards(List<Token> s, int start, int end) {
        if (!lexicon.isOrgHead(s.get(end - 1).text()) || s.subList(start, end).stream().noneMatch(t -> "and".equals(t.text()))) {
            return start;
        }
        int b = start;
        while (b >= 2 && ",".equals(s.get(b - 1).text()) && isNameWord(s, b - 2)) {
            b -= 2;
        }
        return b;
    }

    private void splitAndAdd(List<Token> s, int start, int end, Set<String> knownCaps, List<Chunk> out) {
        int from = start;
        boolean nextIsNoun = end < s.size() && "NOUN".equals(s.get(end).pos());
        if (s.get(from).sentenceStart() && !keepSentenceInitial(s.get(from), end - start, knownCaps, nextIsNoun)) {
            from++;
        }
        boolean roleCue = false;
        if (from + 1 < end && s.get(from).sentenceStart()
                && lexicon.isRole(s.get(from).text().toLowerCase(java.util.Locale.ROOT))) {
            from++; // "Employee Steve Castro tells ..."
            roleCue = true;
        }
        if (from >= end) {
            return; // the chunk was a single sentence-initial word that is not a name
        }
        String firstWord = s.get(from).text();
        if (from + 2 < end && "of".equals(s.get(from + 1).text()) && firstWord.endsWith("s")
                && !lexicon.isOrgHead(firstWord)) {
            // "Members of Parliament": a capitalised common noun before "of" is a role, not part of the name.
            from += 2;
        }
        int before = out.size();
        splitOnAnd(s, from, end, out);
        if (roleCue && out.size() > before) {
            Chunk c = out.get(before);
            out.set(before, new Chunk(c.tokens(), c.sentence(), c.from(), true));
        }
    }

    private void splitOnAnd(List<Token> s, int from, int end, List<Chunk> out) {
        int f = skipConnectors(s, from, end);
        if (f >= end) {
            return;
        }
        for (int k = f; k < end; k++) {
            if ("and".equals(s.get(k).text()) && !joinsOneName(s, f, k, end)) {
                splitOnAnd(s, f, k, out);
                splitOnAnd(s, k + 1, end, out);
                return;
            }
        }
        splitTitles(s, f, end, out);
    }

    /**
     * Whether "and" at {@code and} is inside one name ("Securities and Exchange Commission", "Business, Energy and
     * Industrial Strategy Committee") rather than between two ("Wistron and Global Lighting Technologies").
     */
    private boolean joinsOneName(List<Token> s, int from, int and, int end) {
        if (!lexicon.isOrgHead(s.get(end - 1).text())) {
            return false;
        }
        if (s.subList(from, and).stream().anyMatch(t -> ",".equals(t.text()))) {
            return true;
        }
        int right = end - and - 1;
        return right <= 2 && !s.get(end - 1).isAllCaps()
                || s.subList(and + 1, end).stream().anyMatch(t -> "of".equals(t.text()));
    }

    private void splitTitles(List<Token> s, int from, int end, List<Chunk> out) {
        int titleEnd = titleRunEnd(s, from, end);
        if (titleEnd > from) {
            addNamesInTitle(s, from, titleEnd, out);
            add(s, titleEnd, end, true, out);
            return;
        }
        for (int k = from + 1; k < end - 1; k++) {
            int te = titleRunEnd(s, k, end);
            if (te > k) {
                add(s, from, k, false, out);
                addNamesInTitle(s, k, te, out);
                add(s, te, end, true, out);
                return;
            }
        }
        int titleStart = trailingTitleStart(s, from, end);
        add(s, from, titleStart, false, out);
        addNamesInTitle(s, titleStart, end, out);
    }

    /** "Senate President Bukola Saraki": an institution named inside a title is still a mention. */
    private void addNamesInTitle(List<Token> s, int from, int end, List<Chunk> out) {
        for (int i = from; i < end; i++) {
            String w = s.get(i).text();
            if (lexicon.organization(w) != null || lexicon.location(w) != null) {
                out.add(new Chunk(List.of(s.get(i)), s, i, false));
            }
        }
    }

    /** "US House Speaker" with no name after it: the title run at the end is not part of the name. */
    private int trailingTitleStart(List<Token> s, int from, int end) {
        if (lexicon.isOrgHead(s.get(end - 1).text())) {
            return end;
        }
        int k = end;
        boolean title = false;
        while (k > from + 1 && (lexicon.isTitle(s.get(k - 1).text()) || lexicon.isTitleQualifier(s.get(k - 1).text()))) {
            title |= lexicon.isTitle(s.get(k - 1).text());
            k--;
        }
        return title ? k : end;
    }

    private void add(List<Token> s, int from, int end, boolean personCue, List<Chunk> out) {
        int f = skipConnectors(s, from, end);
        while (f < end - 1 && TENURE.contains(s.get(f).text())) {
            f++;
        }
        int e = end;
        while (e > f && (!isNameWord(s, e - 1) || e - 1 > f && lexicon.isHonorific(s.get(e - 1).text()))) {
            e--;
        }
        if (e - f > 1 && lexicon.isDemonym(s.get(f).text()) && isKnownOrganization(s, f + 1, e)) {
            f++; // "Afghan Taliban": the nationality qualifies a name that stands alone
        }
        if (e > f) {
            out.add(new Chunk(List.copyOf(s.subList(f, e)), s, f, personCue));
        }
    }

    private int skipConnectors(List<Token> s, int from, int end) {
        int f = from;
        while (f < end && !isNameWord(s, f)) {
            f++;
        }
        return f;
    }

    /**
     * If a title run ("UK Foreign Secretary", "Sir", "Chief Executive") starts at {@code from} and a
     * person-like name follows it before {@code end}, returns the index after the run; else {@code from}.
     */
    private int titleRunEnd(List<Token> s, int from, int end) {
        if (lexicon.isOrgHead(s.get(end - 1).text()) || lexicon.isLocationHead(s.get(end - 1).text())) {
            return from;
        }
        int k = from;
        boolean title = false;
        while (k < end - 1) {
            String w = s.get(k).text();
            if (lexicon.isTitle(w)) {
                title = true;
            } else if (!lexicon.isTitleQualifier(w) && !("of".equals(w) && k > from)) {
                break;
            }
            k++;
        }
        if (!title || k == from || !personLike(s, k, end)) {
            return from;
        }
        return k;
    }

    private boolean personLike(List<Token> s, int from, int end) {
        if (end - from > 4) {
            return false;
        }
        for (int i = from; i < end; i++) {
            Token t = s.get(i);
            if (!t.isCapitalised() || lexicon.isOrgHead(t.text()) || lexicon.location(t.text()) != null
                    && end - from == 1) {
                return false;
            }
        }
        return true;
    }

    private boolean isKnownOrganization(List<Token> s, int from, int end) {
        String name = String.join(" ", s.subList(from, end).stream().map(Token::text).toList());
        return lexicon.organization(name) != null && !lexicon.isOrgHead(s.get(end - 1).text());
    }

    private boolean keepSentenceInitial(Token t, int length, Set<String> knownCaps, boolean nextIsNoun) {
        String w = t.text();
        if (knownCaps.contains(w) || lexicon.location(w) != null || lexicon.organization(w) != null
                || lexicon.isGivenName(w) || lexicon.isDemonym(w) || lexicon.isTitle(w) || t.isAllCaps()) {
            return true;
        }
        // A capitalised run ("Rolling Stone reported") is a name; a lone word must be tagged as a proper noun
        // and not modify a following common noun ("Aviation analysts", "Neighborhood surveillance").
        return length > 1 || "PROPN".equals(t.pos()) && !nextIsNoun;
    }

    /** Whether the token can be part of a name: capitalised, not a function or calendar word, not "MPs". */
    boolean isNameWord(List<Token> s, int i) {
        Token t = s.get(i);
        if (!t.isCapitalised() || lexicon.isCommon(t.text())) {
            return false;
        }
        if (i > 0 && s.get(i - 1).end() == t.start() && NON_NAME_PREFIX.contains(s.get(i - 1).text())) {
            return false;
        }
        String w = t.text();
        if (w.length() == 1) {
            return false;
        }
        if (w.startsWith("I'") || w.startsWith("I’") || w.matches("\\p{Lu}-\\p{Lu}.*")) {
            return false; // "I'll"; "D-Minn." party-and-state tags
        }
        if (w.length() > 2 && w.endsWith("s") && w.substring(0, w.length() - 1).chars().allMatch(Character::isUpperCase)) {
            return false;
        }
        int dash = w.lastIndexOf('-');
        // "US-based", "Chinese-owned": an adjective built on a name is not a name.
        return dash < 0 || dash == w.length() - 1 || !Character.isLowerCase(w.charAt(dash + 1));
    }
}
