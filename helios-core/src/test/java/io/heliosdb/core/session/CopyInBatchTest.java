package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * COPY FROM writes its rows in batches ({@link CopyInBatch}): what it leaves, and the line its errors name, must
 * be what one statement per row gave, also for rows in a later batch and for an error found while reading that
 * comes after a bad row still waiting in the batch.
 */
class CopyInBatchTest {
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.inMemory();
        s = db.session();
        s.execute("create table t (id int primary key, name text not null, score int check (score >= 0))");
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    /** Lines {@code 1..n} as {@code id \t name \t score}, with {@code id = line}. */
    private static List<String> lines(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(i + "\tn" + i + "\t" + i % 50);
        }
        return out;
    }

    private static StringReader data(List<String> lines) {
        return new StringReader(String.join("\n", lines) + "\n");
    }

    private long count() {
        return (Long) s.execute("select count(*) from t").toList().get(0).get(0);
    }

    private HeliosException copyFails(List<String> lines) {
        return catchThrowableOfType(() -> s.copyIn("COPY t FROM STDIN", data(lines)), HeliosException.class);
    }

    @Test
    void copyIn_manyBatches_writesEveryRow() {
        int n = CopyInBatch.ROWS * 2 + 345;
        assertThat(s.copyIn("COPY t FROM STDIN", data(lines(n)))).isEqualTo(n);
        assertThat(count()).isEqualTo(n);
        assertThat(s.execute("select sum(id), min(name), max(score) from t").toList().get(0).get(0))
                .isEqualTo((long) n * (n + 1) / 2);
    }

    @Test
    void copyIn_duplicateKeyInALaterBatch_namesItsLineAndCopiesNothing() {
        List<String> lines = lines(CopyInBatch.ROWS + 700);
        lines.set(CopyInBatch.ROWS + 499, "17\tdup\t1");
        HeliosException e = copyFails(lines);
        assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        assertThat(e.context()).isEqualTo("COPY t, line " + (CopyInBatch.ROWS + 500));
        assertThat(count()).isZero();
    }

    @Test
    void copyIn_badValueInALaterBatch_namesItsLineAndColumn() {
        List<String> lines = lines(CopyInBatch.ROWS * 2 + 10);
        lines.set(CopyInBatch.ROWS + 6, "x7\tn\t1");
        HeliosException e = copyFails(lines);
        assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
        assertThat(e.context()).isEqualTo("COPY t, line " + (CopyInBatch.ROWS + 7) + ", column id: \"x7\"");
        assertThat(count()).isZero();
    }

    @Test
    void copyIn_badRowBeforeAMalformedLine_isTheErrorReported() {
        List<String> lines = lines(40);
        lines.set(9, "10\tn\t-1");        // line 10 breaks the check constraint
        lines.set(19, "20\tonly two");    // line 20 lacks a column: found while reading, after line 10
        HeliosException e = copyFails(lines);
        assertThat(e.sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
        assertThat(e.context()).isEqualTo("COPY t, line 10");
        lines.set(9, "10\tn10\t1");
        e = copyFails(lines);
        assertThat(e.sqlState()).isEqualTo(SqlState.BAD_COPY_FILE_FORMAT);
        assertThat(e.context()).isEqualTo("COPY t, line 20");
        assertThat(count()).isZero();
    }

    @Test
    void copyIn_insideABlock_seesEarlierRowsAndRollsBackWithIt() {
        s.execute("begin");
        s.execute("insert into t values (1, 'first', 1)");
        List<String> lines = lines(CopyInBatch.ROWS + 5);
        lines.remove(0);
        assertThat(s.copyIn("COPY t FROM STDIN", data(lines))).isEqualTo(CopyInBatch.ROWS + 4);
        assertThat(count()).isEqualTo(CopyInBatch.ROWS + 5);
        s.execute("rollback");
        assertThat(count()).isZero();
    }
}
