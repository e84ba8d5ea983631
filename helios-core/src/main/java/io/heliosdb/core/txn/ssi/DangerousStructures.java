package io.heliosdb.core.txn.ssi;

/**
 * Whether a new edge reader -> writer completes a dangerous structure T1 -> T2 -> T3 whose T3 commits first,
 * following the rules of PostgreSQL's implementation (predicate.c, in our own code): the edge is either the
 * second one (writer is T3... no: the writer is the pivot T2, with an edge out to a T3 that prepared first) or
 * the first one out of a pivot (the reader is T2, the writer T3, prepared already). Read-only transactions get
 * the refinement of Ports and Grittner: a read-only T1 is harmless unless T3 committed before T1's snapshot.
 */
final class DangerousStructures {
    private DangerousStructures() {
    }

    static boolean completedBy(SerializableTransaction reader, SerializableTransaction writer) {
        return writerIsPivot(reader, writer) || readerIsPivot(reader, writer);
    }

    /** reader -> writer -> t3, where t3 prepared before reader and writer committed (and, reader read-only, before its snapshot). */
    private static boolean writerIsPivot(SerializableTransaction reader, SerializableTransaction writer) {
        if (writer.releasedOutPrepareSeq != SerializableTransaction.NEVER
                && t3First(writer.releasedOutPrepareSeq, reader, writer)) {
            return true;
        }
        for (SerializableTransaction t3 : writer.out) {
            if (t3.prepared() && t3First(t3.prepareSeq, reader, writer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean t3First(long t3Prepare, SerializableTransaction reader, SerializableTransaction writer) {
        return (!reader.committed() || t3Prepare <= reader.commitSeq)
                && (!writer.committed() || t3Prepare <= writer.commitSeq)
                && (!reader.readOnly || t3Prepare <= reader.snapshotSeq);
    }

    /**
     * t0 -> reader -> writer, the writer prepared: an anomaly unless t0 committed before the writer prepared,
     * or t0 is read-only and took its snapshot before the writer prepared. A read-only reader is never a pivot.
     */
    private static boolean readerIsPivot(SerializableTransaction reader, SerializableTransaction writer) {
        if (!writer.prepared() || reader.readOnly) {
            return false;
        }
        if (reader.releasedInCommitSeq >= writer.prepareSeq) {
            return true;
        }
        for (SerializableTransaction t0 : reader.in) {
            if (!t0.doomed && (!t0.committed() || t0.commitSeq >= writer.prepareSeq)
                    && (!t0.readOnly || t0.snapshotSeq >= writer.prepareSeq)) {
                return true;
            }
        }
        return false;
    }
}
