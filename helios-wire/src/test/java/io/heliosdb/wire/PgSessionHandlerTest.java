package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.wire.WireBytes.Received;
import io.heliosdb.wire.protocol.PgFrameDecoder;
import io.heliosdb.wire.protocol.PgMessageEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Protocol flows fed a few bytes at a time into an EmbeddedChannel, against {@link FakeSession}. */
class PgSessionHandlerTest {
    private static final int V3 = 196608;

    private final FakeHeliosDB db = new FakeHeliosDB();
    private final ServerContext server = new ServerContext(db, Runnable::run, 10);
    private final EmbeddedChannel channel = newChannel();
    private final ByteBuf received = Unpooled.buffer();

    private EmbeddedChannel newChannel() {
        return new EmbeddedChannel(new PgFrameDecoder(4096), new PgMessageEncoder(), new PgSessionHandler(server));
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    /**
     * Writes the bytes in fragments of 1, 2 and 3 bytes (stopping if the server closes), then
     * returns the frames answered since the last call.
     */
    private List<Received> send(byte[]... parts) {
        byte[] bytes = concat(parts);
        int at = 0;
        int size = 1;
        while (at < bytes.length && channel.isOpen()) {
            int n = Math.min(size, bytes.length - at);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
            at += n;
            size = size % 3 + 1;
        }
        channel.runPendingTasks();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            received.writeBytes(out);
            out.release();
        }
        return WireBytes.parse(received);
    }

    private List<Received> connect() {
        return send(startup(V3, "user", "alice", "database", "postgres", "application_name", "myapp"));
    }

    private FakeSession session() {
        return db.sessions.get(0);
    }

    @Test
    void startup_v3_sendsAuthenticationParametersKeyAndReady() {
        List<Received> answer = connect();

        assertThat(types(answer)).isEqualTo("R" + "S".repeat(13) + "KZ");
        assertThat(answer.get(0).buf().readInt()).isZero();
        assertThat(answer.stream().filter(m -> m.type() == 'S').map(Received::parameter))
                .contains("server_version=16.0", "client_encoding=UTF8", "DateStyle=ISO, MDY",
                        "integer_datetimes=on", "standard_conforming_strings=on", "application_name=myapp",
                        "session_authorization=alice", "is_superuser=on", "IntervalStyle=postgres",
                        "server_encoding=UTF8", "default_transaction_read_only=off", "in_hot_standby=off");
        assertThat(answer.get(answer.size() - 1).body()).containsExactly('I');
        assertThat(server.sessions().get()).isEqualTo(1);
    }

    @Test
    void sslRequest_answeredWithN_thenStartupProceeds() {
        channel.writeInbound(Unpooled.wrappedBuffer(sslRequest()));
        ByteBuf answer = channel.readOutbound();
        assertThat(answer.readableBytes()).isEqualTo(1);
        assertThat(answer.readByte()).isEqualTo((byte) 'N');
        answer.release();

        assertThat(types(connect())).endsWith("KZ");
    }

    @Test
    void gssEncRequest_answeredWithN_thenSslRequestAndStartupProceed() {
        // libpq with gssencmode=prefer asks for GSS encryption first, then for TLS, on the same connection.
        channel.writeInbound(Unpooled.wrappedBuffer(toArray(Unpooled.buffer().writeInt(8).writeInt(80877104))));
        ByteBuf answer = channel.readOutbound();
        assertThat(answer.readableBytes()).isEqualTo(1);
        assertThat(answer.readByte()).isEqualTo((byte) 'N');
        answer.release();
        channel.writeInbound(Unpooled.wrappedBuffer(sslRequest()));
        answer = channel.readOutbound();
        assertThat(answer.readByte()).isEqualTo((byte) 'N');
        answer.release();

        assertThat(types(connect())).endsWith("KZ");
    }

    @Test
    void startup_otherProtocolVersion_isFatal08P01AndCloses() {
        List<Received> answer = send(startup(2 << 16, "user", "alice"));

        assertThat(types(answer)).isEqualTo("E");
        assertThat(answer.get(0).fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01");
        assertThat(channel.isOpen()).isFalse();
        assertThat(db.sessions).isEmpty();
    }

    @Test
    void startup_withoutUser_isFatal28000() {
        List<Received> answer = send(startup(V3, "database", "postgres"));

        assertThat(answer.get(0).fields()).containsEntry('C', "28000");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void startup_overConnectionLimit_isFatal53300() {
        server.sessions().set(10);

        List<Received> answer = connect();

        assertThat(answer.get(0).fields()).containsEntry('C', "53300");
        assertThat(channel.isOpen()).isFalse();
        assertThat(server.sessions().get()).isEqualTo(10);
    }

    @Test
    void simpleQuery_select_describesSendsRowsAndCompletes() {
        connect();

        List<Received> answer = send(query("select 7"));

        assertThat(types(answer)).isEqualTo("TDCZ");
        ByteBuf desc = answer.get(0).buf();
        assertThat(desc.readShort()).isEqualTo((short) 1);
        assertThat(readCString(desc)).isEqualTo("?column?");
        assertThat(desc.readInt()).isZero();          // table oid
        assertThat(desc.readShort()).isZero();        // attnum
        assertThat(desc.readInt()).isEqualTo(23);     // int4
        assertThat(desc.readShort()).isEqualTo((short) 4);
        assertThat(desc.readInt()).isEqualTo(-1);
        assertThat(desc.readShort()).isZero();        // text
        assertThat(answer.get(1).values()).containsExactly("7");
        assertThat(answer.get(2).string()).isEqualTo("SELECT 1");
    }

    @Test
    void simpleQuery_errorInScript_skipsTheRestAndReportsAllFields() {
        connect();

        List<Received> answer = send(query("insert a; fail; insert b"));

        assertThat(types(answer)).isEqualTo("CEZ");
        assertThat(answer.get(0).string()).isEqualTo("INSERT 0 1");
        assertThat(answer.get(1).fields()).containsEntry('S', "ERROR").containsEntry('V', "ERROR")
                .containsEntry('C', "22012").containsEntry('M', "division by zero")
                .containsEntry('D', "a detail").containsEntry('H', "a hint").doesNotContainKey('P');
        assertThat(session().executed).containsExactly("insert a", "fail");
    }

    @Test
    void simpleQuery_syntaxError_runsNothingAndReportsPosition() {
        connect();

        List<Received> answer = send(query("insert a; bogus"));

        assertThat(types(answer)).isEqualTo("EZ");
        assertThat(answer.get(0).fields()).containsEntry('C', "42601").containsEntry('P', "1");
        assertThat(session().executed).isEmpty();
    }

    @Test
    void simpleQuery_emptyText_answersEmptyQueryResponse() {
        connect();

        assertThat(types(send(query("  \n")))).isEqualTo("IZ");
        assertThat(types(send(query(" ; ")))).isEqualTo("IZ");
    }

    @Test
    void readyForQuery_reportsTransactionStatus() {
        connect();

        assertThat(statuses(send(query("begin")))).endsWith("T");
        assertThat(statuses(send(query("fail")))).endsWith("E");
        assertThat(statuses(send(query("select 1")))).endsWith("E");
        assertThat(statuses(send(query("rollback")))).endsWith("I");
    }

    private static String statuses(List<Received> messages) {
        return messages.stream().filter(m -> m.type() == 'Z').map(m -> String.valueOf((char) m.body()[0]))
                .collect(Collectors.joining());
    }

    @Test
    void extended_unnamedStatement_parseBindDescribeExecuteSync() {
        connect();

        List<Received> answer = send(parse("", "select $1", 23),
                bind("", "", 0, new byte[][] {utf8("42")}, 0), describe('P', ""), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12TDCZ");
        assertThat(answer.get(3).values()).containsExactly("42");
        assertThat(answer.get(4).string()).isEqualTo("SELECT 1");
        // A read outside BEGIN needs no implicit transaction: nothing to commit or undo.
        assertThat(session().executed).containsExactly("select $1 [42]");
    }

    @Test
    void extended_namedStatement_binaryParametersAndResults() {
        connect();

        List<Received> answer = send(parse("s1", "select $1", 20), describe('S', "s1"), sync());
        assertThat(types(answer)).isEqualTo("1tTZ");
        ByteBuf params = answer.get(1).buf();
        assertThat(params.readShort()).isEqualTo((short) 1);
        assertThat(params.readInt()).isEqualTo(20);

        byte[] value = ByteBuffer.allocate(8).putLong(1234567890123L).array();
        answer = send(bind("p1", "s1", 1, new byte[][] {value}, 1), describe('P', "p1"), execute("p1", 0),
                sync());

        assertThat(types(answer)).isEqualTo("2TDCZ");
        ByteBuf desc = answer.get(1).buf();
        desc.skipBytes(2);
        readCString(desc);
        desc.skipBytes(4 + 2 + 4 + 2 + 4);
        assertThat(desc.readShort()).isEqualTo((short) 1);   // binary result
        assertThat(answer.get(2).rawValues().get(0)).containsExactly(value);
        assertThat(session().executed).containsExactly("select $1 [1234567890123]");
    }

    @Test
    void extended_error_discardsMessagesUntilSync() {
        connect();

        List<Received> answer = send(parse("", "bogus"), bind("", "", 0, new byte[0][], 0),
                execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("EZ");
        assertThat(answer.get(0).fields()).containsEntry('C', "42601");

        answer = send(parse("", "select 5"), bind("", "", 0, new byte[0][], 0), execute("", 0), sync());
        assertThat(types(answer)).isEqualTo("12DCZ");
    }

    @Test
    void extended_errorBeforeSync_rollsBackTheImplicitTransaction() {
        connect();

        List<Received> answer = send(parse("", "insert x"), bind("", "", 0, new byte[0][], 0), execute("", 0),
                parse("", "fail"), bind("", "", 0, new byte[0][], 0), execute("", 0),
                parse("", "insert y"), bind("", "", 0, new byte[0][], 0), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12C12EZ");
        assertThat(answer.get(answer.size() - 1).body()).containsExactly('I');
        assertThat(session().executed).containsExactly("begin", "insert x", "fail", "rollback");
    }

    @Test
    void extended_readThenWrite_opensTheImplicitTransactionAtTheWrite_andCommitsAtSync() {
        connect();

        List<Received> answer = send(parse("", "select 1"), bind("", "", 0, new byte[0][], 0), execute("", 0),
                parse("", "insert x"), bind("", "", 0, new byte[0][], 0), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12DC12CZ");
        assertThat(session().executed).containsExactly("select 1", "begin", "insert x", "commit");
    }

    @Test
    void extended_clientBeginInsideTheBatch_leavesItsTransactionOpenAtSync() {
        connect();

        List<Received> answer = send(parse("", "begin"), bind("", "", 0, new byte[0][], 0), execute("", 0),
                parse("", "insert x"), bind("", "", 0, new byte[0][], 0), execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12C12CZ");
        assertThat(answer.get(answer.size() - 1).body()).containsExactly('T');
        assertThat(session().executed).containsExactly("begin", "begin", "insert x");
    }

    @Test
    void extended_rowLimit_suspendsPortalAndResumes() {
        connect();

        List<Received> answer = send(parse("", "series 5"), bind("", "", 0, new byte[0][], 0),
                execute("", 2), execute("", 2), execute("", 2), sync());

        assertThat(types(answer)).isEqualTo("12DDsDDsDCZ");
        assertThat(answer.stream().filter(m -> m.type() == 'D').map(m -> m.values().get(0)))
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(answer.get(answer.size() - 2).string()).isEqualTo("SELECT 5");
    }

    @Test
    void extended_closeAndMissingNames() {
        connect();

        List<Received> answer = send(parse("s", "select 1"), close('S', "s"), close('P', "nope"),
                bind("", "s", 0, new byte[0][], 0), sync());

        assertThat(types(answer)).isEqualTo("133EZ");
        assertThat(answer.get(3).fields()).containsEntry('C', "26000");

        answer = send(execute("nope", 0), sync());
        assertThat(answer.get(0).fields()).containsEntry('C', "34000");
    }

    @Test
    void extended_wrongParameterCount_isAnError08P01_untilSync() {
        connect();

        List<Received> answer = send(parse("", "select $1"), bind("", "", 0, new byte[0][], 0), execute("", 0),
                sync());

        assertThat(types(answer)).isEqualTo("1EZ");
        assertThat(answer.get(1).fields()).containsEntry('S', "ERROR").containsEntry('C', "08P01");
        assertThat(channel.isOpen()).isTrue();
        assertThat(session().executed).isEmpty();
    }

    @Test
    void oversizeMessage_isRefusedWithoutBufferingAndCloses() {
        connect();

        ByteBuf header = Unpooled.buffer().writeByte('Q').writeInt(100_000);
        List<Received> answer = send(toArray(header));

        assertThat(types(answer)).endsWith("E");
        assertThat(answer.get(answer.size() - 1).fields()).containsEntry('S', "FATAL").containsEntry('C', "54000");
        assertThat(channel.isOpen()).isFalse();
        assertThat(session().closed).isTrue();
    }

    @Test
    void oversizeStartupPacket_isRefused() {
        ByteBuf header = Unpooled.buffer().writeInt(20_000).writeInt(V3);

        List<Received> answer = send(toArray(header));

        assertThat(answer.get(0).fields()).containsEntry('C', "08P01");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void garbageBeforeStartup_closesWithError() {
        List<Received> answer = send(utf8("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));

        assertThat(answer.get(0).fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void unknownMessageType_afterStartup_closesWithError() {
        connect();

        List<Received> answer = send(frame('z', b -> b.writeInt(1)), query("select 1"));

        assertThat(types(answer)).isEqualTo("E");
        assertThat(answer.get(answer.size() - 1).fields()).containsEntry('C', "08P01");
        assertThat(channel.isOpen()).isFalse();
        assertThat(session().executed).isEmpty();
    }

    @Test
    void negativeMessageLength_closesWithError() {
        connect();

        List<Received> answer = send(toArray(Unpooled.buffer().writeByte('Q').writeInt(-5)));

        assertThat(answer.get(answer.size() - 1).fields()).containsEntry('C', "08P01");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void terminate_closesChannelAndSession() {
        connect();

        send(terminate());

        assertThat(channel.isOpen()).isFalse();
        assertThat(session().closed).isTrue();
        assertThat(server.sessions().get()).isZero();
    }

    @Test
    void cancelRequest_withMatchingKey_isAcceptedAndClosesQuietly() {
        List<Received> answer = connect();
        ByteBuf key = answer.get(answer.size() - 2).buf();
        int pid = key.readInt();
        int secret = key.readInt();

        EmbeddedChannel canceller = newChannel();
        canceller.writeInbound(Unpooled.wrappedBuffer(cancelRequest(pid, secret)));

        Object out;
        while ((out = canceller.readOutbound()) != null) {
            assertThat(((ByteBuf) out).readableBytes()).isZero();
        }
        assertThat(canceller.isOpen()).isFalse();
        assertThat(server.keys().cancel(pid, secret)).isTrue();
        assertThat(server.keys().cancel(pid, secret + 1)).isFalse();
        canceller.finishAndReleaseAll();
    }

    @Test
    void cancelRequest_whileBusy_stopsTheNextRowsWith57014_andIsForgottenAfterward() {
        List<Received> startup = connect();
        ByteBuf key = startup.get(startup.size() - 2).buf();
        int pid = key.readInt();
        int secret = key.readInt();
        send(parse("", "series 5"), bind("", "", 0, new byte[0][], 0));

        assertThat(server.keys().cancel(pid, secret)).isTrue();
        List<Received> answer = send(execute("", 0), sync());

        assertThat(types(answer)).isEqualTo("12EZ");   // Parse/BindComplete wait for a flush, as in PostgreSQL
        assertThat(answer.get(2).fields()).containsEntry('C', "57014");
        assertThat(server.keys().cancel(pid, secret)).isTrue();   // idle now: ignored
        assertThat(types(send(query("series 2")))).isEqualTo("TDDCZ");
    }

    private static byte[] toArray(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }
}
