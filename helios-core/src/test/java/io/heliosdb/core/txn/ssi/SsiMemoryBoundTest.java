package io.heliosdb.core.txn.ssi;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.core.catalog.CatalogKeys;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The committed records the tracker keeps for a long transaction are bounded in (approximate) bytes, not only in
 * number, and the summary they are folded into stays small; a conflict through the summary is still found.
 */
class SsiMemoryBoundTest {
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

    /** Reads {@code reads} keys of table 7 and writes {@code writes} keys of table {@code table}, then commits. */
    private void bigOne(int n, int reads, long table, int writes) {
        SerializableTransaction t = begin();
        for (int i = 0; i < reads; i++) {
            t.point(ROWS, key(7, n * reads + i));
        }
        tracker.wrote(t, out -> {
            for (int i = 0; i < writes; i++) {
                out.accept(ROWS, key(table, n * writes + i));
            }
        });
        tracker.prepare(t, out -> { });
        t.committing(++nextTs);
        tracker.committed(t);
    }

    @Test
    void aFewLargeCommittedRecords_areFoldedByBytes_andTheSummaryStaysSmall() {
        SerializableTransaction longOne = begin();
        longOne.point(ROWS, key(8, -1));
        // 300 records of 3,000 written keys: some 200 kB each, 60 MB if all were kept (far below 1,024 records).
        long unbounded = 0;
        for (int n = 0; n < 300; n++) {
            bigOne(n, 100, 9, 3000);
            unbounded = Math.max(unbounded, tracker.approximateBytes());
        }
        assertThat(tracker.trackedCount()).isLessThan(300);
        assertThat(tracker.approximateBytes()).isLessThanOrEqualTo(SsiTracker.MAX_KEPT_BYTES + (1 << 20));
        assertThat(tracker.summaryBytes()).as("summary").isPositive().isLessThanOrEqualTo(1 << 20);

        // The long one writes a key a folded record read without seeing it: the edge goes through the summary.
        tracker.wrote(longOne, out -> out.accept(ROWS, key(7, 5)));
        SerializableTransaction summary = null;
        for (SerializableTransaction t : longOne.in) {
            summary = t;
        }
        assertThat(summary).isNotNull();
        assertThat(summary.id).isEqualTo(SsiTracker.SUMMARY_ID);
    }

    @Test
    void estimates_countKeysOnce_andShrinkWhenCoarsened() {
        ReadSet reads = new ReadSet();
        reads.addPoint(ROWS, key(1, 1));
        long one = reads.approximateBytes();
        reads.addPoint(ROWS, key(1, 1));
        assertThat(reads.approximateBytes()).isEqualTo(one).isEqualTo(Footprint.POINT + Footprint.array(12));
        for (int i = 0; i <= ReadSet.MAX_POINTS; i++) {
            reads.addPoint(ROWS, key(1, i));
        }
        assertThat(reads.pointCount()).isZero();
        assertThat(reads.approximateBytes()).as("one relation range").isLessThan(200);

        WriteSet writes = new WriteSet(100);
        for (int i = 0; i < 100; i++) {
            writes.add(ROWS, key(2, i));
        }
        assertThat(writes.approximateBytes()).isEqualTo(100 * (Footprint.WRITTEN_KEY + Footprint.array(12)));
        writes.add(ROWS, key(2, 100));
        assertThat(writes.coarsened()).isTrue();
        assertThat(writes.approximateBytes()).isLessThan(200);
    }
}
