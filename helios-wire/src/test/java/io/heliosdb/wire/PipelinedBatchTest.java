package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.wire.WireBytes.Received;
import io.heliosdb.wire.protocol.PgFrameDecoder;
import io.heliosdb.wire.protocol.PgMessageEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pipeline of Bind/Execute of one prepared INSERT (as pgJDBC's executeBatch sends it) runs as one batch of the
 * session, answered message by message exactly as row-by-row execution answers it, against {@link FakeSession}.
 */
class PipelinedBatchTest {
    private static final int V3 = 196608;
    private static final int TEXT_OID = 25;

    private final FakeHeliosDB db = new FakeHeliosDB();
    private final ServerContext server = new ServerContext(db, Runnable::run, 10);
    private final EmbeddedChannel channel = new EmbeddedChannel(new PgFrameDecoder(1 << 20), new PgMessageEncoder(),
            new PgSessionHandler(server));
    private final ByteBuf received = Unpooled.buffer();

    @BeforeEach
    void connect() {
        send(startup(V3, "user", "alice", "database", "postgres"));
        received.clear();
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    private List<Received> send(byte[]... parts) {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(parts)));
        channel.runPendingTasks();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            received.writeBytes(out);
            out.release();
        }
        return WireBytes.parse(received);
    }

    private FakeSession session() {
        return db.sessions.get(0);
    }

    private static byte[] bindValue(String value) {
        return bind("", "s", 0, new byte[][] {value.getBytes(StandardCharsets.UTF_8)}, 0);
    }

    /** Bind + Execute of statement "s" for each value. */
    private static byte[] rows(String... values) {
        List<byte[]> parts = new ArrayList<>();
        for (String v : values) {
            parts.add(bindValue(v));
            parts.add(execute("", 1));
        }
        return concat(parts.toArray(new byte[0][]));
    }

    private static List<String> tags(List<Received> answer) {
        return answer.stream().filter(m -> m.type() == 'C').map(Received::string).toList();
    }

    @Test
    void pipelineOfOneInsert_answersEveryBindAndExecuteInOrder_andRunsTheRestAsOneBatch() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b", "c", "d"), sync());

        assertThat(types(answer)).isEqualTo("1" + "2C".repeat(4) + "Z");
        assertThat(tags(answer)).containsOnly("INSERT 0 1").hasSize(4);
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]", "insert v [c]",
                "insert v [d]", "commit");
        assertThat(session().batches).as("the first Execute runs alone, the rest as one batch").containsExactly(3);
    }

    @Test
    void oneShotRowsParsingTheUnnamedStatementAgain_stillRunAsOneBatch() {
        List<byte[]> parts = new ArrayList<>();
        for (String v : new String[] {"a", "b", "c", "d"}) {
            parts.add(parse("", "insert v", TEXT_OID));
            parts.add(bind("", "", 0, new byte[][] {v.getBytes(StandardCharsets.UTF_8)}, 0));
            parts.add(describe('S', ""));
            parts.add(execute("", 1));
        }
        parts.add(parse("", "insert v", 0));   // other parameter types: a statement of its own
        parts.add(bind("", "", 0, new byte[][] {"e".getBytes(StandardCharsets.UTF_8)}, 0));
        parts.add(execute("", 1));
        parts.add(sync());
        List<Received> answer = send(parts.toArray(new byte[0][]));

        assertThat(types(answer)).isEqualTo("12tnC".repeat(4) + "12CZ");
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]", "insert v [c]",
                "insert v [d]", "insert v [e]", "commit");
        assertThat(session().batches).containsExactly(3);
    }

    @Test
    void describeOfTheBoundPortal_isAnsweredInPlace() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), bindValue("a"), describe('P', ""),
                execute("", 0), bindValue("b"), describe('P', ""), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12nC2nCZ");
        assertThat(session().batches).containsExactly(1);
    }

    @Test
    void errorAtAMiddleEntry_answersTheEntriesBefore_thenItsError_andNothingAfter() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b", "dup", "d", "e"), sync());

        assertThat(types(answer)).isEqualTo("1" + "2C2C2E" + "Z");
        assertThat(answer.get(answer.size() - 2).fields()).containsEntry('C', "23505")
                .doesNotContainKey('W');   // the entry's own error, not the batch's "batch entry" context
        assertThat(answer.get(answer.size() - 1).body()).containsExactly('I');
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]", "insert v [dup]",
                "rollback");
    }

    @Test
    void errorAtTheFirstEntry_runsNothingElse() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("dup", "b", "c"), sync());

        assertThat(types(answer)).isEqualTo("12EZ");
        assertThat(session().executed).containsExactly("begin", "insert v [dup]", "rollback");
        assertThat(session().batches).isEmpty();
    }

    @Test
    void errorAtTheLastEntry_answersAllBefore() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b", "c", "dup"), sync());

        assertThat(types(answer)).isEqualTo("1" + "2C2C2C2E" + "Z");
        assertThat(session().executed).endsWith("insert v [dup]", "rollback");
    }

    @Test
    void errorInsideAClientBlock_failsTheBlockAtThatEntry() {
        send(query("begin"));
        received.clear();

        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "dup", "c"), sync());

        assertThat(types(answer)).isEqualTo("12C2EZ");
        assertThat(answer.get(answer.size() - 1).body()).containsExactly('E');
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [dup]");
    }

    @Test
    void otherStatementsInThePipeline_runTheHeldRowsFirst_inTheClientsOrder() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b", "c"),
                parse("q", "select 7"), bind("", "q", 0, new byte[0][], 0), execute("", 0), rows("d", "e"), sync());

        assertThat(types(answer)).isEqualTo("1" + "2C".repeat(3) + "1" + "2DC" + "2C".repeat(2) + "Z");
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]", "insert v [c]",
                "select 7", "insert v [d]", "insert v [e]", "commit");
        assertThat(session().batches).containsExactly(2, 1);
    }

    @Test
    void flush_sendsTheAnswersOfTheHeldRowsBeforeSync() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b", "c"), flush());

        assertThat(types(answer)).isEqualTo("1" + "2C".repeat(3));
        answer = send(sync());
        assertThat(types(answer)).endsWith("Z");
        assertThat(session().executed).endsWith("insert v [c]", "commit");
    }

    @Test
    void badBindAfterHeldRows_answersThoseRowsThenTheBindsError_andSyncRollsBack() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b"),
                bind("", "s", 0, new byte[0][], 0), execute("", 0), rows("c"), sync());

        assertThat(types(answer)).isEqualTo("12C2CEZ");
        assertThat(answer.get(answer.size() - 2).fields()).containsEntry('C', "08P01");
        // As in PostgreSQL, every error aborts the implicit block: Sync rolls back the rows before it.
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]", "rollback");
    }

    @Test
    void bindOfAMissingStatementAfterHeldRows_answersThoseRowsFirst_andSyncRollsBack() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b"),
                bind("", "nope", 0, new byte[0][], 0), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12C2CEZ");
        assertThat(answer.get(answer.size() - 2).fields()).containsEntry('C', "26000");
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]", "rollback");
    }

    @Test
    void bindWithoutExecuteBeforeSync_leavesThatPortalBound() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b"), bindValue("c"), sync());

        assertThat(types(answer)).isEqualTo("12C2C2Z");
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]", "commit");
    }

    @Test
    void moreRowsThanOneBatchHolds_runInSeveralBatches() {
        int n = PipelinedBatch.MAX_ENTRIES * 2 + 3;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = "r" + i;
        }
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows(values), sync());

        assertThat(types(answer)).isEqualTo("1" + "2C".repeat(n) + "Z");
        assertThat(session().batches).containsExactly(PipelinedBatch.MAX_ENTRIES, PipelinedBatch.MAX_ENTRIES, 2);
        assertThat(session().executed).hasSize(n + 2).contains("insert v [r" + (n - 1) + "]");
    }

    @Test
    void statementsThatReturnRows_areNeverHeld() {
        List<Received> answer = send(parse("s", "select $1", 23), bindValue("1"), execute("", 0), bindValue("2"),
                execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12DC2DCZ");
        assertThat(session().batches).isEmpty();
    }

    private static List<String> notices(List<Received> answer) {
        return answer.stream().filter(m -> m.type() == 'N').map(m -> m.fields().get('M')).toList();
    }

    @Test
    void noticesOfHeldRows_goOutWithThoseRowsAnswers() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("note0", "a", "note2", "b", "note4"),
                sync());

        assertThat(types(answer)).isEqualTo("1" + "2NC" + "2C" + "2NC" + "2C" + "2NC" + "Z");
        assertThat(notices(answer)).containsExactly("inserting note0", "inserting note2", "inserting note4");
        assertThat(session().batches).containsExactly(4);
    }

    @Test
    void noticeOfTheFailingEntry_goesBeforeItsError() {
        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "note1", "note-dup", "d"), sync());

        assertThat(types(answer)).isEqualTo("1" + "2C" + "2NC" + "2NE" + "Z");
        assertThat(notices(answer)).containsExactly("inserting note1", "inserting note-dup");
        assertThat(answer.get(answer.size() - 2).fields()).containsEntry('C', "23505");
    }

    @Test
    void badBindInsideAClientBlock_failsTheBlock_untilRollback() {
        send(query("begin"));
        received.clear();

        List<Received> answer = send(parse("s", "insert v", TEXT_OID), bind("", "s", 0, new byte[0][], 0),
                execute("", 0), sync());
        assertThat(types(answer)).isEqualTo("1EZ");
        assertThat(answer.get(1).fields()).containsEntry('C', "08P01");
        assertThat(answer.get(2).body()).containsExactly('E');

        answer = send(parse("", "select 1"), bind("", "", 0, new byte[0][], 0), execute("", 0), sync());
        assertThat(answer.stream().filter(m -> m.type() == 'E').map(m -> m.fields().get('C'))).containsExactly("25P02");
        assertThat(answer.get(answer.size() - 1).body()).containsExactly('E');

        answer = send(query("rollback"));
        assertThat(types(answer)).isEqualTo("CZ");
        assertThat(answer.get(1).body()).containsExactly('I');
    }

    @Test
    void bindOfAMissingStatementInsideAClientBlock_failsTheBlock() {
        send(query("begin"));
        received.clear();

        List<Received> answer = send(bind("", "nope", 0, new byte[0][], 0), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("EZ");
        assertThat(answer.get(0).fields()).containsEntry('C', "26000");
        assertThat(answer.get(1).body()).containsExactly('E');
    }

    @Test
    void heldRowsThenABadBindInsideAClientBlock_answerTheRows_thenFailTheBlock() {
        send(query("begin"));
        received.clear();

        List<Received> answer = send(parse("s", "insert v", TEXT_OID), rows("a", "b"),
                bind("", "s", 0, new byte[0][], 0), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12C2CEZ");
        assertThat(answer.get(answer.size() - 1).body()).containsExactly('E');
        assertThat(session().executed).containsExactly("begin", "insert v [a]", "insert v [b]");
    }

    @Test
    void describeInAFailedBlock_refusesAStatementReturningRows_only() {
        send(query("begin"), parse("q", "select 7"), parse("s", "insert v", TEXT_OID), sync());
        send(bind("", "nope", 0, new byte[0][], 0), sync());
        received.clear();

        List<Received> answer = send(describe('S', "s"), sync(), describe('S', "q"), sync());

        assertThat(types(answer)).isEqualTo("tnZEZ");
        assertThat(answer.get(3).fields()).containsEntry('C', "25P02");
    }

    @Test
    void portalSuspendedBeforeTheBlockFailed_readsNoMore() {
        send(query("begin"));
        List<Received> answer = send(parse("q", "series 5"), bind("p", "q", 0, new byte[0][], 0), execute("p", 2),
                sync());
        assertThat(types(answer)).endsWith("12DDsZ");
        send(bind("", "nope", 0, new byte[0][], 0), sync());
        received.clear();

        answer = send(execute("p", 2), sync());

        assertThat(types(answer)).isEqualTo("EZ");
        assertThat(answer.get(0).fields()).containsEntry('C', "25P02");
    }

    @Test
    void countedPrefix_onlyForTagsWithARowCount() {
        assertThat(PipelinedBatch.countedPrefix("INSERT 0 1")).isEqualTo("INSERT 0");
        assertThat(PipelinedBatch.countedPrefix("UPDATE 12")).isEqualTo("UPDATE");
        assertThat(PipelinedBatch.countedPrefix("DELETE 0")).isEqualTo("DELETE");
        assertThat(PipelinedBatch.countedPrefix("CREATE TABLE")).isNull();
        assertThat(PipelinedBatch.countedPrefix("SELECT 3")).isNull();
        assertThat(PipelinedBatch.countedPrefix("INSERT 0 ")).isNull();
        assertThat(PipelinedBatch.countedPrefix("BEGIN")).isNull();
    }
}
