package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.StatementPlan;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's statement texts run as prepared statements: a text's {@link LiteralShape} (its values lifted
 * out) is parsed once, planned through the session's plan cache (so DDL and search_path changes plan it
 * again, as for any statement), and run with the values as parameters. A simple-protocol client that sends
 * {@code ... WHERE id = 42}, then 43, then 44 so pays for the parser and the planner once per shape, not per
 * text. Anything the shape cannot stand for exactly (a shape that does not parse or plan, a string the plan
 * would not read as text) runs the normal way, which then gives its own result or error.
 */
final class LiftedStatements {
    /** {@code -Dhelios.sql.liftLiterals=false} runs every text the normal way (to compare the two). */
    static final String PROPERTY = "helios.sql.liftLiterals";
    static final int CAPACITY = 256;
    /** Up to what length texts that run the normal way (BEGIN, END, SET ...) keep their parse. */
    static final int PARSED_TEXT_LENGTH = 256;

    /** What a lifted text runs as: its own text for pg_stat_activity, the shape's query, the values. */
    record Lifted(ParsedStatement statement, KernelPreparedQuery query, Object[] args) {
    }

    /** One shape: its parsed statement as a prepared query, or null when the shape is not one statement. */
    private record Entry(KernelPreparedQuery query, List<SqlType> declared) {
    }

    private final SqlFrontEnd frontEnd;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };
    /** Texts prepared as they are (with $n parameters: an unnamed extended-protocol statement), by text. */
    private final Map<String, ParsedStatement> preparedTexts = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedStatement> eldest) {
            return size() > CAPACITY;
        }
    };
    /** Parses shared with the database's other sessions: shapes, and short texts that run the normal way. */
    private final SharedParses shared;
    private boolean enabled;

    LiftedStatements(SqlFrontEnd frontEnd, SharedParses shared, boolean enabled) {
        this.frontEnd = frontEnd;
        this.shared = shared;
        this.enabled = enabled;
    }

    void enabled(boolean on) {
        enabled = on;
        if (!on) {
            entries.clear();
            preparedTexts.clear();
        }
    }

    int size() {
        return entries.size() + preparedTexts.size();
    }

    /**
     * The statements of a text that runs the normal way: a short one as parsed before by any session of the
     * database (parsing is a function of the text alone; each statement is planned as usual).
     */
    List<ParsedStatement> parse(String sql) {
        return enabled && sql.length() <= PARSED_TEXT_LENGTH ? shared.parse(sql, frontEnd) : frontEnd.parse(sql);
    }

    /**
     * The statement of a text prepared before (parsing is a function of the text alone, and a parsed
     * statement is planned again whenever its plan is stale), or null to parse it.
     */
    ParsedStatement preparedText(String sql) {
        return enabled ? preparedTexts.get(sql) : null;
    }

    /** Keeps what a one-statement text to prepare parsed to. */
    void preparedTextParsed(String sql, ParsedStatement statement) {
        if (enabled) {
            preparedTexts.put(sql, statement);
        }
    }

    /**
     * {@code sql} as a lifted statement planned for the session's current catalog, or null to run it the
     * normal way. Called with the session's lock held, outside a failed transaction block.
     */
    Lifted find(String sql, KernelSession session) {
        if (!enabled) {
            return null;
        }
        LiteralShape shape = LiteralShape.of(sql);
        if (shape == null) {
            return null;
        }
        Entry entry = entries.get(shape.key());
        if (entry == null) {
            entry = parse(shape, session);
            entries.put(shape.key(), entry);
        }
        if (entry.query() == null) {
            return null;
        }
        PlannedStatement planned;
        try {
            planned = session.plan(entry.query().statement(), entry.declared());
        } catch (RuntimeException e) {
            return null;   // the normal way reports it, with positions in the text as sent
        }
        if (!standsFor(planned.plan(), shape)) {
            return null;
        }
        entry.query().plannedAs(planned);
        ParsedStatement own = new ParsedStatement(sql.substring(shape.textStart(), shape.textEnd()), shape.textStart(),
                entry.query().statement().ast());
        return new Lifted(own, entry.query(), shape.values());
    }

    private Entry parse(LiteralShape shape, KernelSession session) {
        String text = shape.shape();
        List<SqlType> declared = Arrays.asList(shape.declared().clone());
        try {
            List<ParsedStatement> parsed = shared.parse(text, frontEnd);
            if (parsed.size() != 1) {
                return new Entry(null, declared);
            }
            return new Entry(new KernelPreparedQuery(session, text, parsed.get(0), declared, null), declared);
        } catch (RuntimeException e) {
            return new Entry(null, declared);
        }
    }

    /**
     * Whether the plan made for the shape runs as the text would: an ordinary statement whose parameters
     * have the literals' types, and every lifted string read as text (a string compared with a date, say,
     * would be converted at plan time with its own errors: that text runs the normal way).
     */
    private static boolean standsFor(StatementPlan plan, LiteralShape shape) {
        if (plan.transactionCommand() != null || plan.copyCommand() != null || plan.cursorCommand() != null) {
            return false;
        }
        List<SqlType> types = plan.parameterTypes();
        SqlType[] declared = shape.declared();
        if (types.size() != declared.length) {
            return false;
        }
        for (int i = 0; i < declared.length; i++) {
            SqlType t = types.get(i);
            if (declared[i] != null ? t != declared[i] : t != SqlType.TEXT && t != SqlType.VARCHAR) {
                return false;
            }
        }
        return true;
    }
}
