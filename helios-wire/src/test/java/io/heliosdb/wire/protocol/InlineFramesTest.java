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
        int length = InlineFrames.completeFrame(in, 1024);
        assertThatThrownBy(() -> InlineFrames.read(in, length)).isInstanceOf(ProtocolViolation.class);
    }
}
