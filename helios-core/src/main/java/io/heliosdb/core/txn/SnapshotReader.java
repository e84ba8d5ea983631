package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;

/**
 * Reads the versioned keyspaces as of one commit timestamp: the newest version under the plain
 * key when it is old enough (one get), otherwise the newest older version from the versions
 * keyspace; deletions read as absent. See {@link VersionLayout}. With a {@link RowCache}, row gets try
 * the cache first (scans do not use it).
 */
final class SnapshotReader implements KvReader {
    private final KvReader base;
    private final long snapshotTs;
    private final RowCache cache;

    SnapshotReader(KvReader base, long snapshotTs) {
        this(base, snapshotTs, null);
    }

    SnapshotReader(KvReader base, long snapshotTs, RowCache cache) {
        this.base = base;
        this.snapshotTs = snapshotTs;
        this.cache = cache;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        if (cache != null && keyspace.equals(CatalogKeys.ROWS)) {
            byte[] newest = cache.newestVisible(key, snapshotTs);
            if (newest != null) {
                return VersionLayout.payload(newest);
            }
        }
        return visible(keyspace, key, base.get(keyspace, key));
    }

    private byte[] visible(String keyspace, byte[] key, byte[] newest) {
        if (newest == null) {
            return null;
        }
        if (VersionLayout.commitTs(newest) <= snapshotTs) {
            return VersionLayout.payload(newest);
        }
        try (KvCursor older = base.scan(VersionLayout.VERSIONS, VersionLayout.versionKey(keyspace, key, snapshotTs),
                VersionLayout.versionsEnd(keyspace, key), false)) {
            return older.next() ? VersionLayout.payload(older.value()) : null;
        }
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        KvCursor newest = base.scan(keyspace, from, to, reverse);
        return new KvCursor() {
            private byte[] key;
            private byte[] value;

            @Override
            public boolean next() {
                while (newest.next()) {
                    byte[] v = visible(keyspace, newest.key(), newest.value());
                    if (v != null) {
                        key = newest.key();
                        value = v;
                        return true;
                    }
                }
                key = null;
                value = null;
                return false;
            }

            @Override
            public byte[] key() {
                return key;
            }

            @Override
            public byte[] value() {
                return value;
            }

            @Override
            public void close() {
                newest.close();
            }
        };
    }
}
