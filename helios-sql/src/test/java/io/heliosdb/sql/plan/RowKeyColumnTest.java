package io.heliosdb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.Analyzer;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UPDATE ... FROM and DELETE ... USING carry the target's row key the same way SELECT ... FOR UPDATE does. */
class RowKeyColumnTest {
    private static final TableDef T = new TableDef(1, "t", List.of(
            new ColumnDef("a", SqlType.INTEGER, -1, true, null),
            new ColumnDef("b", SqlType.TEXT, -1, false, null)), List.of(0));
    private static final TableDef U = new TableDef(2, "u", List.of(
            new ColumnDef("x", SqlType.INTEGER, -1, false, null)), List.of());
    private static final SchemaLookup SCHEMA = name -> name.equals("t") ? Optional.of(T)
            : name.equals("u") ? Optional.of(U) : Optional.empty();

    private static BoundStatement plan(String sql) {
        Statement ast = (Statement) SqlParser.parseScript(sql).get(0).ast();
        return Planner.optimize(new Analyzer(SCHEMA, List.of()).analyze(ast), SCHEMA);
    }

    /** The tables the plan's scans read keyed. */
    private static List<String> keyedScans(LogicalPlan p, List<String> out) {
        TableDef keyed = RowKeyColumn.keyedScan(p);
        if (keyed != null) {
            out.add(keyed.name() + "/" + keyed.columns().size());
        }
        for (java.lang.reflect.RecordComponent c : p.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(p);
                if (v instanceof LogicalPlan child) {
                    keyedScans(child, out);
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Test
    void updateFrom_readsOnlyTheTargetKeyed_withTheKeyAfterItsColumns() {
        BoundStatement.Update update = (BoundStatement.Update) plan("update t set b = 'x' from u where u.x = t.a");
        assertThat(keyedScans(update.target(), new ArrayList<>())).containsExactly("t/3");
        assertThat(update.keySlot()).isEqualTo(2);
    }

    @Test
    void deleteUsing_readsOnlyTheTargetKeyed() {
        BoundStatement.Delete delete = (BoundStatement.Delete) plan("delete from t using u where u.x = t.a and t.a = 1");
        assertThat(keyedScans(delete.target(), new ArrayList<>())).containsExactly("t/3");
        assertThat(delete.keySlot()).isEqualTo(2);
    }

    @Test
    void plainSelect_readsNothingKeyed() {
        BoundStatement.Query q = (BoundStatement.Query) plan("select * from t join u on u.x = t.a");
        assertThat(keyedScans(q.plan(), new ArrayList<>())).isEmpty();
    }
}
