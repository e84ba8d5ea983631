package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real pgbench against the server: initialisation (CREATE TABLE ... WITH (fillfactor), TRUNCATE,
 * COPY FROM STDIN, ALTER TABLE ADD PRIMARY KEY, VACUUM), then the tpcb-like and select-only scripts
 * in each query mode, with no failed transaction.
 */
class PgbenchTest {
    private static KernelServer server;

    @BeforeAll
    static void initialise() throws Exception {
        Pgbench.assumeInstalled();
        server = KernelServer.startOrSkip();
        // d: drop, t: create tables, g: generate data client-side (COPY), v: vacuum, p: primary keys.
        Pgbench.Outcome init = Pgbench.run(server.transport.port(), "-i", "-s", "1", "-I",
                supportsVacuum() ? "dtgvp" : "dtgp");
        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(init.output()).as(init.output()).contains("done in");
    }

    /** VACUUM arrives with another change; until then initialisation skips its step. */
    private static boolean supportsVacuum() {
        try (Session s = server.db.session()) {
            s.execute("vacuum").close();
            return true;
        } catch (HeliosException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void initialise_loadsScaleOne() throws Exception {
        try (Session s = server.db.session()) {
            assertThat(s.execute("select count(*) from pgbench_accounts").toList().get(0).get(0)).isEqualTo(100_000L);
            assertThat(s.execute("select count(*) from pgbench_branches").toList().get(0).get(0)).isEqualTo(1L);
            assertThat(s.execute("select count(*) from pgbench_tellers").toList().get(0).get(0)).isEqualTo(10L);
        }
    }

    @Test
    void tpcbLike_twoClients_allTransactionsSucceed() throws Exception {
        Pgbench.Outcome run = Pgbench.run(server.transport.port(), "-c", "2", "-t", "50", "-n");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.processed()).as(run.output()).isEqualTo(100);
        assertThat(run.failed()).as(run.output()).isZero();
        try (Session s = server.db.session()) {
            // Every transaction appends one history row and moves the same delta through all three balances.
            assertThat((Long) s.execute("select count(*) from pgbench_history").toList().get(0).get(0))
                    .isGreaterThanOrEqualTo(100L);
            Object branches = s.execute("select sum(bbalance) from pgbench_branches").toList().get(0).get(0);
            Object history = s.execute("select sum(delta) from pgbench_history").toList().get(0).get(0);
            assertThat(String.valueOf(branches)).isEqualTo(String.valueOf(history));
        }
    }

    @Test
    void selectOnly_simpleProtocol() throws Exception {
        selectOnly("simple");
    }

    @Test
    void selectOnly_extendedProtocol() throws Exception {
        selectOnly("extended");
    }

    @Test
    void selectOnly_preparedStatements() throws Exception {
        selectOnly("prepared");
    }

    private static void selectOnly(String mode) throws Exception {
        Pgbench.Outcome run = Pgbench.run(server.transport.port(), "-S", "-M", mode, "-c", "2", "-t", "50", "-n");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.processed()).as(run.output()).isEqualTo(100);
        assertThat(run.failed()).as(run.output()).isZero();
        assertThat(run.output()).contains("query mode: " + mode);
    }
}
