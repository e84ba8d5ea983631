package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.schema.TableDef;

/**
 * Relation sizes for pg_relation_size and friends: the bytes of the keys and values a statement's snapshot
 * sees in the relation's key range. The storage SPI estimates sizes only per keyspace (all tables share
 * one), so a relation's size is counted by reading its range: exact, and as costly as a scan.
 */
public final class RelationSizes {
    private final KvReader reader;

    RelationSizes(KvReader reader) {
        this.reader = reader;
    }

    /** The bytes of a table's rows (its primary key is the row key, so this includes it). */
    public long table(TableDef table) {
        return bytes(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()), CatalogKeys.rowPrefixEnd(table.id()));
    }

    /** The bytes of a secondary index's entries. */
    public long index(StoredIndex index) {
        return bytes(CatalogKeys.INDEXES, IndexKeys.start(index), IndexKeys.end(index));
    }

    private long bytes(String keyspace, byte[] from, byte[] to) {
        long total = 0;
        try (KvCursor c = reader.scan(keyspace, from, to, false)) {
            while (c.next()) {
                total += c.key().length + c.value().length;
            }
        }
        return total;
    }
}
