package io.heliosdb.core.session;

import io.heliosdb.api.HeliosBatchException;
import io.heliosdb.api.HeliosException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * COPY FROM's rows gathered into batches of up to {@value #ROWS}, each written as one batch statement (plan
 * set-up, snapshot and transaction mark once per batch, see {@link StatementExecution#writeBatch}) instead of
 * one statement per row. A failing row's error gets its own line (and column) as CONTEXT, as PostgreSQL names
 * them; the reader flushes before it reports an error of its own, so the earliest bad line is the one named.
 */
final class CopyInBatch {
    /** Rows per batch: large enough to share the set-up, small enough that a restart reruns little. */
    static final int ROWS = 1000;

    /** How an error of a row is placed: its values and line give the CONTEXT. */
    @FunctionalInterface
    interface Locate {
        HeliosException at(HeliosException error, Object[] values, long line);
    }

    private final Function<List<Object[]>, long[]> writeBatch;
    private final Locate locate;
    private final List<Object[]> rows = new ArrayList<>(ROWS);
    private final long[] lines = new long[ROWS];
    private long written;

    CopyInBatch(Function<List<Object[]>, long[]> writeBatch, Locate locate) {
        this.writeBatch = writeBatch;
        this.locate = locate;
    }

    /** Adds the values of the row read from {@code line}, writing the batch when it is full. */
    void add(Object[] values, long line) {
        lines[rows.size()] = line;
        rows.add(values);
        if (rows.size() == ROWS) {
            flush();
        }
    }

    /** Writes the rows gathered so far; returns the rows written in all. */
    long flush() {
        if (rows.isEmpty()) {
            return written;
        }
        try {
            for (long count : writeBatch.apply(rows)) {
                written += count;
            }
        } catch (HeliosBatchException e) {
            int entry = e.entry();
            throw locate.at((HeliosException) e.getCause(), rows.get(entry), lines[entry]);
        } finally {
            rows.clear();
        }
        return written;
    }
}
