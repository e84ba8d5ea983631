package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.TableDef;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an UPDATE changes a key column in PostgreSQL's sense: a column of a unique index (one a
 * foreign key may reference). Such an UPDATE locks the row FOR UPDATE; any other takes FOR NO KEY
 * UPDATE, which a foreign key check's FOR KEY SHARE does not wait for. (A primary key change moves
 * the row to a new storage key, which the caller sees without this class.)
 */
final class UniqueKeyChange {
    private UniqueKeyChange() {
    }

    /** {@code oldRow} null (no secondary index, or no row): nothing to compare, so no change. */
    static boolean changes(TableDef table, List<StoredIndex> indexes, Object[] oldRow, Object[] newRow) {
        if (oldRow == null) {
            return false;
        }
        for (StoredIndex index : indexes) {
            if (!index.definition().unique()) {
                continue;
            }
            // Compared as encoded key values, so values equal as keys (1.0 and 1.00) are no change.
            List<SqlType> keyTypes = IndexKeys.keyTypes(table, index);
            byte[] before = IndexKeys.valuePrefix(index, keyTypes, IndexKeys.keyValues(index, oldRow));
            byte[] after = IndexKeys.valuePrefix(index, keyTypes, IndexKeys.keyValues(index, newRow));
            if (!Arrays.equals(before, after)) {
                return true;
            }
        }
        return false;
    }
}
