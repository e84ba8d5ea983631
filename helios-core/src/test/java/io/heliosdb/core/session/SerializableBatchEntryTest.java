package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heliosdb.api.HeliosBatchException;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A SERIALIZABLE transaction's batch (one statement for all its entries) is checked by SSI entry by entry, as
 * one statement per entry would be: the entry whose write completes a dangerous structure fails with 40001 and
 * names itself, and the entries after it do not run.
 */
class SerializableBatchEntryTest {
    private HeliosDB db;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        try (Session s = db.session()) {
            s.execute("create table t (k int primary key, v int not null)").close();
            s.execute("insert into t select g, 0 from generate_series(1, 5) g").close();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void read(Session s, int k) {
        try (QueryResult r = s.execute("select v from t where k = $1", k)) {
            assertThat(r.next()).isTrue();
        }
    }

    @Test
    void theEntryWhoseWriteMakesItAPivot_failsAndNamesItself() {
        try (Session c1 = db.session(); Session b = db.session(); Session c3 = db.session()) {
            c3.execute("begin isolation level serializable").close();
            c3.execute("update t set v = 1 where k = 5").close();
            b.execute("begin isolation level serializable").close();
            read(b, 5);                                   // b -> c3: misses c3's write
            c1.execute("begin isolation level serializable").close();
            read(c1, 2);                                  // c1 will miss b's write of row 2: c1 -> b
            c3.execute("commit").close();                 // c3 commits first
            try (PreparedQuery update = b.prepare("update t set v = v + 10 where k = $1")) {
                HeliosBatchException e = catchThrowableOfType(() -> update.executeBatch(
                        List.of(new Object[] {1}, new Object[] {2}, new Object[] {3})), HeliosBatchException.class);
                assertThat(e).isNotNull();
                assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
                assertThat(e.entry()).as("row 2's entry, as row-by-row execution fails").isEqualTo(1);
                assertThat(e.countsBefore()).containsExactly(1L);
                assertThat(e.detail()).isEqualTo("Reason code: Canceled on identification as a pivot, during write.");
            }
            b.execute("rollback").close();
            c1.execute("commit").close();
        }
    }

    @Test
    void withoutAConflict_everyEntryRuns_andCommits() {
        try (Session b = db.session(); Session other = db.session()) {
            b.execute("begin isolation level serializable").close();
            other.execute("begin isolation level serializable").close();
            read(other, 4);
            try (PreparedQuery update = b.prepare("update t set v = v + 10 where k = $1")) {
                assertThat(update.executeBatch(List.of(new Object[] {1}, new Object[] {2}, new Object[] {3})))
                        .containsExactly(1, 1, 1);
            }
            b.execute("commit").close();
            other.execute("commit").close();
            try (QueryResult r = b.execute("select sum(v) from t")) {
                assertThat(r.next()).isTrue();
                assertThat(((Number) r.row().get(0)).longValue()).isEqualTo(30);
            }
        }
    }
}
