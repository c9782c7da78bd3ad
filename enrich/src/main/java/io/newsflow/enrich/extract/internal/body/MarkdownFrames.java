package io.newsflow.enrich.extract.internal.body;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The open elements that have Markdown of their own, innermost last, for {@link MarkdownWriter}. Kept apart
 * from the writer because every line depends on them, not on the element just entered: they give each
 * line its prefix (quote marks, list markers, indent) and hold markup that waits for the first word.
 */
final class MarkdownFrames {

    /** What an open element contributes: a line prefix, a marker, or markup around its text. */
    enum Kind { QUOTE, LIST, ITEM, HEADING, PRE, TABLE, ROW, CELL, LINK, INLINE, CODE }

    /** An open element that has Markdown of its own; {@code count} and {@code pending} change as it is written. */
    static final class Frame {
        final Element element;
        final Kind kind;
        /** Opening markup, list marker or code fence. */
        final String open;
        /** Closing markup, link target, or a fence's info string. */
        final String close;
        /** A table's columns when it is written as a pipe table, else 0. */
        final int columns;
        /** Items of a list, rows of a table or cells of a row written so far. */
        int count;
        /** Whether {@code open} is still to be written, before the element's first text. */
        boolean pending = true;
        /** For a list item: whether a list nested in it has ended and no line has started in the item since. */
        boolean listEnded;

        Frame(Element element, Kind kind, String open, String close, int columns) {
            this.element = element;
            this.kind = kind;
            this.open = open;
            this.close = close;
            this.columns = columns;
        }
    }

    /** The frames' changing state at a {@link MarkdownWriter.Mark}, outermost first. */
    record State(int[] counts, boolean[] pendings, boolean[] listsEnded) {
    }

    private final List<Frame> frames = new ArrayList<>();
    /** How many frames of each kind are open, by {@link Kind#ordinal()}. */
    private final int[] open = new int[Kind.values().length];

    void push(Frame f) {
        frames.add(f);
        open[f.kind.ordinal()]++;
    }

    /** The innermost frame, or null when none is open. */
    Frame top() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    void pop() {
        open[frames.remove(frames.size() - 1).kind.ordinal()]--;
    }

    /** Whether a frame of {@code kind} is open. */
    boolean inside(Kind kind) {
        return open[kind.ordinal()] > 0;
    }

    Frame innermost(Kind kind) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).kind == kind) {
                return frames.get(i);
            }
        }
        return null;
    }

    /** Whether an open emphasis frame already writes {@code markup}. */
    boolean insideInline(String markup) {
        for (Frame f : frames) {
            if (f.kind == Kind.INLINE && f.open.equals(markup)) {
                return true;
            }
        }
        return false;
    }

    State state() {
        int[] counts = new int[frames.size()];
        boolean[] pendings = new boolean[frames.size()];
        boolean[] listsEnded = new boolean[frames.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = frames.get(i).count;
            pendings[i] = frames.get(i).pending;
            listsEnded[i] = frames.get(i).listEnded;
        }
        return new State(counts, pendings, listsEnded);
    }

    /** Restores {@code state} to the frames open when it was taken, which are open still. */
    void restore(State state) {
        for (int i = 0; i < state.counts().length; i++) {
            frames.get(i).count = state.counts()[i];
            frames.get(i).pending = state.pendings()[i];
            frames.get(i).listEnded = state.listsEnded()[i];
        }
    }

    /**
     * Writes the prefix of a line of the open quotes and list items; with {@code markers}, this is the line
     * of text that starts the pending list items and heading, else a blank or continuation line.
     */
    void writePrefix(StringBuilder out, boolean markers) {
        for (Frame f : frames) {
            if (f.kind == Kind.QUOTE) {
                // A quote that has no line yet has not begun: the blank line before it is not quoted.
                if (markers || !f.pending) {
                    out.append("> ");
                }
                f.pending &= !markers;
            } else if (f.kind == Kind.ITEM) {
                out.append(f.pending && markers ? f.open : " ".repeat(f.open.length()));
                f.pending &= !markers;
            } else if (f.kind == Kind.HEADING && f.pending && markers) {
                out.append(f.open);
                f.pending = false;
            }
        }
    }

    /** Whether a list item's or heading's marker is still to be written. */
    boolean markerPending() {
        for (Frame f : frames) {
            if (f.pending && (f.kind == Kind.ITEM || f.kind == Kind.HEADING)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the markup of links, emphasis and code spans whose first word comes next; whether there was any. */
    boolean openPending(StringBuilder out) {
        boolean wrote = false;
        for (Frame f : frames) {
            if (f.pending && (f.kind == Kind.LINK || f.kind == Kind.INLINE || f.kind == Kind.CODE)) {
                out.append(f.open);
                f.pending = false;
                wrote = true;
            }
        }
        return wrote;
    }
}
