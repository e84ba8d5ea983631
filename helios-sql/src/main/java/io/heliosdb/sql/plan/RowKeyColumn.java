package io.heliosdb.sql.plan;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The hidden column that carries each row's storage key through a plan (PostgreSQL's junk ctid column):
 * the one mechanism for the tables a {@code FOR UPDATE} locks and for the target of UPDATE ... FROM /
 * DELETE ... USING. Such a table is read "keyed": its definition gets this column appended, so every
 * plan node above sees one more column and binds by position as usual, and the executor appends the
 * cursor's row key to each row it reads. Because the node is an ordinary scan, every access-path and
 * join rule applies to it unchanged. Ordinary queries never see it.
 */
public final class RowKeyColumn {
    /** Starts the name; a NUL cannot be written in SQL, so no user name resolves to it. */
    private static final String PREFIX = "\u0000rowkey:";

    private RowKeyColumn() {
    }

    /** The column's name for the FROM entry exposed as {@code alias}. */
    public static String name(String alias) {
        return PREFIX + alias;
    }

    /** {@code table} with the key column appended. */
    public static TableDef keyed(TableDef table, String alias) {
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.add(new ColumnDef(name(alias), SqlType.BYTEA, -1, false, null));
        return new TableDef(table.id(), table.name(), columns, table.primaryKey(), table.constraints());
    }

    public static boolean isKey(ColumnDef column) {
        return column.name().startsWith(PREFIX);
    }

    public static boolean isKeyed(TableDef table) {
        return !table.columns().isEmpty() && isKey(table.columns().get(table.columns().size() - 1));
    }

    /** The table as stored (without the key column). */
    public static TableDef stored(TableDef keyed) {
        return new TableDef(keyed.id(), keyed.name(), keyed.columns().subList(0, keyed.columns().size() - 1),
                keyed.primaryKey(), keyed.constraints());
    }

    /** The table a scan node reads keyed, or null when {@code plan} is not such a scan. */
    public static TableDef keyedScan(LogicalPlan plan) {
        TableDef table = null;
        if (plan instanceof LogicalPlan.Scan s) {
            table = s.table();
        } else if (plan instanceof LogicalPlan.Lookup l) {
            table = l.table();
        } else if (plan instanceof LogicalPlan.IndexScan i) {
            table = i.table();
        }
        return table != null && isKeyed(table) ? table : null;
    }

    /** The same scan reading the stored table (the executor appends the key itself). */
    public static LogicalPlan unkeyed(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Scan s) {
            return new LogicalPlan.Scan(stored(s.table()));
        } else if (plan instanceof LogicalPlan.Lookup l) {
            return new LogicalPlan.Lookup(stored(l.table()), l.key());
        }
        LogicalPlan.IndexScan i = (LogicalPlan.IndexScan) plan;
        return new LogicalPlan.IndexScan(stored(i.table()), i.index(), i.prefix(), i.in(), i.lower(),
                i.lowerInclusive(), i.upper(), i.upperInclusive(), i.reverse(), i.conditions());
    }
}
