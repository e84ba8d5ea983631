package io.heliosdb.api;

/**
 * A batch ({@link PreparedQuery#executeBatch(java.util.List)}) failed at one of its entries: the entry's own
 * error (its SQLSTATE, message, detail, constraint and table, and as the cause), with {@link #entry()} saying
 * which parameter set it was, as JDBC's BatchUpdateException does. {@link #context()} says so too, the way
 * PostgreSQL's CONTEXT line would, after any context of its own.
 */
public final class HeliosBatchException extends HeliosException {
    private static final long serialVersionUID = 1L;

    private final int entry;

    public HeliosBatchException(int entry, HeliosException failure) {
        super(failure, (failure.context() == null ? "" : failure.context() + "\n") + "batch entry " + entry);
        this.entry = entry;
    }

    /** The index (from 0) of the parameter set that failed. */
    public int entry() {
        return entry;
    }
}
