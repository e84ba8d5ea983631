package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for the SQL pipeline, so session and transaction behaviour is tested without the
 * parser: "begin", "commit", "rollback", "create T", "drop T", "insert T id text", "insert T $1 $2",
 * "select T", "get T id", "delete T id", "fail", "set name value", "show name". Tables have
 * columns (id integer primary key, v text). "bogus" is a syntax error.
 */
final class FakeFrontEnd implements SqlFrontEnd {
    final AtomicInteger plans = new AtomicInteger();

    @Override
    public List<ParsedStatement> parse(String sql) {
        List<ParsedStatement> out = new ArrayList<>();
        int start = 0;
        for (String part : sql.split(";", -1)) {
            String trimmed = part.strip();
            int offset = start + part.indexOf(trimmed);
            if (!trimmed.isEmpty()) {
                int bad = trimmed.indexOf("bogus");
                if (bad >= 0) {
                    throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"bogus\"", null, null,
                            offset + bad + 1, null);
                }
                out.add(new ParsedStatement(trimmed, offset, trimmed.split("\\s+")));
            }
            start += part.length() + 1;
        }
        return out;
    }

    @Override
    public StatementPlan plan(ParsedStatement statement, SchemaLookup schema, List<SqlType> declared) {
        plans.incrementAndGet();
        String[] t = (String[]) statement.ast();
        TableDef table = null;
        if (t.length > 1 && !List.of("create", "set", "show").contains(t[0])) {
            table = schema.table(t[1]).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_TABLE,
                    "relation \"" + t[1] + "\" does not exist", null, null,
                    1 + statement.offset() + statement.sql().indexOf(t[1]),
                    null));
        }
        return new FakePlan(statement.sql(), t, table);
    }

    static TableDef definition(String name) {
        return new TableDef(0, name, List.of(new ColumnDef("id", SqlType.INTEGER, -1, true, null),
                new ColumnDef("v", SqlType.TEXT, -1, false, null)), List.of(0));
    }

    private record FakePlan(String sql, String[] t, TableDef table) implements StatementPlan {
        @Override
        public List<SqlType> parameterTypes() {
            List<SqlType> types = new ArrayList<>();
            for (String token : t) {
                if (token.startsWith("$")) {
                    types.add(types.isEmpty() ? SqlType.INTEGER : SqlType.TEXT);
                }
            }
            return types;
        }

        @Override
        public List<Column> columns() {
            return switch (t[0]) {
                case "select", "get" -> List.of(new Column("id", SqlType.INTEGER), new Column("v", SqlType.TEXT));
                case "show" -> List.of(new Column(t[1], SqlType.TEXT));
                default -> List.of();
            };
        }

        @Override
        public TransactionCommand transactionCommand() {
            return switch (t[0]) {
                case "begin" -> TransactionCommand.BEGIN;
                case "commit" -> TransactionCommand.COMMIT;
                case "rollback" -> TransactionCommand.ROLLBACK;
                default -> null;
            };
        }

        @Override
        public boolean readOnly() {
            return List.of("select", "get", "show", "set", "fail").contains(t[0]);
        }

        @Override
        public boolean changesCatalog() {
            return t[0].equals("create") || t[0].equals("drop");
        }

        @Override
        public StatementResult execute(ExecutionContext ctx, Object[] params) {
            return switch (t[0]) {
                case "create" -> {
                    ctx.createTable(definition(t[1]));
                    yield new Result(List.of(), null, 0, "CREATE TABLE");
                }
                case "drop" -> {
                    ctx.dropTable(table);
                    yield new Result(List.of(), null, 0, "DROP TABLE");
                }
                case "insert" -> {
                    Object id = t[2].equals("$1") ? params[0] : Integer.valueOf(t[2]);
                    Object v = t[3].equals("$2") ? params[1] : t[3].equals("null") ? null : t[3];
                    ctx.insert(table, new Object[] {id, v});
                    yield new Result(List.of(), null, 1, "INSERT 0 1");
                }
                case "select" -> new Result(columns(), ctx.scan(table), 0, "SELECT");
                case "get" -> new Result(columns(), ctx.lookup(table, new Object[] {Integer.valueOf(t[2])}), 0,
                        "SELECT");
                case "delete" -> {
                    int n = 0;
                    try (RowCursor c = ctx.lookup(table, new Object[] {Integer.valueOf(t[2])})) {
                        while (c.next()) {
                            ctx.delete(table, c.rowKey());
                            n++;
                        }
                    }
                    yield new Result(List.of(), null, n, "DELETE " + n);
                }
                case "fail" -> throw new HeliosException(SqlState.DIVISION_BY_ZERO, "division by zero");
                case "set" -> {
                    ctx.setSetting(t[1], t[2]);
                    yield new Result(List.of(), null, 0, "SET");
                }
                case "show" -> {
                    String value = ctx.setting(t[1]);
                    if (value == null) {
                        throw new HeliosException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter");
                    }
                    yield new Result(columns(), new ValueCursor(value), 0, "SHOW");
                }
                default -> throw new IllegalStateException(t[0]);
            };
        }
    }

    /** One-row cursor for SHOW. */
    private static final class ValueCursor implements RowCursor {
        private final String value;
        private boolean done;

        ValueCursor(String value) {
            this.value = value;
        }

        @Override
        public boolean next() {
            boolean had = !done;
            done = true;
            return had;
        }

        @Override
        public Object[] row() {
            return new Object[] {value};
        }

        @Override
        public byte[] rowKey() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    private static final class Result implements StatementResult {
        private final List<Column> columns;
        private final RowCursor rows;
        private long count;
        private final String tag;

        Result(List<Column> columns, RowCursor rows, long count, String tag) {
            this.columns = columns;
            this.rows = rows;
            this.count = count;
            this.tag = tag;
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public boolean next() {
            if (rows != null && rows.next()) {
                count++;
                return true;
            }
            return false;
        }

        @Override
        public Object[] row() {
            return rows.row();
        }

        @Override
        public long rowCount() {
            return count;
        }

        @Override
        public String commandTag() {
            return tag.equals("SELECT") || tag.equals("SHOW") ? (tag.equals("SHOW") ? "SHOW" : "SELECT " + count)
                    : tag;
        }

        @Override
        public void close() {
            if (rows != null) {
                rows.close();
            }
        }
    }
}
