package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.TableConstraint;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns written constraints into catalog constraints: resolves columns and referenced tables,
 * checks CHECK expressions, and picks PostgreSQL's names for unnamed ones ({@code t_a_key},
 * {@code t_a_check}, {@code t_a_fkey}, with a number appended while the name is taken).
 */
public final class ConstraintBinder {
    private final SchemaLookup schema;

    public ConstraintBinder(SchemaLookup schema) {
        this.schema = schema;
    }

    /**
     * The catalog form of {@code c} on {@code table} (whose columns and primary key are final).
     * {@code taken} says whether a name is already used by a relation or another constraint.
     */
    public ConstraintDef bind(TableDef table, TableConstraint c, Predicate<String> taken) {
        if (c instanceof TableConstraint.PrimaryKey pk) {
            return new ConstraintDef.PrimaryKey(pk.name() != null ? pk.name() : table.name() + "_pkey");
        } else if (c instanceof TableConstraint.Unique u) {
            List<Integer> columns = columns(table, u.columns(), "key");
            String name = u.name() != null ? u.name() : choose(table.name() + "_" + String.join("_", u.columns()), "key", taken);
            return new ConstraintDef.Unique(name, columns);
        } else if (c instanceof TableConstraint.Check k) {
            bindCheck(table, k.expr());
            String column = k.column() != null ? k.column() : firstColumn(k.expr());
            String name = k.name() != null ? k.name()
                    : choose(column == null ? table.name() : table.name() + "_" + column, "check", taken);
            return new ConstraintDef.Check(name, k.text());
        }
        TableConstraint.ForeignKey f = (TableConstraint.ForeignKey) c;
        List<Integer> columns = columns(table, f.columns(), "key");
        String refName = f.refTable().name();
        TableDef ref = refName.equals(table.name()) ? table : SelectAnalyzer.table(schema, f.refTable());
        List<Integer> refColumns;
        if (f.refColumns().isEmpty()) {
            if (!ref.hasPrimaryKey()) {
                throw new HeliosException(SqlState.INVALID_FOREIGN_KEY,
                        "there is no primary key for referenced table \"" + ref.name() + "\"");
            }
            refColumns = ref.primaryKey();
        } else {
            refColumns = columns(ref, f.refColumns(), "foreign key");
            if (!isUniqueKey(ref, refColumns)) {
                throw new HeliosException(SqlState.INVALID_FOREIGN_KEY,
                        "there is no unique constraint matching given keys for referenced table \"" + ref.name() + "\"");
            }
        }
        if (refColumns.size() != columns.size()) {
            throw new HeliosException(SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key disagree");
        }
        String name = f.name() != null ? f.name() : choose(table.name() + "_" + String.join("_", f.columns()), "fkey", taken);
        ForeignKeyTypes.check(name, table, columns, ref, refColumns);
        return new ConstraintDef.ForeignKey(name, columns, ref.name(), refColumns, f.onDelete(), f.onUpdate());
    }

    /** Whether the columns (in any order) are the primary key or a unique index of the table. */
    private boolean isUniqueKey(TableDef table, List<Integer> columns) {
        if (sameSet(table.primaryKey(), columns)) {
            return true;
        }
        for (ConstraintDef c : table.constraints()) {
            if (c instanceof ConstraintDef.Unique u && sameSet(u.columns(), columns)) {
                return true;
            }
        }
        for (IndexDef index : schema.indexes(table.name())) {
            if (index.unique() && sameSet(index.columns(), columns)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSet(List<Integer> a, List<Integer> b) {
        return a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
    }

    /** Binds a CHECK expression over the table's row as a boolean condition. */
    public static BoundExpr bindCheck(TableDef table, Expr expr) {
        ExpressionBinder binder = new ExpressionBinder(Scope.of(table.name(), table), new ParameterTypes(List.of()),
                "check constraints");
        return binder.bindCondition(expr, "CHECK");
    }

    /** Binds a stored CHECK constraint's text over the table's row. */
    public static BoundExpr bindCheck(TableDef table, ConstraintDef.Check check) {
        return bindCheck(table, SqlParser.parseExpression(check.expression()));
    }

    /** A column's DEFAULT (SQL text in the catalog) bound to the column's type. */
    public static BoundExpr bindDefault(io.heliosdb.sql.schema.ColumnDef column) {
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, new ParameterTypes(List.of()), "DEFAULT expressions");
        return binder.assign(binder.bind(SqlParser.parseExpression(column.defaultExpression())), column.type(),
                column.typmod(), column.name(), "default expression");
    }

    private static List<Integer> columns(TableDef table, List<String> names, String what) {
        List<Integer> out = new ArrayList<>();
        for (String name : names) {
            int i = table.columnIndex(name);
            if (i < 0) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" named in " + what
                        + " does not exist");
            }
            out.add(i);
        }
        return out;
    }

    private static String choose(String base, String suffix, Predicate<String> taken) {
        String name = base + "_" + suffix;
        for (int n = 1; taken.test(name); n++) {
            name = base + "_" + suffix + n;
        }
        return name;
    }

    /** The first column a CHECK expression mentions (PostgreSQL names the constraint after it). */
    private static String firstColumn(Expr e) {
        if (e instanceof Expr.ColumnRef r) {
            return r.column();
        }
        for (java.lang.reflect.RecordComponent rc : e.getClass().getRecordComponents()) {
            try {
                Object v = rc.getAccessor().invoke(e);
                if (v instanceof Expr child) {
                    String found = firstColumn(child);
                    if (found != null) {
                        return found;
                    }
                } else if (v instanceof List<?> list) {
                    for (Object o : list) {
                        String found = o instanceof Expr child ? firstColumn(child) : null;
                        if (found != null) {
                            return found;
                        }
                    }
                }
            } catch (ReflectiveOperationException ex) {
                return null;
            }
        }
        return null;
    }
}
