package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.core.encoding.SelectiveRowDecoder;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.LatestRowRead;
import io.heliosdb.core.txn.StatementReads;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.sql.PointQuery;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;

/**
 * A prepared point SELECT by primary key ({@link PointQuery}) run without the executor: bind, encode the
 * row key into one buffer, read one row, decode only the columns the query reads. Outside a transaction
 * block the read takes no transaction at all ({@link LatestRowRead}) and decodes straight out of the
 * stored version; inside one it reads through the statement's reads as the plan would. What the executor
 * adds (an execution context, table rows, operators, a streaming result) costs more than the read itself
 * here. Made once per plan.
 */
final class PointRead {
    private final PointQuery query;
    private final long tableId;
    private final SqlType[] keyTypes;
    private final SelectiveRowDecoder decoder;
    private final List<Column> columns;

    private PointRead(StatementPlan plan, PointQuery query) {
        this.query = query;
        TableDef table = query.table();
        this.tableId = table.id();
        List<ColumnDef> defs = table.columns();
        SqlType[] types = new SqlType[defs.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = defs.get(i).type();
        }
        this.keyTypes = new SqlType[table.primaryKey().size()];
        for (int i = 0; i < keyTypes.length; i++) {
            keyTypes[i] = types[table.primaryKey().get(i)];
        }
        this.decoder = new SelectiveRowDecoder(types, query.columns());
        this.columns = plan.columns();
    }

    /** The point read for {@code plan}, or null when it is no point query (or reads a system view). */
    static PointRead of(StatementPlan plan) {
        PointQuery query = plan.pointQuery();
        if (query == null || SystemViews.isView(query.table()) || !query.table().hasPrimaryKey()) {
            return null;
        }
        return new PointRead(plan, query);
    }

    /** Runs the query outside a transaction block, at the newest applied commit. */
    QueryResult run(LatestRowRead rows, Object[] params, QueryMetrics metrics) {
        Object[] bound = query.bind(params);
        byte[] rowKey = rowKey(bound);
        return result(rowKey == null ? null : rows.read(rowKey, decoder), bound, metrics);
    }

    /**
     * Runs the query inside transaction {@code t} as its ordinary plan would: through the statement's
     * reads (the block's snapshot under REPEATABLE READ, a new one under READ COMMITTED), its own writes on top.
     */
    QueryResult run(TransactionalStore store, Transaction t, Object[] params, QueryMetrics metrics) {
        Object[] bound = query.bind(params);
        byte[] rowKey = rowKey(bound);
        Object[] row = null;
        try (StatementReads reads = store.openReads(t)) {
            byte[] stored = rowKey == null ? null : reads.reader().get(CatalogKeys.ROWS, rowKey);
            if (stored != null) {
                row = decoder.decode(stored, 0);
            }
        }
        return result(row, bound, metrics);
    }

    private QueryResult result(Object[] row, Object[] bound, QueryMetrics metrics) {
        if (row == null) {
            return new PointResult(columns, null);
        }
        metrics.rowsRead(1);
        return new PointResult(columns, query.output(row, bound));
    }

    /** The storage key: table id then the key values, in one buffer; null when no stored key can equal it. */
    private byte[] rowKey(Object[] bound) {
        Object[] key = query.key(bound);
        if (key == null) {
            return null;
        }
        ByteWriter out = new ByteWriter(8 + 8 * key.length);
        out.writeLongBE(tableId);
        try {
            for (int i = 0; i < key.length; i++) {
                KeyEncoder.append(out, keyTypes[i], key[i]);
            }
        } catch (HeliosException e) {
            // As TableRows.lookup: a value no column value can equal (e.g. out of the column type's range).
            if (e.sqlState() == SqlState.NUMERIC_VALUE_OUT_OF_RANGE || e.sqlState() == SqlState.NOT_NULL_VIOLATION) {
                return null;
            }
            throw e;
        }
        return out.toByteArray();
    }
}
