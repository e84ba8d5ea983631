package io.heliosdb.core.txn.ssi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.CatalogKeys;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSI tracker alone, driven step by step as transactions would drive it (no engine, no SQL). */
class SsiTrackerTest {
    private static final String ROWS = CatalogKeys.ROWS;
    private final SsiTracker tracker = new SsiTracker();
    private long nextTs = 10;

    private static byte[] key(long table, int row) {
        return ByteBuffer.allocate(12).putLong(table).putInt(row).array();
    }

    private SerializableTransaction begin(boolean readOnly) {
        SerializableTransaction t = tracker.begin(nextTs, readOnly);
        tracker.snapshotTaken(t, nextTs);
        return t;
    }

    private SerializableTransaction begin() {
        return begin(false);
    }

    private static void scanTable(SerializableTransaction t, long table) {
        t.range(ROWS, CatalogKeys.rowPrefix(table), CatalogKeys.rowPrefixEnd(table));
    }

    private void write(SerializableTransaction t, byte[]... keys) {
        tracker.wrote(t, out -> List.of(keys).forEach(k -> out.accept(ROWS, k)));
    }

    /** Prepares and commits with every key it wrote so far (and {@code more}). */
    private void commit(SerializableTransaction t, byte[]... more) {
        tracker.prepare(t, out -> List.of(more).forEach(k -> out.accept(ROWS, k)));
        t.committing(++nextTs);
        tracker.committed(t);
    }

    private static void assertSerializationFailure(Runnable step, String reason) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(HeliosException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
            assertThat(e.getMessage()).isEqualTo(
                    "could not serialize access due to read/write dependencies among transactions");
            assertThat(e.detail()).isEqualTo("Reason code: " + reason);
            assertThat(e.hint()).isEqualTo("The transaction might succeed if retried.");
        });
    }

    @Test
    void writeSkew_cancelsThePivot_whoseOtherSideCommittedFirst() {
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        scanTable(t1, 1);
        scanTable(t2, 1);
        write(t1, key(1, 1));
        write(t2, key(1, 2));
        commit(t1);
        assertSerializationFailure(() -> tracker.prepare(t2, out -> { }),
                "Canceled on identification as a pivot, during commit attempt.");
        tracker.aborted(t2);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void writeSkew_writeAfterTheOtherCommitted_failsTheWrite() {
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        scanTable(t1, 1);
        scanTable(t2, 1);
        write(t1, key(1, 1));
        commit(t1);
        assertSerializationFailure(() -> write(t2, key(1, 2)), "Canceled on identification as a pivot, during write.");
    }

    @Test
    void writeSkew_seenOnlyAtCommit_isStillFound() {
        // Writes made by a path without the statement hook: the commit publishes them.
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        scanTable(t1, 1);
        scanTable(t2, 1);
        commit(t1, key(1, 1));
        assertSerializationFailure(() -> tracker.prepare(t2, out -> out.accept(ROWS, key(1, 2))),
                "Canceled on identification as a pivot, during commit attempt.");
    }

    @Test
    void readOfAKeyACommittedConcurrentTransactionWrote_isAnEdge() {
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        t1.point(ROWS, key(1, 2));
        commit(t1, key(1, 1)); // committed after t2's snapshot: t2 does not see key(1, 1)
        t2.point(ROWS, key(1, 1)); // t2 -> t1
        // t1 read key(1, 2): t1 -> t2 when t2 writes it, a cycle with t1 committed first.
        assertSerializationFailure(() -> write(t2, key(1, 2)), "Canceled on identification as a pivot, during write.");
    }

    @Test
    void disjointReadsAndWrites_commit() {
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        t1.point(ROWS, key(1, 1));
        t2.point(ROWS, key(1, 2));
        scanTable(t1, 2);
        scanTable(t2, 3);
        write(t1, key(1, 1), key(2, 5));
        write(t2, key(1, 2), key(3, 5));
        commit(t2);
        commit(t1);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void oneWayDependency_commitsInEitherOrder() {
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        scanTable(t1, 1); // t1 reads what t2 writes: t1 -> t2, no cycle
        write(t2, key(1, 1));
        commit(t2);
        commit(t1, key(2, 1));
        SerializableTransaction t3 = begin();
        SerializableTransaction t4 = begin();
        scanTable(t3, 1);
        write(t4, key(1, 2));
        commit(t3, key(2, 2));
        commit(t4);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void readOnlyAnomaly_cancelsThePivot() {
        SerializableTransaction insert = begin();            // s1: reads the control row, adds a receipt
        insert.point(ROWS, key(1, 1));
        write(insert, key(2, 3));
        SerializableTransaction close = begin();             // s2: closes the batch
        write(close, key(1, 1));
        commit(close);
        SerializableTransaction report = begin(true);        // s3, read only, sees the batch closed
        report.point(ROWS, key(1, 1));
        scanTable(report, 2);                                 // ... but not the receipt: report -> insert -> close
        tracker.prepare(report, out -> { });
        tracker.committed(report);
        assertSerializationFailure(() -> tracker.prepare(insert, out -> { }),
                "Canceled on identification as a pivot, during commit attempt.");
    }

    @Test
    void readOnlyReport_beforeTheBatchClosed_letsAllCommit() {
        SerializableTransaction insert = begin();
        insert.point(ROWS, key(1, 1));
        write(insert, key(2, 3));
        SerializableTransaction report = begin(true);
        report.point(ROWS, key(1, 1));
        scanTable(report, 2);
        tracker.prepare(report, out -> { });
        tracker.committed(report);
        SerializableTransaction close = begin();
        write(close, key(1, 1));
        commit(close);
        commit(insert);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void doomedTransaction_failsAtItsNextRead() {
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        scanTable(t1, 1);
        scanTable(t2, 1);
        write(t1, key(1, 1));
        write(t2, key(1, 2));
        commit(t1); // t2 is the pivot with t1 committed first: t2 is doomed
        assertSerializationFailure(() -> tracker.checkNotDoomed(t2),
                "Canceled on identification as a pivot, during conflict out checking.");
        assertSerializationFailure(() -> t2.point(ROWS, key(9, 9)),
                "Canceled on identification as a pivot, during conflict out checking.");
    }

    @Test
    void abortedTransaction_leavesNoEdges() {
        SerializableTransaction t1 = begin();
        SerializableTransaction t2 = begin();
        scanTable(t1, 1);
        scanTable(t2, 1);
        write(t1, key(1, 1));
        write(t2, key(1, 2));
        tracker.aborted(t2);
        commit(t1);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void committedTransaction_isKeptWhileAConcurrentOneRuns() {
        SerializableTransaction longRunning = begin();
        SerializableTransaction t1 = begin();
        scanTable(t1, 1);
        commit(t1, key(2, 1));
        assertThat(tracker.trackedCount()).isEqualTo(2); // longRunning began before t1 committed
        // A writer that began after t1 committed does not overlap it: no edge from t1, no failure.
        SerializableTransaction later = begin();
        scanTable(later, 2);
        write(later, key(1, 1));
        commit(later);
        tracker.aborted(longRunning);
        assertThat(tracker.trackedCount()).isZero();
    }

    /** A short serializable transaction that reads one key of table 7 and writes one of table 8. */
    private void shortOne(int i) {
        SerializableTransaction t = begin();
        t.point(ROWS, key(7, i));
        write(t, key(8, i));
        commit(t);
    }

    @Test
    void committedRecordsKeptForALongTransaction_areSummarised_soMemoryStaysBounded() {
        SerializableTransaction longOne = begin();
        scanTable(longOne, 9);
        int n = SsiTracker.MAX_KEPT_COMMITTED * 3;
        for (int i = 0; i < n; i++) {
            shortOne(i);
        }
        // Without summarising all n would be kept while the long one runs (each may still matter to it).
        assertThat(tracker.trackedCount()).isLessThanOrEqualTo(SsiTracker.MAX_KEPT_COMMITTED + 2);
        commit(longOne);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void aConflictThroughASummarisedTransaction_isStillFound() {
        SerializableTransaction t1 = begin();
        t1.point(ROWS, key(1, 1));
        SerializableTransaction t2 = begin();
        t2.point(ROWS, key(1, 2));
        write(t2, key(1, 1));   // t1 read it unseen: t1 -> t2
        commit(t2);
        for (int i = 0; i <= SsiTracker.MAX_KEPT_COMMITTED; i++) {
            shortOne(i);   // t2 is the oldest of these: folded into the summary
        }
        assertThat(tracker.trackedCount()).isLessThanOrEqualTo(SsiTracker.MAX_KEPT_COMMITTED + 2);
        // t1 writes what t2 read: t2 -> t1 -> t2, t2 committed first: t1 is the pivot.
        assertSerializationFailure(() -> write(t1, key(1, 2)), "Canceled on identification as a pivot, during write.");
        tracker.aborted(t1);
        assertThat(tracker.trackedCount()).isZero();
    }
}
