package io.heliosdb.bench.compare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A {@link DbClient} over a JDBC connection (H2, SQLite, DuckDB, PostgreSQL, HeliosDB Server). */
final class JdbcClient implements DbClient {
    private final Connection connection;

    JdbcClient(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public long query(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return drain(rs);
        }
    }

    @Override
    public Stmt prepare(String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        return new Stmt() {
            @Override
            public long query(Object... params) throws SQLException {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    return drain(rs);
                }
            }

            @Override
            public void update(Object... params) throws SQLException {
                bind(ps, params);
                ps.executeUpdate();
            }

            @Override
            public void addBatch(Object... params) throws SQLException {
                bind(ps, params);
                ps.addBatch();
            }

            @Override
            public void executeBatch() throws SQLException {
                ps.executeBatch();
            }

            @Override
            public void close() throws SQLException {
                ps.close();
            }
        };
    }

    @Override
    public String product() throws SQLException {
        return connection.getMetaData().getDatabaseProductName();
    }

    @Override
    public void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** Reads every value so that a lazy driver cannot skip the work. */
    private static long drain(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        long rows = 0;
        while (rs.next()) {
            for (int c = 1; c <= columns; c++) {
                Blackhole.consume(rs.getObject(c));
            }
            rows++;
        }
        return rows;
    }
}
