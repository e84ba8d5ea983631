package io.heliosdb.wire.protocol;

import io.heliosdb.wire.protocol.BackendMessage.*;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/** Writes {@link BackendMessage}s in the v3 layout: type byte, Int32 length (itself included), body. */
public final class PgMessageEncoder extends MessageToByteEncoder<BackendMessage> {

    public PgMessageEncoder() {
        super(BackendMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BackendMessage message, ByteBuf out) {
        write(message, out);
    }

    /** Appends one message to {@code out}. */
    public static void write(BackendMessage message, ByteBuf out) {
        if (message instanceof Encoded e) {
            out.writeBytes(e.frame());
            return;
        }
        if (message instanceof EncryptionRefused) {
            out.writeByte('N');
            return;
        }
        if (message instanceof EncryptionAccepted) {
            out.writeByte('S');
            return;
        }
        out.writeByte(typeOf(message));
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        writeBody(message, out);
        out.setInt(lengthAt, out.writerIndex() - lengthAt);
    }

    /** {@code message} in its wire form, to be sent many times as an {@link Encoded} message. */
    public static Encoded encoded(BackendMessage message) {
        ByteBuf out = Unpooled.buffer();
        try {
            write(message, out);
            return new Encoded(ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    private static char typeOf(BackendMessage message) {
        if (message instanceof DataRow) {
            return 'D';
        }
        if (message instanceof AuthenticationOk || message instanceof AuthenticationCleartextPassword
                || message instanceof AuthenticationMd5Password || message instanceof AuthenticationSasl
                || message instanceof AuthenticationSaslContinue || message instanceof AuthenticationSaslFinal) {
            return 'R';
        }
        if (message instanceof NegotiateProtocolVersion) {
            return 'v';
        }
        if (message instanceof ParameterStatus) {
            return 'S';
        }
        if (message instanceof BackendKeyData) {
            return 'K';
        }
        if (message instanceof ReadyForQuery) {
            return 'Z';
        }
        if (message instanceof RowDescription) {
            return 'T';
        }
        if (message instanceof CommandComplete) {
            return 'C';
        }
        if (message instanceof EmptyQueryResponse) {
            return 'I';
        }
        if (message instanceof ErrorResponse) {
            return 'E';
        }
        if (message instanceof NoticeResponse) {
            return 'N';
        }
        if (message instanceof CopyInResponse) {
            return 'G';
        }
        if (message instanceof CopyOutResponse) {
            return 'H';
        }
        if (message instanceof CopyData) {
            return 'd';
        }
        if (message instanceof CopyDone) {
            return 'c';
        }
        if (message instanceof ParseComplete) {
            return '1';
        }
        if (message instanceof BindComplete) {
            return '2';
        }
        if (message instanceof CloseComplete) {
            return '3';
        }
        if (message instanceof NoData) {
            return 'n';
        }
        if (message instanceof ParameterDescription) {
            return 't';
        }
        if (message instanceof PortalSuspended) {
            return 's';
        }
        throw new IllegalArgumentException("no frame type for " + message);
    }

    private static void writeBody(BackendMessage message, ByteBuf out) {
        if (message instanceof DataRow m) {
            out.writeShort(m.values().length);
            for (byte[] value : m.values()) {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(value.length);
                    out.writeBytes(value);
                }
            }
        } else if (message instanceof AuthenticationOk) {
            out.writeInt(0);
        } else if (message instanceof AuthenticationCleartextPassword) {
            out.writeInt(3);
        } else if (message instanceof AuthenticationMd5Password m) {
            out.writeInt(5);
            out.writeBytes(m.salt());
        } else if (message instanceof AuthenticationSasl m) {
            out.writeInt(10);
            m.mechanisms().forEach(name -> writeCString(out, name));
            out.writeByte(0);
        } else if (message instanceof AuthenticationSaslContinue m) {
            out.writeInt(11);
            out.writeBytes(m.data());
        } else if (message instanceof AuthenticationSaslFinal m) {
            out.writeInt(12);
            out.writeBytes(m.data());
        } else if (message instanceof NegotiateProtocolVersion m) {
            out.writeInt(m.newestMinorVersion());
            out.writeInt(m.unrecognizedOptions().size());
            m.unrecognizedOptions().forEach(o -> writeCString(out, o));
        } else if (message instanceof ParameterStatus m) {
            writeCString(out, m.name());
            writeCString(out, m.value());
        } else if (message instanceof BackendKeyData m) {
            out.writeInt(m.processId());
            out.writeInt(m.secretKey());
        } else if (message instanceof ReadyForQuery m) {
            out.writeByte(m.status());
        } else if (message instanceof RowDescription m) {
            out.writeShort(m.fields().size());
            for (Field f : m.fields()) {
                writeCString(out, f.name());
                out.writeInt(f.tableOid());
                out.writeShort(f.attributeNumber());
                out.writeInt(f.typeOid());
                out.writeShort(f.typeLength());
                out.writeInt(f.typeModifier());
                out.writeShort(f.format());
            }
        } else if (message instanceof CommandComplete m) {
            writeCString(out, m.tag());
        } else if (message instanceof ErrorResponse m) {
            writeError(m, out);
        } else if (message instanceof NoticeResponse m) {
            writeField(out, 'S', m.severity());
            writeField(out, 'V', m.severity());
            writeField(out, 'C', m.sqlState());
            writeField(out, 'M', m.message());
            out.writeByte(0);
        } else if (message instanceof CopyInResponse m) {
            writeCopyResponse(m.columns(), m.binary(), out);
        } else if (message instanceof CopyOutResponse m) {
            writeCopyResponse(m.columns(), m.binary(), out);
        } else if (message instanceof CopyData m) {
            out.writeBytes(m.data());
        } else if (message instanceof ParameterDescription m) {
            out.writeShort(m.typeOids().length);
            for (int oid : m.typeOids()) {
                out.writeInt(oid);
            }
        }
        // The remaining messages have an empty body.
    }

    private static void writeError(ErrorResponse m, ByteBuf out) {
        writeField(out, 'S', m.severity());
        writeField(out, 'V', m.severity());
        writeField(out, 'C', m.sqlState());
        writeField(out, 'M', m.message() == null ? "" : m.message());
        writeField(out, 'D', m.detail());
        writeField(out, 'H', m.hint());
        if (m.position() > 0) {
            writeField(out, 'P', Integer.toString(m.position()));
        }
        writeField(out, 'W', m.where());
        if (m.table() != null) {
            // Every table lives in the one schema, public, as PostgreSQL would name it.
            writeField(out, 's', "public");
            writeField(out, 't', m.table());
        }
        writeField(out, 'c', m.column());
        writeField(out, 'n', m.constraint());
        out.writeByte(0);
    }

    /** Overall format 0 (text, which CSV is too) or 1 (binary), and the same format code for every column. */
    private static void writeCopyResponse(int columns, boolean binary, ByteBuf out) {
        out.writeByte(binary ? 1 : 0);
        out.writeShort(columns);
        for (int i = 0; i < columns; i++) {
            out.writeShort(binary ? 1 : 0);
        }
    }

    private static void writeField(ByteBuf out, char code, String value) {
        if (value != null) {
            out.writeByte(code);
            writeCString(out, value);
        }
    }

    private static void writeCString(ByteBuf out, String s) {
        // A NUL inside would end the string early on the client; PostgreSQL text cannot contain one.
        // The JDK's encoder copies ASCII text in bulk, where the buffer's own would write it char by char.
        out.writeBytes(s.replace('\0', ' ').getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }
}
