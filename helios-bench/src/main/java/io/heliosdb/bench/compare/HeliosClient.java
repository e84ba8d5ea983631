package io.heliosdb.bench.compare;

import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;

/** A {@link DbClient} over HeliosDB's embedded API; batches go through PreparedQuery's addBatch/executeBatch. */
final class HeliosClient implements DbClient {
    /**
     * Whether the HeliosDB build on the class path has the batch API: InsertCostAB also drives builds from
     * before it, which then run each queued INSERT at once, as they did.
     */
    private static final boolean BATCH_API = hasBatchApi();

    private final Session session;
    /** BEGIN and COMMIT, planned once, as a JDBC driver's setAutoCommit(false) and commit() would not parse SQL. */
    private PreparedQuery begin;
    private PreparedQuery commit;

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
                if (BATCH_API) {
                    query.addBatch(params);
                } else {
                    update(params);
                }
            }

            @Override
            public void executeBatch() {
                if (BATCH_API) {
                    query.executeBatch();
                }
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
        if (begin == null) {
            begin = session.prepare("BEGIN");
        }
        begin.execute().close();
    }

    @Override
    public void commit() {
        if (commit == null) {
            commit = session.prepare("COMMIT");
        }
        commit.execute().close();
    }

    @Override
    public void close() {
        session.close();
    }

    private static boolean hasBatchApi() {
        try {
            PreparedQuery.class.getMethod("executeBatch");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
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
