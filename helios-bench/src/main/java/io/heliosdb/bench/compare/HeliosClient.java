package io.heliosdb.bench.compare;

import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;

/** A {@link DbClient} over HeliosDB's embedded API; the embedded API has no batch call. */
final class HeliosClient implements DbClient {
    private final Session session;

    HeliosClient(Session session) {
        this.session = session;
    }

    @Override
    public void execute(String sql) {
        session.execute(sql).close();
    }

    @Override
    public long query(String sql) {
        return drain(session.execute(sql));
    }

    @Override
    public Stmt prepare(String sql) {
        PreparedQuery query = session.prepare(dollarParameters(sql));
        return new Stmt() {
            @Override
            public long query(Object... params) {
                return drain(query.execute(params));
            }

            @Override
            public void update(Object... params) {
                query.execute(params).close();
            }

            @Override
            public void addBatch(Object... params) {
                update(params);
            }

            @Override
            public void executeBatch() {
            }

            @Override
            public void close() {
                query.close();
            }
        };
    }

    /** The embedded session, for reading the kernel's own counters (helios_stats). */
    Session session() {
        return session;
    }

    @Override
    public String product() {
        return "HeliosDB";
    }

    @Override
    public void begin() {
        execute("BEGIN");
    }

    @Override
    public void commit() {
        execute("COMMIT");
    }

    @Override
    public void close() {
        session.close();
    }

    /** JDBC's {@code ?} placeholders become PostgreSQL's {@code $1..$n} (workload SQL has no ? in literals). */
    static String dollarParameters(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static long drain(QueryResult result) {
        long rows = 0;
        try (result) {
            while (result.next()) {
                Row row = result.row();
                for (int c = 0; c < row.size(); c++) {
                    Blackhole.consume(row.get(c));
                }
                rows++;
            }
        }
        return rows;
    }
}
