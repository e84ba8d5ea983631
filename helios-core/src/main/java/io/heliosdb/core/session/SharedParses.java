package io.heliosdb.core.session;

import io.heliosdb.sql.ParsedStatement;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parses a database's sessions share: the shapes of lifted texts ({@link LiftedStatements}) and short texts
 * that run the normal way (BEGIN, END, ...). Parsing is a function of the text alone and its result is immutable,
 * so one session's parse serves every other; plans stay per session (each session's plan cache, planned again
 * after DDL or a search_path change), so nothing here can go stale. A new connection's first tpcb transaction
 * so parses nothing another connection parsed before.
 * Bounded: when it holds {@link #CAPACITY} texts it starts over (hot texts are parsed again once).
 */
public final class SharedParses {
    static final int CAPACITY = 1024;
    /** Longer texts are parsed by each session that runs them (the cache must stay small). */
    static final int MAX_TEXT = 2048;

    private final ConcurrentHashMap<String, List<ParsedStatement>> parses = new ConcurrentHashMap<>();

    /** The statements of {@code text} as {@code frontEnd} parses it, parsed before by any session or now. */
    List<ParsedStatement> parse(String text, SqlFrontEnd frontEnd) {
        if (text.length() > MAX_TEXT) {
            return frontEnd.parse(text);
        }
        List<ParsedStatement> parsed = parses.get(text);
        if (parsed == null) {
            parsed = List.copyOf(frontEnd.parse(text));   // a parse that fails throws and is not kept
            if (parses.size() >= CAPACITY) {
                parses.clear();
            }
            parses.put(text, parsed);
        }
        return parsed;
    }

    /** How many texts are kept (tests). */
    int size() {
        return parses.size();
    }
}
