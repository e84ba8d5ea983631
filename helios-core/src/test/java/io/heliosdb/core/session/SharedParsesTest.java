package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedParsesTest {
    private final ParseCountingDatabase db = new ParseCountingDatabase();
    private final SqlFrontEnd counting = db.frontEnd;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void parse_secondSession_parsesNothingTheFirstParsed() throws Exception {
        SharedParses shared = new SharedParses();
        try (KernelSession first = db.session(shared); KernelSession second = db.session(shared)) {
            first.execute("create table a (id int primary key, v int)").close();
            first.execute("insert into a values (1, 10), (2, 20)").close();
            transaction(first, 1, 5);
            int before = db.parses();
            transaction(second, 2, -7);
            assertThat(db.parses()).isEqualTo(before);
            assertThat(value(second, 2)).isEqualTo(13);

            // Plans stay per session: a changed table is planned again by both, from the shared parse.
            first.execute("alter table a add column w text").close();
            first.execute("update a set w = 'x' where id = 1").close();
            transaction(second, 1, 1);
            assertThat(value(second, 1)).isEqualTo(16);
            try (QueryResult r = second.execute("select w from a where id = 1")) {
                assertThat(r.toList().get(0).get(0)).isEqualTo("x");
            }
        }
    }

    @Test
    void parse_fullCache_startsOverAndKeepsNoFailure() {
        SharedParses shared = new SharedParses();
        for (int i = 0; i < SharedParses.CAPACITY + 10; i++) {
            shared.parse("select " + i, counting);
        }
        assertThat(shared.size()).isLessThanOrEqualTo(SharedParses.CAPACITY).isPositive();
        int before = db.parses();
        assertThatThrownBy(() -> shared.parse("selec 1", counting)).isInstanceOf(HeliosException.class);
        assertThatThrownBy(() -> shared.parse("selec 1", counting)).isInstanceOf(HeliosException.class);
        assertThat(db.parses() - before).isEqualTo(2);

        String longText = "select 1" + " ".repeat(SharedParses.MAX_TEXT);
        shared.parse(longText, counting);
        shared.parse(longText, counting);
        assertThat(db.parses() - before).isEqualTo(4);
        assertThat(shared.parse("select 7", counting)).isSameAs(shared.parse("select 7", counting));
    }

    private static void transaction(KernelSession s, int id, int delta) {
        for (String sql : List.of("BEGIN;", "UPDATE a SET v = v + " + delta + " WHERE id = " + id + ";",
                "SELECT v FROM a WHERE id = " + id + ";", "END;")) {
            Iterator<QueryResult> results = s.executeScript(sql);
            results.next().close();
        }
    }

    private static Object value(KernelSession s, int id) {
        try (QueryResult r = s.execute("SELECT v FROM a WHERE id = " + id)) {
            return r.toList().get(0).get(0);
        }
    }
}
