package io.heliosdb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.Analyzer;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final TableDef T = new TableDef(1, "t", List.of(
            new ColumnDef("a", SqlType.INTEGER, -1, true, null),
            new ColumnDef("b", SqlType.TEXT, -1, true, null),
            new ColumnDef("c", SqlType.INTEGER, -1, false, null)), List.of(0, 1));
    private static final SchemaLookup SCHEMA = name -> name.equals("t") ? Optional.of(T) : Optional.empty();

    private static LogicalPlan plan(String sql) {
        Statement ast = (Statement) SqlParser.parseScript(sql).get(0).ast();
        BoundStatement bound = Planner.optimize(new Analyzer(SCHEMA, List.of()).analyze(ast));
        if (bound instanceof BoundStatement.Query q) {
            return q.plan();
        } else if (bound instanceof BoundStatement.Delete d) {
            return d.target();
        }
        throw new AssertionError(bound);
    }

    /** The plan's spine from the top, as node class names. */
    private static String shape(LogicalPlan p) {
        String name = p.getClass().getSimpleName();
        if (p instanceof LogicalPlan.Filter f) {
            return name + "(" + shape(f.input()) + ")";
        } else if (p instanceof LogicalPlan.Project pr) {
            return name + "(" + shape(pr.input()) + ")";
        } else if (p instanceof LogicalPlan.Sort s) {
            return name + "(" + shape(s.input()) + ")";
        } else if (p instanceof LogicalPlan.Limit l) {
            return name + "(" + shape(l.input()) + ")";
        } else if (p instanceof LogicalPlan.Aggregate a) {
            return name + "(" + shape(a.input()) + ")";
        }
        return name;
    }

    @Test
    void constantFolding_evaluatesConstantSubtreesOnce() {
        LogicalPlan.Project p = (LogicalPlan.Project) plan("select 1 + 2 * 3, 'a' || 'b', c + (2 - 1) from t");
        assertThat(p.expressions().get(0)).isEqualTo(new BoundExpr.Const(7, SqlType.INTEGER));
        assertThat(p.expressions().get(1)).isEqualTo(new BoundExpr.Const("ab", SqlType.TEXT));
        assertThat(((BoundExpr.ArithmeticOp) p.expressions().get(2)).right()).isEqualTo(new BoundExpr.Const(1, SqlType.INTEGER));
    }

    @Test
    void constantFolding_leavesFailingExpressionsForRunTime() {
        LogicalPlan.Project p = (LogicalPlan.Project) plan("select 1 / 0 from t where false");
        assertThat(p.expressions().get(0)).isInstanceOf(BoundExpr.ArithmeticOp.class);
    }

    @Test
    void wholeKeyEquality_becomesLookup() {
        assertThat(shape(plan("select c from t where b = 'x' and a = 1 and c > 0"))).isEqualTo("Project(Filter(Lookup))");
        LogicalPlan.Lookup lookup = (LogicalPlan.Lookup) ((LogicalPlan.Filter) ((LogicalPlan.Project)
                plan("select c from t where b = $2 and a = $1")).input()).input();
        assertThat(lookup.key()).containsExactly(new BoundExpr.ParamRef(0, SqlType.INTEGER), new BoundExpr.ParamRef(1, SqlType.TEXT));
        assertThat(shape(plan("delete from t where a = 1 and b = 'q'"))).isEqualTo("Filter(Lookup)");
    }

    @Test
    void partialKeyOrDisjunction_staysAScan() {
        assertThat(shape(plan("select c from t where a = 1"))).isEqualTo("Project(Filter(Scan))");
        assertThat(shape(plan("select c from t where a = 1 or b = 'x'"))).isEqualTo("Project(Filter(Scan))");
        assertThat(shape(plan("select c from t where a = c and b = 'x'"))).isEqualTo("Project(Filter(Scan))");
        assertThat(shape(plan("select c from t where a = 1.5 and b = 'x'"))).isEqualTo("Project(Filter(Scan))");
    }

    @Test
    void selectPipeline_ordersOperatorsLikePostgres() {
        assertThat(shape(plan("select b, count(*) from t where c > 1 group by b having count(*) > 1 order by 2 limit 3")))
                .isEqualTo("Limit(Sort(Project(Filter(Aggregate(Filter(Scan))))))");
        assertThat(shape(plan("select b from t order by c"))).isEqualTo("Project(Sort(Project(Scan)))");
    }

    @Test
    void indexRules_chooseBoundsResidualFilterAndOrder() {
        io.heliosdb.sql.schema.IndexDef onC = new io.heliosdb.sql.schema.IndexDef("t_c", "t", List.of(2), List.of(false), false);
        SchemaLookup indexed = new SchemaLookup() {
            @Override
            public Optional<TableDef> table(String name) {
                return SCHEMA.table(name);
            }

            @Override
            public List<io.heliosdb.sql.schema.IndexDef> indexes(String table) {
                return table.equals("t") ? List.of(onC) : List.of();
            }
        };
        java.util.function.Function<String, LogicalPlan> plan = sql -> ((BoundStatement.Query) Planner.optimize(
                new Analyzer(indexed, List.of()).analyze((Statement) SqlParser.parseScript(sql).get(0).ast()), indexed)).plan();
        assertThat(shape(plan.apply("select a from t where c = 1"))).isEqualTo("Project(IndexScan)");
        assertThat(shape(plan.apply("select a from t where c > 1 and a = 2"))).isEqualTo("Project(Filter(IndexScan))");
        assertThat(shape(plan.apply("select a from t where c in (1, 2)"))).isEqualTo("Project(IndexScan)");
        assertThat(shape(plan.apply("select a from t where a = 1 and b = 'x' and c = 1"))).isEqualTo("Project(Filter(Lookup))");
        assertThat(shape(plan.apply("select a from t where c <> 1"))).isEqualTo("Project(Filter(Scan))");
        assertThat(shape(plan.apply("select a from t order by c desc limit 1"))).isEqualTo("Project(Limit(Project(IndexScan)))");
        assertThat(shape(plan.apply("select a from t order by c desc nulls last limit 1"))).contains("Sort");
    }
}
