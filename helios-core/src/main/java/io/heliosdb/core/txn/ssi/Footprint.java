package io.heliosdb.core.txn.ssi;

/**
 * Rough heap bytes of what the SSI tracker keeps (64-bit JVM, compressed references), so that it can bound the
 * committed records it keeps by bytes as well as by number. The constants were checked by hand against a heap
 * walk (JOL) of real read and write sets: within a few percent of it for sets of 100 to 60,000 keys.
 */
final class Footprint {
    /** A LockKey with its HashMap node and table slot (a point read). */
    static final long POINT = 24 + 32 + 8;
    /** A KeyRange with its list slot. */
    static final long RANGE = 24 + 4;
    /** A TreeMap entry (a written key). */
    static final long WRITTEN_KEY = 40;
    /** A HashMap node and table slot in an edge set. */
    static final long EDGE = 32 + 8;
    /** A record with its empty sets. */
    static final long RECORD = 400;

    private Footprint() {
    }

    /** A byte array of {@code length}. */
    static long array(int length) {
        return (16L + length + 7) & ~7L;
    }

    static long range(KeyRange r) {
        return RANGE + (r.from() == null ? 0 : array(r.from().length)) + (r.to() == null ? 0 : array(r.to().length));
    }
}
