package io.heliosdb.api;

/**
 * The one error type of HeliosDB: a PostgreSQL SQLSTATE, a message, and optionally a detail, a
 * hint and a 1-based character position in the statement text (0 when there is none).
 */
public class HeliosException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SqlState state;
    private final String detail;
    private final String hint;
    private final int position;
    private final String constraint;
    /** Where the error happened (PostgreSQL's CONTEXT, e.g. {@code COPY t, line 3}); set by {@link #withContext}. */
    private String context;
    /** The table and column the error is about (PostgreSQL's error fields {@code t} and {@code c}); set by {@link #withTable}. */
    private String table;
    private String column;

    public HeliosException(SqlState state, String message) {
        this(state, message, null, null, 0, null);
    }

    public HeliosException(SqlState state, String message, Throwable cause) {
        this(state, message, null, null, 0, cause);
    }

    public HeliosException(SqlState state, String message, String detail, String hint, int position, Throwable cause) {
        this(state, message, detail, hint, position, cause, null);
    }

    /** As above, naming the violated constraint (PostgreSQL's error field {@code n}). */
    public HeliosException(SqlState state, String message, String detail, String hint, int position, Throwable cause,
                           String constraint) {
        super(message, cause);
        this.state = state;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.constraint = constraint;
    }

    /** A copy of {@code other} saying where it happened ({@code where}), for a subclass that adds to what the error says. */
    protected HeliosException(HeliosException other, String where) {
        super(other.getMessage(), other);
        this.state = other.state;
        this.detail = other.detail;
        this.hint = other.hint;
        this.position = other.position;
        this.constraint = other.constraint;
        this.context = where;
        this.table = other.table;
        this.column = other.column;
    }

    /** The name of the violated constraint, or null. */
    public String constraint() {
        return constraint;
    }

    /** The table the error is about (a constraint's table), or null. */
    public String table() {
        return table;
    }

    /** The column the error is about (a not-null violation's column), or null. */
    public String column() {
        return column;
    }

    /** A copy of this error that names the table (and column, or null) it is about. */
    public HeliosException withTable(String tableName, String columnName) {
        HeliosException copy = new HeliosException(state, getMessage(), detail, hint, position, getCause(), constraint);
        copy.context = context;
        copy.table = tableName;
        copy.column = columnName;
        return copy;
    }

    public SqlState sqlState() {
        return state;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /** 1-based character position of the error in the statement, or 0. */
    public int position() {
        return position;
    }

    /** A copy of this error at another position (used when a statement is part of a longer text). */
    public HeliosException withPosition(int newPosition) {
        HeliosException copy = new HeliosException(state, getMessage(), detail, hint, newPosition, getCause(), constraint);
        copy.context = context;
        copy.table = table;
        copy.column = column;
        return copy;
    }

    /** PostgreSQL's CONTEXT line, or {@code null}. */
    public String context() {
        return context;
    }

    /** A copy of this error that says where it happened (PostgreSQL's CONTEXT). */
    public HeliosException withContext(String where) {
        HeliosException copy = new HeliosException(state, getMessage(), detail, hint, position, getCause(), constraint);
        copy.context = where;
        copy.table = table;
        copy.column = column;
        return copy;
    }

    @Override
    public String toString() {
        return "ERROR " + state.code() + ": " + getMessage() + (position > 0 ? " (at position " + position + ")" : "");
    }

    /** The standard "does not support" error of SPI capability methods. */
    public static HeliosException notSupported(String what) {
        return new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, what);
    }
}
