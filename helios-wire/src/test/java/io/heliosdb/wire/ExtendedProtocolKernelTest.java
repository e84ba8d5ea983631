package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.wire.WireBytes.Received;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Extended-protocol flows in an EmbeddedChannel against the real kernel in memory (not a fake session). */
class ExtendedProtocolKernelTest {
    private static final byte[][] NO_PARAMS = new byte[0][];

    private KernelWire wire;

    @BeforeEach
    void connect() {
        wire = KernelWire.open();
        List<Received> ready = send(startup(196608, "user", "postgres", "database", "postgres"));
        assertThat(last(ready).type()).isEqualTo('Z');
        send(query("create table t (n int primary key)"), query("insert into t values (1),(2),(3),(4),(5)"));
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

    private List<Received> run(String sql) {
        return send(parse("", sql), bind("", "", 0, NO_PARAMS, 0), execute("", 0), sync());
    }

    private static Received last(List<Received> messages) {
        return messages.get(messages.size() - 1);
    }

    private static char status(List<Received> messages) {
        return (char) last(messages).body()[0];
    }

    private static List<String> firstValues(List<Received> messages) {
        return messages.stream().filter(m -> m.type() == 'D').map(m -> m.values().get(0)).toList();
    }

    @Test
    void parse_severalStatements_is42601AndRunsNothing() {
        List<Received> answer = send(parse("", "insert into t values (6); insert into t values (7)"),
                bind("", "", 0, NO_PARAMS, 0), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("EZ");
        assertThat(answer.get(0).fields()).containsEntry('C', "42601")
                .containsEntry('M', "cannot insert multiple commands into a prepared statement");
        assertThat(firstValues(run("select count(*) from t"))).containsExactly("5");
    }

    @Test
    void portal_suspendedInsideBegin_survivesSyncAndOtherStatements() {
        assertThat(status(send(query("begin")))).isEqualTo('T');

        List<Received> answer = send(parse("s", "select n from t order by n"), bind("p", "s", 0, NO_PARAMS, 0),
                execute("p", 2), sync());
        assertThat(types(answer)).isEqualTo("12DDsZ");
        assertThat(status(answer)).isEqualTo('T');

        // Other statements run in between, through both protocols; the portal keeps its place.
        assertThat(types(run("insert into t values (6)"))).isEqualTo("12CZ");
        assertThat(types(send(query("select 1")))).isEqualTo("TDCZ");

        answer = send(execute("p", 2), sync());
        assertThat(types(answer)).isEqualTo("DDsZ");
        assertThat(firstValues(answer)).containsExactly("3", "4");
        answer = send(execute("p", 0), sync());
        assertThat(firstValues(answer)).containsExactly("5");
        assertThat(answer.get(1).string()).isEqualTo("SELECT 5");

        // The transaction's end closes its portals, as in PostgreSQL.
        send(query("commit"));
        answer = send(execute("p", 0), sync());
        assertThat(answer.get(0).fields()).containsEntry('C', "34000");
    }

    @Test
    void portal_suspendedOutsideBegin_isClosedBySync() {
        send(parse("", "select n from t order by n"), bind("p", "", 0, NO_PARAMS, 0), execute("p", 2), sync());

        List<Received> answer = send(execute("p", 1), sync());

        assertThat(types(answer)).isEqualTo("EZ");
        assertThat(answer.get(0).fields()).containsEntry('C', "34000");
    }

    @Test
    void beginAsSimpleQuery_insidePipeline_makesTheImplicitBlockExplicit() {
        List<Received> answer = send(parse("", "insert into t values (10)"), bind("", "", 0, NO_PARAMS, 0),
                execute("", 0), query("begin"));

        assertThat(types(answer)).isEqualTo("12CCZ");
        assertThat(status(answer)).isEqualTo('T');
        send(query("rollback"));
        assertThat(firstValues(run("select count(*) from t"))).containsExactly("5");
    }

    @Test
    void simpleQuery_insidePipeline_commitsTheImplicitBlockWithIt() {
        List<Received> answer = send(parse("", "insert into t values (10)"), bind("", "", 0, NO_PARAMS, 0),
                execute("", 0), query("insert into t values (11)"));

        assertThat(types(answer)).isEqualTo("12CCZ");
        assertThat(status(answer)).isEqualTo('I');
        assertThat(firstValues(run("select count(*) from t"))).containsExactly("7");
    }

    @Test
    void failedTransaction_simpleProtocol_is25P02UntilRollback() {
        send(query("begin"));
        assertThat(status(send(query("insert into t values (1)")))).isEqualTo('E');

        List<Received> answer = send(query("select 1"));
        assertThat(answer.get(0).fields()).containsEntry('C', "25P02");
        assertThat(status(answer)).isEqualTo('E');

        answer = send(query("rollback"));
        assertThat(answer.get(0).string()).isEqualTo("ROLLBACK");
        assertThat(status(answer)).isEqualTo('I');
        assertThat(types(send(query("select 1")))).isEqualTo("TDCZ");
    }

    @Test
    void failedTransaction_extendedProtocol_is25P02UntilRollback() {
        send(query("begin"));
        List<Received> answer = run("insert into t values (1)");
        assertThat(answer.get(answer.size() - 2).fields()).containsEntry('C', "23505");
        assertThat(status(answer)).isEqualTo('E');

        answer = run("select n from t");
        assertThat(types(answer)).isEqualTo("EZ");
        assertThat(answer.get(0).fields()).containsEntry('C', "25P02");
        assertThat(status(answer)).isEqualTo('E');

        answer = run("rollback");
        assertThat(types(answer)).isEqualTo("12CZ");
        assertThat(status(answer)).isEqualTo('I');
        assertThat(firstValues(run("select count(*) from t"))).containsExactly("5");
    }

    @Test
    void describe_ddl_answersNoDataForStatementAndPortal() {
        List<Received> answer = send(parse("s", "create table u (a int)"), describe('S', "s"),
                bind("p", "s", 0, NO_PARAMS, 0), describe('P', "p"), execute("p", 0), sync());

        assertThat(types(answer)).isEqualTo("1tn2nCZ");
        assertThat(answer.get(5).string()).isEqualTo("CREATE TABLE");
    }

    @Test
    void close_missingStatementOrPortal_isNotAnError() {
        List<Received> answer = send(close('S', "nope"), close('P', "nope"), sync());

        assertThat(types(answer)).isEqualTo("33Z");
        assertThat(status(answer)).isEqualTo('I');
    }
}
