package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.TypeName;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.types.TypeRules;
import java.util.List;

/**
 * The conversion of ALTER TABLE ... ALTER COLUMN c TYPE t [USING expr]: the new value of the column,
 * computed from the old row, as PostgreSQL allows it (an assignment cast from the old value, or from the
 * USING expression's value), and the check that the column's default still converts.
 */
public final class ColumnConversions {

    private ColumnConversions() {
    }

    /** The column's new value over a row of {@code table} (its layout before the change). */
    public static BoundExpr conversion(TableDef table, int column, TypeName type, Expr using) {
        ColumnDef old = table.columns().get(column);
        ExpressionBinder binder = new ExpressionBinder(Scope.of(table.name(), table), new ParameterTypes(List.of()),
                "transform expressions");
        BoundExpr value = using == null ? Scope.slot(Scope.of(table.name(), table).entries().get(0), column)
                : binder.bind(using);
        if (value.type() != SqlType.UNKNOWN && !TypeRules.assignmentCast(value.type(), type.type())) {
            String target = type.type().sqlName();
            if (using == null) {
                throw new HeliosException(SqlState.DATATYPE_MISMATCH, "column \"" + old.name()
                        + "\" cannot be cast automatically to type " + target, null, "You might need to specify \"USING "
                        + old.name() + "::" + new Column(old.name(), type.type(), type.typmod()).typeDisplay() + "\".", 0, null);
            }
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "result of USING clause for column \"" + old.name()
                    + "\" cannot be cast automatically to type " + target, null, "You might need to add an explicit cast.",
                    0, null);
        }
        return binder.assign(value, type.type(), type.typmod(), old.name(), "expression");
    }

    /**
     * 42804 unless the default of {@code old} converts to the column's new type. As PostgreSQL, the default's
     * own type counts (its assignment cast to the old type stripped): the text {@code 'x'} of a text column
     * does not become an integer, the {@code 3} of a column changed from integer to text does.
     */
    public static void checkDefault(ColumnDef old, ColumnDef changed) {
        if (old.defaultExpression() == null) {
            return;
        }
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, new ParameterTypes(List.of()), "DEFAULT expressions");
        SqlType own = binder.bind(SqlParser.parseExpression(old.defaultExpression())).type();
        if (own == SqlType.UNKNOWN) {
            own = old.type();
        }
        if (own != changed.type() && !TypeRules.assignmentCast(own, changed.type())) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH, "default for column \"" + changed.name()
                    + "\" cannot be cast automatically to type " + changed.type().sqlName());
        }
        ConstraintBinder.bindDefault(changed);
    }
}
