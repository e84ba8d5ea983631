package io.heliosdb.sql.analyze;

import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.RowKeyColumn;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;

/**
 * The target of UPDATE ... FROM and DELETE ... USING: the table (with its row keys) inner-joined to the
 * other items and filtered by WHERE, laid out as the table's columns, its row key, then the items'
 * columns. The table is read keyed (see {@link RowKeyColumn}, shared with SELECT ... FOR UPDATE), so the
 * planner orders this join like any other and a keyed join becomes a hash or index join.
 */
final class JoinedTargets {

    /** The joined plan, the scope its rows are laid out in, where the row key sits, and a binder source. */
    record Target(LogicalPlan plan, Scope scope, int keySlot, SelectAnalyzer analyzer) {
        ExpressionBinder binder(String clause) {
            return analyzer.binder(scope, clause);
        }
    }

    private JoinedTargets() {
    }

    static Target of(SchemaLookup schema, ParameterTypes parameters, TableName name, TableDef table,
                     List<FromItem> items, Expr where) {
        SelectAnalyzer analyzer = new SelectAnalyzer(schema, parameters);
        SelectAnalyzer.Source from = analyzer.fromList(items);
        Scope scope = Scope.of(name.exposedName(), table).concat(from.scope(), 0, 1);
        LogicalPlan plan = new LogicalPlan.Join(
                new LogicalPlan.Scan(RowKeyColumn.keyed(table, name.exposedName())), from.plan(),
                null, LogicalPlan.JoinKind.INNER);
        if (where != null) {
            plan = new LogicalPlan.Filter(plan, analyzer.binder(scope, "WHERE").bindCondition(where, "WHERE"));
        }
        return new Target(plan, scope, table.columns().size(), analyzer);
    }
}
