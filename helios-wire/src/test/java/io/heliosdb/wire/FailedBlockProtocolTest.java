package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.wire.WireBytes.Received;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors of the extended protocol that no statement raised, inside a client's BEGIN block and in an implicit
 * one, against the real kernel. Each expected answer is what PostgreSQL 15 sends for the same bytes (message
 * types in order; an error or notice with its SQLSTATE; ReadyForQuery with its status; a DataRow with its
 * first value), recorded with a raw-protocol client.
 */
class FailedBlockProtocolTest {
    private static final int INT4 = 23;
    private static final byte[][] NONE = new byte[0][];

    private KernelWire wire;

    @BeforeEach
    void connect() {
        wire = KernelWire.open();
        send(startup(196608, "user", "postgres", "database", "postgres"));
        assertThat(run(query("create table t (n int primary key)"))).isEqualTo("C Z(I)");
    }

    @AfterEach
    void shutDown() {
        if (wire != null) {
            wire.close();
        }
    }

    private List<Received> send(byte[]... parts) {
        return wire.send(parts);
    }

    /** The answer as the raw-protocol client printed PostgreSQL's. */
    private String run(byte[]... parts) {
        List<String> out = new ArrayList<>();
        for (Received m : send(parts)) {
            switch (m.type()) {
                case 'E', 'N' -> out.add(m.type() + "(" + m.fields().get('C') + ")");
                case 'Z' -> out.add("Z(" + (char) m.body()[0] + ")");
                case 'D' -> out.add("D[" + m.values().get(0) + "]");
                case 'S', 'K', 'R' -> { }
                default -> out.add(String.valueOf(m.type()));
            }
        }
        return String.join(" ", out);
    }

    private static byte[] bindText(String portal, String statement, String... values) {
        byte[][] raw = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            raw[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return bind(portal, statement, 0, raw, 0);
    }

    @Test
    void badBindInsideBegin_failsTheBlock_untilRollback() {
        assertThat(run(query("begin"))).isEqualTo("C Z(T)");
        assertThat(run(parse("s", "insert into t values ($1)", INT4), bind("", "s", 0, NONE, 0), execute("", 0),
                sync())).isEqualTo("1 E(08P01) Z(E)");
        assertThat(run(parse("", "select 1"), bind("", "", 0, NONE, 0), execute("", 0), sync()))
                .isEqualTo("E(25P02) Z(E)");
        assertThat(run(query("rollback"))).isEqualTo("C Z(I)");
    }

    @Test
    void bindOfAMissingStatementInsideBegin_failsTheBlock_andAnExtendedRollbackEndsIt() {
        run(query("begin"));
        assertThat(run(bind("", "nope", 0, NONE, 0), execute("", 0), sync())).isEqualTo("E(26000) Z(E)");
        assertThat(run(query("select 1"))).isEqualTo("E(25P02) Z(E)");
        assertThat(run(parse("", "rollback"), bind("", "", 0, NONE, 0), execute("", 0), sync()))
                .isEqualTo("1 2 C Z(I)");
    }

    @Test
    void inAFailedBlock_describeRefusesRows_andBindRefusesAllButTheEnd() {
        run(query("begin"), parse("q", "select 1"), parse("i", "insert into t values (1)"), sync());
        assertThat(run(bind("", "nope", 0, NONE, 0), sync())).isEqualTo("E(26000) Z(E)");
        assertThat(run(describe('S', "i"), sync())).isEqualTo("t n Z(E)");
        assertThat(run(describe('S', "q"), sync())).isEqualTo("E(25P02) Z(E)");
        assertThat(run(bind("", "i", 0, NONE, 0), execute("", 0), sync())).isEqualTo("E(25P02) Z(E)");
        assertThat(run(query("rollback"))).isEqualTo("C Z(I)");
    }

    @Test
    void portalSuspendedBeforeTheFailure_answers25P02() {
        assertThat(run(query("begin"), parse("g", "select generate_series(1, 5)"), bind("p", "g", 0, NONE, 0),
                execute("p", 2), sync())).isEqualTo("C Z(T) 1 2 D[1] D[2] s Z(T)");
        run(bind("", "nope", 0, NONE, 0), sync());
        assertThat(run(execute("p", 2), sync())).isEqualTo("E(25P02) Z(E)");
        assertThat(run(query("rollback"))).isEqualTo("C Z(I)");
    }

    @Test
    void failingPipelinedBatchInsideBegin_failsTheBlock() {
        run(query("begin"));
        assertThat(run(parse("b", "insert into t values ($1)", INT4), bindText("", "b", "1"), execute("", 0),
                bindText("", "b", "2"), execute("", 0), bindText("", "b", "1"), execute("", 0),
                bindText("", "b", "3"), execute("", 0), sync())).isEqualTo("1 2 C 2 C 2 E(23505) Z(E)");
        assertThat(run(query("select 1"))).isEqualTo("E(25P02) Z(E)");
        assertThat(run(query("rollback"))).isEqualTo("C Z(I)");
        assertThat(run(query("select count(*) from t"))).isEqualTo("T D[0] C Z(I)");
    }

    @Test
    void badBindAfterARowOfAnImplicitBlock_rollsTheRowBack() {
        assertThat(run(parse("", "insert into t values ($1)", INT4), bindText("", "", "7"), execute("", 0),
                bind("", "nope", 0, NONE, 0), execute("", 0), sync())).isEqualTo("1 2 C E(26000) Z(I)");
        assertThat(run(query("select count(*) from t"))).isEqualTo("T D[0] C Z(I)");
    }

    @Test
    void executeOfAMissingPortal_andADuplicateStatementName_failTheBlock() {
        run(query("begin"));
        assertThat(run(execute("zz", 0), sync())).isEqualTo("E(34000) Z(E)");
        run(query("rollback"));
        assertThat(run(query("begin"), parse("dup", "select 1"), sync())).isEqualTo("C Z(T) 1 Z(T)");
        assertThat(run(parse("dup", "select 2"), sync())).isEqualTo("E(42P05) Z(E)");
        assertThat(run(query("rollback"))).isEqualTo("C Z(I)");
    }
}
