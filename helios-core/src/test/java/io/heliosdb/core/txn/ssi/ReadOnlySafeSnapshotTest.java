package io.heliosdb.core.txn.ssi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.CatalogKeys;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * READ ONLY (not DEFERRABLE) serializable transactions leave the tracker once their snapshot is proven safe, as
 * PostgreSQL's safe-snapshot opt-out does; an unsafe one stays tracked and still fails where PostgreSQL fails.
 */
class ReadOnlySafeSnapshotTest {
    private static final String ROWS = CatalogKeys.ROWS;
    private final SsiTracker tracker = new SsiTracker();
    private long nextTs = 10;

    private static byte[] key(long table, int row) {
        return ByteBuffer.allocate(12).putLong(table).putInt(row).array();
    }

    private SerializableTransaction begin() {
        SerializableTransaction t = tracker.begin(nextTs, false);
        tracker.snapshotTaken(t, nextTs);
        return t;
    }

    /** As the store begins a READ ONLY one: its snapshot, then watched until it is known safe or unsafe. */
    private SerializableTransaction beginReadOnly() {
        SerializableTransaction t = tracker.begin(nextTs, true);
        tracker.snapshotTaken(t, nextTs);
        tracker.watchReadOnly(t);
        return t;
    }

    private static void scanTable(SerializableTransaction t, long table) {
        t.range(ROWS, CatalogKeys.rowPrefix(table), CatalogKeys.rowPrefixEnd(table));
    }

    private void write(SerializableTransaction t, byte[]... keys) {
        tracker.wrote(t, out -> List.of(keys).forEach(k -> out.accept(ROWS, k)));
    }

    private void commit(SerializableTransaction t) {
        tracker.prepare(t, out -> { });
        t.committing(++nextTs);
        tracker.committed(t);
    }

    @Test
    void withNoConcurrentWriter_itIsReleasedAtOnce_andRecordsNothing() {
        SerializableTransaction report = beginReadOnly();
        assertThat(report.releasedAsSafe()).isTrue();
        assertThat(tracker.trackedCount()).isZero();
        scanTable(report, 1);
        report.point(ROWS, key(2, 1));
        SerializableTransaction writer = begin();
        write(writer, key(1, 1), key(2, 1));
        assertThat(report.reads.rangeCount() + report.reads.pointCount()).isZero();
        assertThat(writer.in).as("no rw-edge from a released reader").isEmpty();
        commit(writer);
        commit(report);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void releasedWhenTheConcurrentWriterCommitsWithoutAConflictOutToWhatItSees() {
        SerializableTransaction writer = begin();
        writer.point(ROWS, key(1, 1));
        write(writer, key(2, 1));
        SerializableTransaction report = beginReadOnly();
        assertThat(report.releasedAsSafe()).as("a writer runs: not known safe yet").isFalse();
        scanTable(report, 2);                                  // report -> writer
        assertThat(writer.in).containsExactly(report);
        commit(writer);
        assertThat(report.releasedAsSafe()).isTrue();
        assertThat(writer.in).isEmpty();
        assertThat(tracker.trackedCount()).as("nothing kept for the released reader").isZero();
        report.point(ROWS, key(3, 1));
        assertThat(report.reads.rangeCount() + report.reads.pointCount()).isZero();
        commit(report);
    }

    @Test
    void releasedWhenTheConcurrentWriterRollsBack() {
        SerializableTransaction writer = begin();
        write(writer, key(2, 1));
        SerializableTransaction report = beginReadOnly();
        tracker.aborted(writer);
        assertThat(report.releasedAsSafe()).isTrue();
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void unsafeSnapshot_staysTracked_andTheReadOnlyAnomalyStillFails() {
        SerializableTransaction insert = begin();              // reads the control row, adds a receipt
        insert.point(ROWS, key(1, 1));
        write(insert, key(2, 3));
        SerializableTransaction close = begin();               // closes the batch, commits first
        write(close, key(1, 1));
        commit(close);
        SerializableTransaction report = beginReadOnly();      // sees the batch closed
        commit(insert);                                        // insert -> close, close seen by report: unsafe
        assertThat(report.releasedAsSafe()).isFalse();
        report.point(ROWS, key(1, 1));
        assertThatThrownBy(() -> scanTable(report, 2))          // misses the receipt: report -> insert -> close
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE));
        tracker.aborted(report);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void aReleasedLongReader_holdsBackNoCommittedRecords() {
        SerializableTransaction writer = begin();
        write(writer, key(2, 1));
        SerializableTransaction report = beginReadOnly();
        commit(writer);
        for (int i = 0; i < 100; i++) {
            SerializableTransaction t = begin();
            t.point(ROWS, key(7, i));
            write(t, key(8, i));
            commit(t);
            // A tracked reader would keep every one of them (each began before it ends).
            assertThat(tracker.trackedCount()).isZero();
        }
        commit(report);
    }

    @Test
    void aReleasedReaderThatWritesATrackedKey_failsRatherThanCommitUnchecked() {
        SerializableTransaction report = beginReadOnly();
        assertThatThrownBy(() -> write(report, key(1, 1))).isInstanceOfSatisfying(HeliosException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE));
    }
}
