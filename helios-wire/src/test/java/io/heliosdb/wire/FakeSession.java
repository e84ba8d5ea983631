package io.heliosdb.wire;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TransactionStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session that knows a handful of statements: {@code select N}, {@code select $1} (integer, or
 * the declared type), {@code series N} (rows 1..N), {@code insert ...}, {@code begin},
 * {@code commit}, {@code rollback}, {@code set ...} (ignored), {@code endless} (rows without end,
 * streamed), {@code sleep N} (one row after N ms), {@code set statement_timeout = 'V'} (remembered) and
 * {@code fail} (a run-time 22012); an {@code insert} whose first parameter ends with {@code dup} fails with 23505, one
 * whose first parameter starts with {@code note} raises a NOTICE first.
 * Anything else is a
 * 42601 syntax error at parse time. It records what ran with which parameters.
 */
final class FakeSession implements Session {
    final java.util.concurrent.atomic.AtomicInteger cancelCalls = new java.util.concurrent.atomic.AtomicInteger();
    final List<String> executed = new CopyOnWriteArrayList<>();
    /** The size of each executeBatch call. */
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    /** Counted down once {@code endless} has produced its first thousand rows. */
    final java.util.concurrent.CountDownLatch streaming = new java.util.concurrent.CountDownLatch(1);
    /** The thread each statement ran on. */
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    private TransactionStatus status = TransactionStatus.IDLE;
    private volatile java.util.function.Consumer<io.heliosdb.api.Notice> notices;
    private volatile String statementTimeout = "0";

    @Override
    public QueryResult execute(String sql, Object... params) {
        return prepare(sql).execute(params);
    }

    @Override
    public PreparedQuery prepare(String sql, List<SqlType> declared) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        boolean known = s.matches("select -?\\d+|select \\$1|series \\d+|endless|insert .*|set .*|begin|commit|rollback|fail|sleep \\d+");
        if (!known) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + sql.strip() + "\"", null,
                    null, 1, null);
        }
        SqlType paramType = !declared.isEmpty() && declared.get(0) != null ? declared.get(0) : SqlType.INTEGER;
        List<SqlType> params = s.equals("select $1") ? List.of(paramType) : List.of();
        List<Column> columns = s.startsWith("select") ? List.of(new Column("?column?", params.isEmpty()
                ? SqlType.INTEGER : paramType)) : s.startsWith("series") || s.equals("endless") ? List.of(new Column("n", SqlType.INTEGER))
                : List.of();
        return new PreparedQuery() {
            @Override
            public String sql() {
                return sql;
            }

            @Override
            public List<SqlType> parameterTypes() {
                return params;
            }

            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public boolean readOnly() {
                return s.startsWith("select") || s.startsWith("show");
            }

            @Override
            public QueryResult execute(Object... values) {
                return run(s, columns, values);
            }

            @Override
            public long[] executeBatch(List<Object[]> parameterSets) {
                return executeBatch(parameterSets, entry -> { });
            }

            /** As the kernel's: each entry as execute runs it, in one call, recorded as {@link #batches}. */
            @Override
            public long[] executeBatch(List<Object[]> parameterSets, java.util.function.IntConsumer entryStarts) {
                batches.add(parameterSets.size());
                long[] counts = new long[parameterSets.size()];
                for (int i = 0; i < counts.length; i++) {
                    entryStarts.accept(i);
                    try (QueryResult result = run(s, columns, parameterSets.get(i))) {
                        String tag = result.commandTag();
                        counts[i] = Long.parseLong(tag.substring(tag.lastIndexOf(' ') + 1));
                    } catch (HeliosException e) {
                        throw new io.heliosdb.api.HeliosBatchException(i, e, Arrays.copyOf(counts, i));
                    }
                }
                return counts;
            }
        };
    }

    private QueryResult run(String s, List<Column> columns, Object[] values) {
        if (s.startsWith("set ")) {
            var timeout = java.util.regex.Pattern.compile("set statement_timeout\\s*(?:=|to)\\s*'?([^']*)'?").matcher(s);
            if (timeout.matches()) {
                statementTimeout = timeout.group(1);
            }
            return new ListResult(columns, List.of(), "SET");   // drivers' session set-up, not recorded
        }
        executed.add(values.length == 0 ? s : s + " " + Arrays.toString(values));
        threads.add(Thread.currentThread().getName());
        if (status == TransactionStatus.FAILED && !s.equals("rollback") && !s.equals("commit")) {
            throw new HeliosException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (s.startsWith("sleep ")) {
            try {
                Thread.sleep(Long.parseLong(s.substring(6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ListResult(List.of(new Column("n", SqlType.INTEGER)), List.<Object[]>of(new Object[] {1}),
                    "SELECT");
        }
        if (s.equals("endless")) {
            return new EndlessResult(columns, streaming);
        }
        List<Object[]> rows = new ArrayList<>();
        String tag;
        if (s.equals("select $1")) {
            Object v = values[0];
            rows.add(new Object[] {v instanceof String text ? columns.get(0).type().parse(text) : v});
            tag = "SELECT";
        } else if (s.startsWith("select")) {
            rows.add(new Object[] {Integer.parseInt(s.substring(7))});
            tag = "SELECT";
        } else if (s.startsWith("series")) {
            for (int i = 1; i <= Integer.parseInt(s.substring(7)); i++) {
                rows.add(new Object[] {i});
            }
            tag = "SELECT";
        } else if (s.startsWith("insert")) {
            if (values.length > 0 && values[0] instanceof String v && v.startsWith("note") && notices != null) {
                notices.accept(io.heliosdb.api.Notice.notice("inserting " + v));
            }
            if (values.length > 0 && values[0] instanceof String v && v.endsWith("dup")) {
                if (status == TransactionStatus.IN_TRANSACTION) {
                    status = TransactionStatus.FAILED;
                }
                throw new HeliosException(SqlState.UNIQUE_VIOLATION, "duplicate key value");
            }
            tag = "INSERT 0 1";
        } else if (s.equals("begin")) {
            status = TransactionStatus.IN_TRANSACTION;
            tag = "BEGIN";
        } else if (s.equals("commit") || s.equals("rollback")) {
            tag = status == TransactionStatus.FAILED ? "ROLLBACK" : s.toUpperCase(Locale.ROOT);
            status = TransactionStatus.IDLE;
        } else {
            if (status == TransactionStatus.IN_TRANSACTION) {
                status = TransactionStatus.FAILED;
            }
            throw new HeliosException(SqlState.DIVISION_BY_ZERO, "division by zero", "a detail", "a hint", 0, null);
        }
        return new ListResult(columns, rows, tag);
    }

    @Override
    public Iterator<QueryResult> executeScript(String sql) {
        List<PreparedQuery> statements = new ArrayList<>();
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                statements.add(prepare(part));
            }
        }
        Iterator<PreparedQuery> it = statements.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public QueryResult next() {
                return it.next().execute();
            }
        };
    }

    @Override
    public TransactionStatus transactionStatus() {
        return status;
    }

    @Override
    public void onNotice(java.util.function.Consumer<io.heliosdb.api.Notice> listener) {
        notices = listener;
    }

    /** As the kernel's: an explicit block fails. */
    @Override
    public void failTransaction() {
        if (status == TransactionStatus.IN_TRANSACTION) {
            status = TransactionStatus.FAILED;
        }
    }

    @Override
    public void cancel() {
        cancelCalls.incrementAndGet();
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A result over rows already computed; the tag gets the row count for queries. */
    private static final class ListResult implements QueryResult {
        private final List<Column> columns;
        private final List<Object[]> rows;
        private final String tag;
        private int index = -1;

        ListResult(List<Column> columns, List<Object[]> rows, String tag) {
            this.columns = columns;
            this.rows = rows;
            this.tag = tag;
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public boolean next() {
            if (index + 1 >= rows.size()) {
                index = rows.size();
                return false;
            }
            index++;
            return true;
        }

        @Override
        public Row row() {
            return new Row(columns, rows.get(index));
        }

        @Override
        public long rowCount() {
            return columns.isEmpty() ? 0 : Math.min(index, rows.size());
        }

        @Override
        public String commandTag() {
            return tag.equals("SELECT") ? "SELECT " + rows.size() : tag;
        }

        @Override
        public void close() {
        }
    }

    /** Rows 1, 2, 3, ... produced one at a time, for ever. */
    private static final class EndlessResult implements QueryResult {
        private final List<Column> columns;
        private final java.util.concurrent.CountDownLatch streaming;
        private int n;

        EndlessResult(List<Column> columns, java.util.concurrent.CountDownLatch streaming) {
            this.columns = columns;
            this.streaming = streaming;
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public boolean next() {
            if (++n == 1000) {
                streaming.countDown();
            }
            return true;
        }

        @Override
        public Row row() {
            return new Row(columns, new Object[] {n});
        }

        @Override
        public long rowCount() {
            return n;
        }

        @Override
        public String commandTag() {
            return "SELECT " + n;
        }

        @Override
        public void close() {
        }
    }

    @Override
    public String setting(String name) {
        return switch (name) {
            case "client_encoding" -> "UTF8";
            case "statement_timeout" -> statementTimeout;
            default -> null;
        };
    }
}
