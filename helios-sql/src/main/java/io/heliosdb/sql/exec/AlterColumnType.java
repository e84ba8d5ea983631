package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.analyze.ColumnConversions;
import io.heliosdb.sql.analyze.ConstraintBinder;
import io.heliosdb.sql.analyze.ForeignKeyTypes;
import io.heliosdb.sql.ast.AlterTable;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ALTER TABLE ... ALTER COLUMN c [SET DATA] TYPE t [USING expr]: every row is rewritten with the converted
 * value (bad data fails the statement with the cast's own error, and the whole statement rolls back with
 * the transaction's overlay); the kernel re-encodes the key and rebuilds every index under the new type.
 * NOT NULL and CHECK constraints are checked against the converted rows, the default must still convert,
 * and foreign keys must keep matching types.
 */
final class AlterColumnType {

    private AlterColumnType() {
    }

    static void apply(Runtime rt, TableDef t, AlterTable.AlterType change) {
        ExecutionContext ctx = rt.context();
        int index = t.columnIndex(change.column());
        if (index < 0) {
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + change.column() + "\" of relation \""
                    + t.name() + "\" does not exist");
        }
        ColumnDef old = t.columns().get(index);
        refuseIfUsedByView(ctx, t, old.name());
        io.heliosdb.sql.ast.TypeName type = io.heliosdb.sql.analyze.CompositeTypes.resolve(ctx, change.type());
        Evaluator convert = ExpressionCompiler.compile(io.heliosdb.sql.analyze.CompositeTypes.with(ctx,
                () -> ColumnConversions.conversion(t, index, type, change.using())));
        ColumnDef changed = new ColumnDef(old.name(), type.type(), type.typmod(), old.notNull(),
                old.defaultExpression());
        ColumnConversions.checkDefault(old, changed);
        List<ColumnDef> columns = new ArrayList<>(t.columns());
        columns.set(index, changed);
        TableDef next = new TableDef(t.id(), t.name(), columns, t.primaryKey(), t.constraints());
        checkForeignKeys(ctx, next, index);
        List<Evaluator> checks = new ArrayList<>();
        List<String> checkNames = new ArrayList<>();
        for (ConstraintDef c : next.constraints()) {
            if (c instanceof ConstraintDef.Check k) {
                checks.add(ExpressionCompiler.compile(ConstraintBinder.bindCheck(next, k)));
                checkNames.add(k.name());
            }
        }
        ctx.alterTable(t, next, row -> {
            Object[] out = row.clone();
            out[index] = convert.evaluate(row, rt);
            if (out[index] == null && changed.notNull()) {
                throw new HeliosException(SqlState.NOT_NULL_VIOLATION, "column \"" + changed.name() + "\" of relation \""
                        + t.name() + "\" contains null values", null, null, 0, null);
            }
            for (int k = 0; k < checks.size(); k++) {
                if (Boolean.FALSE.equals(checks.get(k).evaluate(out, rt))) {
                    throw new HeliosException(SqlState.CHECK_VIOLATION, "check constraint \"" + checkNames.get(k)
                            + "\" of relation \"" + t.name() + "\" is violated by some row", null, null, 0, null,
                            checkNames.get(k));
                }
            }
            return out;
        }, i -> i);
    }

    /**
     * PostgreSQL refuses to change the type of a column a view reads (0A000). Views keep their query as
     * text, so a view over the table that names the column (or selects *) counts as reading it.
     */
    private static void refuseIfUsedByView(ExecutionContext ctx, TableDef t, String column) {
        Pattern name = Pattern.compile("(?<![\\w$\"])(" + Pattern.quote(column) + "|\"" + Pattern.quote(column)
                + "\")(?![\\w$\"])|\\*", Pattern.CASE_INSENSITIVE);
        for (ViewDef v : ctx.views()) {
            if (v.dependsOn().contains(t.name()) && name.matcher(withoutLiterals(v.writtenQuery())).find()) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                        "cannot alter type of a column used by a view or rule",
                        "rule _RETURN on view " + v.name() + " depends on column \"" + column + "\"", null, 0, null);
            }
        }
    }

    /** The text with its string literals emptied, so a column name inside a literal does not count. */
    private static String withoutLiterals(String sql) {
        return sql.replaceAll("'(?:[^']|'')*'", "''").toLowerCase(Locale.ROOT);
    }

    /** 42804 when a foreign key through the column would compare values of incompatible types. */
    private static void checkForeignKeys(ExecutionContext ctx, TableDef next, int index) {
        for (TableDef table : ctx.tables()) {
            TableDef child = table.name().equals(next.name()) ? next : table;
            for (ConstraintDef c : child.constraints()) {
                if (!(c instanceof ConstraintDef.ForeignKey f)) {
                    continue;
                }
                boolean childSide = child == next && f.columns().contains(index);
                boolean parentSide = f.refTable().equals(next.name()) && f.refColumns().contains(index);
                if (!childSide && !parentSide) {
                    continue;
                }
                TableDef parent = f.refTable().equals(next.name()) ? next : ctx.table(f.refTable()).orElseThrow();
                ForeignKeyTypes.check(f.name(), child, f.columns(), parent, f.refColumns());
            }
        }
    }
}
