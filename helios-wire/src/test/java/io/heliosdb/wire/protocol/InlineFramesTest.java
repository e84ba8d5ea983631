package io.heliosdb.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InlineFramesTest {

    private static ByteBuf frame(char type, byte[] body) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(type).writeInt(4 + body.length).writeBytes(body);
        return b;
    }

    private static byte[] cstring(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    @Test
    void completeFrame_countsTheWholeFrameWithoutReadingIt() {
        ByteBuf in = frame('Q', cstring("select 1"));
        int length = InlineFrames.completeFrame(in, 1024);
        assertThat(length).isEqualTo(in.readableBytes());
        assertThat(in.readerIndex()).isZero();
        assertThat(InlineFrames.read(in, length)).isEqualTo(new FrontendMessage.Query("select 1"));
        assertThat(in.isReadable()).isFalse();
    }

    @Test
    void completeFrame_cutShort_isIncomplete() {
        ByteBuf whole = frame('Q', cstring("select 1"));
        for (int cut = 0; cut < whole.readableBytes(); cut++) {
            assertThat(InlineFrames.completeFrame(whole.slice(0, cut), 1024)).as("cut at " + cut)
                    .isEqualTo(InlineFrames.INCOMPLETE);
        }
    }

    @Test
    void completeFrame_copyDataPasswordsAndUnknownTypes_areLeftToTheDecoder() {
        assertThat(InlineFrames.completeFrame(frame('d', new byte[3]), 1024)).isEqualTo(InlineFrames.NOT_INLINE);
        assertThat(InlineFrames.completeFrame(frame('c', new byte[0]), 1024)).isEqualTo(InlineFrames.NOT_INLINE);
        assertThat(InlineFrames.completeFrame(frame('p', new byte[2]), 1024)).isEqualTo(InlineFrames.NOT_INLINE);
        assertThat(InlineFrames.completeFrame(frame('Z', new byte[0]), 1024)).isEqualTo(InlineFrames.NOT_INLINE);
    }

    @Test
    void completeFrame_longerThanTheBufferOrWithABadLength_isLeftToTheDecoder() {
        ByteBuf big = frame('Q', cstring("x".repeat(2000)));
        assertThat(InlineFrames.completeFrame(big, 1024)).isEqualTo(InlineFrames.NOT_INLINE);
        ByteBuf bad = Unpooled.buffer().writeByte('S').writeInt(3);
        assertThat(InlineFrames.completeFrame(bad, 1024)).isEqualTo(InlineFrames.NOT_INLINE);
    }

    @Test
    void read_malformedBody_isAViolation() {
        ByteBuf in = frame('E', "abc".getBytes(StandardCharsets.US_ASCII));
        in.writeBytes(frame('S', new byte[0]));
        int written = in.writerIndex();
        int length = InlineFrames.completeFrame(in, 1024);
        assertThatThrownBy(() -> InlineFrames.read(in, length)).isInstanceOf(ProtocolViolation.class);
        assertThat(in.writerIndex()).as("the bytes after the frame stay readable").isEqualTo(written);
    }

    @Test
    void read_framesBackToBack_eachEndsAtItsOwnLength() {
        ByteBuf in = frame('B', bind("", "P0_1", "42"));
        in.writeBytes(frame('E', new byte[] {0, 0, 0, 0, 0}));
        in.writeBytes(frame('S', new byte[0]));
        in.writeBytes(new byte[] {'Q', 0, 0});   // the start of a frame still on its way
        FrontendMessage.Bind bind = (FrontendMessage.Bind) InlineFrames.read(in, InlineFrames.completeFrame(in, 1024));
        assertThat(bind.portal()).isEmpty();
        assertThat(bind.statement()).isEqualTo("P0_1");
        assertThat(bind.parameterValues()[0]).containsExactly('4', '2');
        assertThat(InlineFrames.read(in, InlineFrames.completeFrame(in, 1024))).isEqualTo(new FrontendMessage.Execute("", 0));
        assertThat(InlineFrames.read(in, InlineFrames.completeFrame(in, 1024))).isEqualTo(new FrontendMessage.Sync());
        assertThat(InlineFrames.completeFrame(in, 1024)).isEqualTo(InlineFrames.INCOMPLETE);
        assertThat(in.readableBytes()).isEqualTo(3);
    }

    /** A Bind body: portal, statement, no format codes, one text parameter, no result format codes. */
    private static byte[] bind(String portal, String statement, String value) {
        ByteBuf b = Unpooled.buffer();
        b.writeBytes(cstring(portal)).writeBytes(cstring(statement)).writeShort(0).writeShort(1);
        byte[] raw = value.getBytes(StandardCharsets.US_ASCII);
        b.writeInt(raw.length).writeBytes(raw).writeShort(0);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }
}
