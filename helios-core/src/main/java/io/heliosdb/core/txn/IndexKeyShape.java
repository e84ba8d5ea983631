package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.StoredIndex;
import java.util.List;

/**
 * The key column types and directions of one index, enough to find where each component of an
 * {@link IndexKeys} entry key ends without decoding it. The index cache needs this to invalidate
 * equality-prefix lookups: a commit only carries entry keys, and the cached prefixes of an entry are its
 * first 1..n-1 components. An index id always has one shape (a table rewrite builds its indexes under new
 * ids), so the shape registered by a lookup is the one every entry under that id was written with.
 */
record IndexKeyShape(List<SqlType> types, List<Boolean> descending) {

    static IndexKeyShape of(StoredIndex index, List<SqlType> keyTypes) {
        return new IndexKeyShape(List.copyOf(keyTypes), List.copyOf(index.definition().descending()));
    }

    /**
     * The end offset of each key component of {@code key} (components start after the 8-byte index id),
     * or null when the bytes before {@code limit} do not parse as this shape's components.
     */
    int[] componentEnds(byte[] key, int limit) {
        int[] ends = new int[types.size()];
        int at = 8;
        for (int i = 0; i < ends.length; i++) {
            at = componentEnd(key, at, limit, types.get(i), descending.get(i) ? 0xFF : 0);
            if (at < 0) {
                return null;
            }
            ends[i] = at;
        }
        return ends;
    }

    /** The end of the component at {@code at} (marker, then the value's key encoding), or -1 past {@code limit}. */
    private static int componentEnd(byte[] key, int at, int limit, SqlType type, int mask) {
        if (at >= limit) {
            return -1;
        }
        int marker = (key[at] ^ mask) & 0xFF;
        if (marker == 0x02) {
            return at + 1; // NULL: the marker alone
        }
        if (marker != 0x01) {
            return -1;
        }
        int start = at + 1;
        int end = switch (type) {
            case BOOLEAN -> start + 1;
            case SMALLINT -> start + 2;
            case INTEGER, REAL -> start + 4;
            case BIGINT, DOUBLE, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, INTERVAL -> start + 8;
            case TIMETZ -> start + 12;
            case UUID -> start + 16;
            case NUMERIC -> numericEnd(key, start, limit, mask);
            // text-like, bytea and arrays: 0x00 escaped as 0x00 0xFF, ended by 0x00 0x00
            default -> escapedEnd(key, start, limit, mask);
        };
        return end <= limit ? end : -1;
    }

    /** Sign byte; zero ends there, else a 4-byte exponent and digit bytes up to 0x00 (0xFF when negative). */
    private static int numericEnd(byte[] key, int at, int limit, int mask) {
        if (at >= limit) {
            return -1;
        }
        int sign = (key[at] ^ mask) & 0xFF;
        if (sign == 0x02) {
            return at + 1;
        }
        int terminator = sign == 0x01 ? 0xFF : 0x00;
        for (int i = at + 5; i < limit; i++) {
            if (((key[i] ^ mask) & 0xFF) == terminator) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int escapedEnd(byte[] key, int at, int limit, int mask) {
        for (int i = at; i + 1 < limit; i++) {
            if (((key[i] ^ mask) & 0xFF) == 0) {
                int next = (key[i + 1] ^ mask) & 0xFF;
                if (next == 0) {
                    return i + 2;
                }
                i++; // 0x00 0xFF: an escaped zero byte
            }
        }
        return -1;
    }
}
