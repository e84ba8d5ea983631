package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How plans use the kernel: key lookups instead of scans, and rows streamed rather than collected. */
class ExecutionTest {

    private static StatementResult execute(ExecutionContext ctx, String sql, Object... params) {
        ParsedStatement parsed = SqlEngine.parse(sql).get(0);
        return SqlEngine.plan(parsed, ctx, List.of()).execute(ctx, params);
    }

    private static List<Object[]> rows(ExecutionContext ctx, String sql, Object... params) {
        List<Object[]> out = new ArrayList<>();
        try (StatementResult r = execute(ctx, sql, params)) {
            while (r.next()) {
                out.add(r.row());
            }
        }
        return out;
    }

    @Test
    void wholePrimaryKeyEquality_usesLookupAndNeverScans() {
        InMemoryContext ctx = new InMemoryContext();
        rows(ctx, "create table t (id int primary key, name text)");
        rows(ctx, "insert into t values (1, 'a'), (2, 'b'), (3, 'c')");
        ctx.scans = 0;
        assertThat(rows(ctx, "select name from t where id = 2")).extracting(r -> r[0]).containsExactly("b");
        assertThat(rows(ctx, "select name from t where 3 = id and name <> 'x'")).extracting(r -> r[0]).containsExactly("c");
        assertThat(rows(ctx, "select name from t where id = $1", 1)).extracting(r -> r[0]).containsExactly("a");
        assertThat(rows(ctx, "select name from t where id = 1 + 1")).extracting(r -> r[0]).containsExactly("b");
        assertThat(rows(ctx, "select name from t where id = 2 and name = 'zzz'")).isEmpty();
        assertThat(rows(ctx, "select name from t where id = null")).isEmpty();
        rows(ctx, "update t set name = 'B' where id = 2");
        rows(ctx, "delete from t where id = $1", 3);
        assertThat(ctx.scans).isZero();
        assertThat(ctx.lookups).isEqualTo(7);
        assertThat(rows(ctx, "select id, name from t order by id")).extracting(r -> r[1]).containsExactly("a", "B");
    }

    @Test
    void keyValueOfWiderOrOtherStringType_isNarrowedByTheLookup() {
        InMemoryContext ctx = new InMemoryContext();
        rows(ctx, "create table k (id int, code text, v int, primary key (id, code))");
        rows(ctx, "insert into k values (1, 'a', 10)");
        List<io.heliosdb.api.SqlType> declared = List.of(io.heliosdb.api.SqlType.BIGINT, io.heliosdb.api.SqlType.VARCHAR);
        StatementPlan plan = SqlEngine.plan(SqlEngine.parse("select v from k where id = $1 and code = $2").get(0), ctx, declared);
        ctx.scans = 0;
        try (StatementResult r = plan.execute(ctx, new Object[] {1L, "a"})) {
            assertThat(r.next()).isTrue();
            assertThat(r.row()[0]).isEqualTo(10);
        }
        try (StatementResult r = plan.execute(ctx, new Object[] {99_999_999_999L, "a"})) {
            assertThat(r.next()).isFalse();
        }
        assertThat(ctx.scans).isZero();
        assertThat(ctx.lookups).isEqualTo(1);
    }

    @Test
    void multiColumnPrimaryKey_lookupNeedsEveryKeyColumn() {
        InMemoryContext ctx = new InMemoryContext();
        rows(ctx, "create table m (a smallint, b text, c bigint, v int, primary key (a, b, c))");
        rows(ctx, "insert into m values (1, 'x', 10, 100), (1, 'y', 10, 200), (2, 'x', 10, 300)");
        ctx.scans = 0;
        assertThat(rows(ctx, "select v from m where b = 'y' and c = 10 and a = 1")).extracting(r -> r[0]).containsExactly(200);
        assertThat(ctx.lookups).isEqualTo(1);
        assertThat(ctx.scans).isZero();
        assertThat(rows(ctx, "select v from m where a = 1 and b = 'x'")).extracting(r -> r[0]).containsExactly(100);
        assertThat(rows(ctx, "select v from m where a = 1 or b = 'x' and c = 10")).hasSize(3);
        assertThat(ctx.scans).isEqualTo(2);
        assertThat(ctx.lookups).isEqualTo(1);
    }

    @Test
    void select_streamsRowsFromTheCursor_insteadOfReadingTheWholeTable() {
        CountingContext ctx = new CountingContext(1_000_000);
        try (StatementResult r = execute(ctx, "select id * 2 from big where id % 2 = 0")) {
            assertThat(r.next()).isTrue();
            assertThat(r.row()[0]).isEqualTo(0L);
            assertThat(r.next()).isTrue();
            assertThat(r.row()[0]).isEqualTo(4L);
            assertThat(r.commandTag()).isEqualTo("SELECT 2");
        }
        assertThat(ctx.pulled).isEqualTo(3);
        assertThat(ctx.closed).isTrue();
        ctx.pulled = 0;
        assertThat(rows(ctx, "select id from big limit 5")).hasSize(5);
        assertThat(ctx.pulled).isEqualTo(5);
    }

    /** A table of n generated rows that counts how many the executor pulls. */
    private static final class CountingContext extends InMemoryContextBase {
        private final long size;
        private final TableDef table = new TableDef(1, "big",
                List.of(new ColumnDef("id", io.heliosdb.api.SqlType.BIGINT, -1, true, null)), List.of(0));
        long pulled;
        boolean closed;

        CountingContext(long size) {
            this.size = size;
        }

        @Override
        public Optional<TableDef> table(String name) {
            return name.equals("big") ? Optional.of(table) : Optional.empty();
        }

        @Override
        public RowCursor scan(TableDef t) {
            return new RowCursor() {
                private long next;

                @Override
                public boolean next() {
                    if (next >= size) {
                        return false;
                    }
                    next++;
                    pulled++;
                    return true;
                }

                @Override
                public Object[] row() {
                    return new Object[] {next - 1};
                }

                @Override
                public byte[] rowKey() {
                    return new byte[0];
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }

    /** The kernel operations a read-only test context does not need. */
    private abstract static class InMemoryContextBase implements ExecutionContext {
        @Override
        public TableDef createTable(TableDef definition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dropTable(TableDef t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RowCursor lookup(TableDef t, Object[] key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(TableDef t, Object[] row) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(TableDef t, byte[] rowKey, Object[] newRow) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(TableDef t, byte[] rowKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String setting(String name) {
            return null;
        }

        @Override
        public void setSetting(String name, String value) {
        }
    }
}
