package io.newsflow.publish.rules;

/**
 * A routes file (or a filter) that cannot be used, with where: the file, line and column the
 * YAML parser reported, and the route it belongs to, so the message points at the mistake.
 */
public final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String route;

    /**
     * @param source file name or {@code filter}
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param route the route's name, or null when the error is outside a route
     * @param problem what is wrong
     */
    public RulesException(String source, int line, int column, String route, String problem) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": "
                + (route == null ? "" : "route '" + route + "': ") + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.route = route;
    }

    /** The file name, or {@code filter}. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0. */
    public int column() {
        return column;
    }

    /** The route's name, or null. */
    public String route() {
        return route;
    }
}
