package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.wire.protocol.BackendMessage;
import io.heliosdb.wire.protocol.PgMessageEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A statement's repeating answers are encoded once and match what the encoder writes for the message itself. */
class StatementFramesTest {
    private static final List<Column> COLUMNS = List.of(new Column("abalance", SqlType.INTEGER),
            new Column("note", SqlType.TEXT));

    @Test
    void description_isEncodedOncePerFormats_andEqualsTheFreshMessage() {
        StatementFrames frames = new StatementFrames();
        BackendMessage text = frames.description(COLUMNS, new short[0]);
        assertThat(bytes(text)).isEqualTo(bytes(RowEncoder.describe(COLUMNS, new short[] {0, 0})));
        assertThat(frames.description(List.copyOf(COLUMNS), new short[0])).isSameAs(text);

        BackendMessage binary = frames.description(COLUMNS, new short[] {1});
        assertThat(binary).isNotSameAs(text);
        assertThat(bytes(binary)).isEqualTo(bytes(RowEncoder.describe(COLUMNS, new short[] {1, 1})));

        List<Column> altered = List.of(new Column("abalance", SqlType.BIGINT), new Column("note", SqlType.TEXT));
        assertThat(bytes(frames.description(altered, new short[] {1})))
                .isEqualTo(bytes(RowEncoder.describe(altered, new short[] {1, 1})));
    }

    @Test
    void description_wrongFormatCount_is08P01() {
        assertThatThrownBy(() -> new StatementFrames().description(COLUMNS, new short[] {0, 1, 0}))
                .isInstanceOf(HeliosException.class)
                .satisfies(e -> assertThat(((HeliosException) e).sqlState()).isEqualTo(SqlState.PROTOCOL_VIOLATION));
    }

    @Test
    void commandComplete_followsTheTag() {
        StatementFrames frames = new StatementFrames();
        BackendMessage one = frames.commandComplete("SELECT 1");
        assertThat(frames.commandComplete(new String("SELECT 1"))).isSameAs(one);
        assertThat(bytes(one)).isEqualTo(bytes(new BackendMessage.CommandComplete("SELECT 1")));
        assertThat(bytes(frames.commandComplete("SELECT 0"))).isEqualTo(bytes(new BackendMessage.CommandComplete("SELECT 0")));
    }

    @Test
    void rowEncoder_formatAt_readsNoneOneOrEach() {
        assertThat(RowEncoder.formatAt(new short[0], 3)).isZero();
        assertThat(RowEncoder.formatAt(new short[] {1}, 3)).isEqualTo((short) 1);
        assertThat(RowEncoder.formatAt(new short[] {0, 1}, 1)).isEqualTo((short) 1);
        assertThatThrownBy(() -> RowEncoder.checkFormatCount(new short[] {0, 1}, 3, "Bind"))
                .isInstanceOf(HeliosException.class);
    }

    private static byte[] bytes(BackendMessage message) {
        if (message instanceof BackendMessage.Encoded e) {
            return e.frame();
        }
        return PgMessageEncoder.encoded(message).frame();
    }
}
