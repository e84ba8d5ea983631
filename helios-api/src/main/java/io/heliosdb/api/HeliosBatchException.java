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
    private final long[] countsBefore;

    public HeliosBatchException(int entry, HeliosException failure) {
        this(entry, failure, null);
    }

    /**
     * As above, with the row counts of the entries before the failing one ({@code entry} of them; null when not
     * known), as JDBC's BatchUpdateException carries them and a server must report them.
     */
    public HeliosBatchException(int entry, HeliosException failure, long[] countsBefore) {
        super(failure, (failure.context() == null ? "" : failure.context() + "\n") + "batch entry " + entry);
        this.entry = entry;
        this.countsBefore = countsBefore == null ? null : countsBefore.clone();
    }

    /** The index (from 0) of the parameter set that failed. */
    public int entry() {
        return entry;
    }

    /**
     * The row count of each entry before {@link #entry()}, as each ran before the failure (all of them undone
     * with the batch), or null when the batch did not say.
     */
    public long[] countsBefore() {
        return countsBefore == null ? null : countsBefore.clone();
    }
}
