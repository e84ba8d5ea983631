package io.heliosdb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.RowLockMode;
import io.heliosdb.sql.RowLockWait;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.Analyzer;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.ast.LockingQuery;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where SELECT ... FOR UPDATE puts its LockRows step, and which scans carry the row key. */
class LockingPlanTest {
    private static final TableDef T = new TableDef(1, "t", List.of(
            new ColumnDef("a", SqlType.INTEGER, -1, true, null),
            new ColumnDef("b", SqlType.TEXT, -1, true, null),
            new ColumnDef("c", SqlType.INTEGER, -1, false, null)), List.of(0, 1));
    private static final IndexDef ON_C = new IndexDef("t_c", "t", List.of(2), List.of(false), false);

    private static LogicalPlan plan(String sql, boolean indexed) {
        SchemaLookup schema = new SchemaLookup() {
            @Override
            public Optional<TableDef> table(String name) {
                return name.equals("t") ? Optional.of(T) : Optional.empty();
            }

            @Override
            public List<IndexDef> indexes(String table) {
                return indexed && table.equals("t") ? List.of(ON_C) : List.of();
            }
        };
        Statement ast = (Statement) SqlParser.parseScript(sql).get(0).ast();
        return ((BoundStatement.Query) Planner.optimize(new Analyzer(schema, List.of()).analyze(ast), schema)).plan();
    }

    private static String shape(LogicalPlan p) {
        String name = p.getClass().getSimpleName();
        LogicalPlan input = p instanceof LogicalPlan.Filter f ? f.input()
                : p instanceof LogicalPlan.Project x ? x.input()
                : p instanceof LogicalPlan.Sort s ? s.input()
                : p instanceof LogicalPlan.Limit l ? l.input()
                : p instanceof LogicalPlan.LockRows r ? r.input() : null;
        return input == null ? name : name + "(" + shape(input) + ")";
    }

    private static LogicalPlan leaf(LogicalPlan p) {
        while (true) {
            if (p instanceof LogicalPlan.Filter f) {
                p = f.input();
            } else if (p instanceof LogicalPlan.Project x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Sort s) {
                p = s.input();
            } else if (p instanceof LogicalPlan.Limit l) {
                p = l.input();
            } else if (p instanceof LogicalPlan.LockRows r) {
                p = r.input();
            } else {
                return p;
            }
        }
    }

    @Test
    void lockRows_sitsAboveTheSortAndBelowTheLimit() {
        // The inner Project drops the hidden ORDER BY column c; the key column stays until the top one.
        LogicalPlan p = plan("select a from t order by c limit 1 for update skip locked", false);
        assertThat(shape(p)).isEqualTo("Project(Limit(LockRows(Project(Sort(Project(Scan))))))");
        assertThat(p.columns()).hasSize(1);
        LogicalPlan.LockRows lock = (LogicalPlan.LockRows) ((LogicalPlan.Limit) ((LogicalPlan.Project) p).input()).input();
        assertThat(lock.targets()).containsExactly(new LogicalPlan.LockTarget(1, T, RowLockMode.UPDATE,
                RowLockWait.SKIP_LOCKED));
        assertThat(RowKeyColumn.keyedScan(leaf(p))).isNotNull();
    }

    @Test
    void lockingQuery_keepsKeyLookupsAndOrderedIndexScans() {
        assertThat(shape(plan("select c from t where a = 1 and b = 'x' for update", false)))
                .isEqualTo("Project(LockRows(Project(Filter(Lookup))))");
        LogicalPlan ordered = plan("select a from t order by c limit 1 for share", true);
        assertThat(shape(ordered)).isEqualTo("Project(Limit(LockRows(Project(Project(IndexScan)))))");
        assertThat(RowKeyColumn.keyedScan(leaf(ordered))).isNotNull();
    }

    @Test
    void ordinaryQuery_readsNoKeyColumn() {
        LogicalPlan p = plan("select * from t order by c limit 1", false);
        assertThat(RowKeyColumn.keyedScan(leaf(p))).isNull();
        assertThat(p.columns()).hasSize(3);
    }

    @Test
    void clauses_parseWithStrengthTablesAndWaitPolicy() {
        LockingQuery q = (LockingQuery) SqlParser.parseScript(
                "select * from t for no key update of t nowait for key share for share skip locked limit 3")
                .get(0).ast();
        assertThat(q.clauses()).extracting(LockingQuery.Clause::mode)
                .containsExactly(RowLockMode.NO_KEY_UPDATE, RowLockMode.KEY_SHARE, RowLockMode.SHARE);
        assertThat(q.clauses()).extracting(LockingQuery.Clause::waitPolicy)
                .containsExactly(RowLockWait.NOWAIT, RowLockWait.BLOCK, RowLockWait.SKIP_LOCKED);
        assertThat(q.clauses().get(0).tables()).hasSize(1);
        assertThat(q.query().limit()).isNotNull();
    }
}
