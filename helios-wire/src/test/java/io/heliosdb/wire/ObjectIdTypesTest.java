package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.wire.WireBytes.Received;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Result columns of the object-identifier types and of int2vector/oidvector are described with
 * PostgreSQL's type OIDs and printed as PostgreSQL 15 prints them (expected values taken from it).
 */
class ObjectIdTypesTest {
    private static final byte[][] NO_PARAMS = new byte[0][];
    private static final String REG_QUERY = "select 't'::regclass, 'int4'::regtype, 'public'::regnamespace,"
            + " 'postgres'::regrole, 'int4in'::regproc";

    private KernelWire wire;

    @BeforeEach
    void connect() {
        wire = KernelWire.open();
        send(startup(196608, "user", "postgres", "database", "postgres"));
        send(query("create table t (a int, b int)"), query("create index ti on t (a, b)"));
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

    private static Received first(List<Received> messages, char type) {
        return messages.stream().filter(m -> m.type() == type).findFirst().orElseThrow();
    }

    /** RowDescription as "oid/length/format" per field. */
    private static List<String> fields(Received rowDescription) {
        ByteBuf b = rowDescription.buf();
        int n = b.readShort();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            readCString(b);
            b.readInt();
            b.readShort();
            int oid = b.readInt();
            short length = b.readShort();
            b.readInt();
            short format = b.readShort();
            fields.add(oid + "/" + length + "/" + format);
        }
        return fields;
    }

    @Test
    void objectIdentifiers_areDescribedWithTheirOwnTypesAndPrintedByName() {
        List<Received> answer = send(query(REG_QUERY));

        assertThat(fields(first(answer, 'T'))).containsExactly("2205/4/0", "2206/4/0", "4089/4/0", "4096/4/0", "24/4/0");
        assertThat(first(answer, 'D').values()).containsExactly("t", "integer", "public", "postgres", "int4in");
    }

    @Test
    void objectIdentifiers_inBinary_areSentAsTheOid() {
        String oid = first(send(query("select oid from pg_class where relname = 't'")), 'D').values().get(0);

        List<Received> answer = send(parse("", "select 't'::regclass, 't'::regclass::text"),
                bind("", "", 0, NO_PARAMS, 1), describe('P', ""), execute("", 0), sync());

        assertThat(fields(first(answer, 'T'))).containsExactly("2205/4/1", "25/-1/1");
        List<byte[]> values = first(answer, 'D').rawValues();
        assertThat(ByteBuffer.wrap(values.get(0)).getInt()).isEqualTo(Integer.parseInt(oid));
        assertThat(new String(values.get(1), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("t");
    }

    @Test
    void regproc_askedInBinary_goesAsTextAndSaysSo() {
        List<Received> answer = send(parse("", "select 'int4in'::regproc"), bind("", "", 0, NO_PARAMS, 1),
                describe('P', ""), execute("", 0), sync());

        assertThat(fields(first(answer, 'T'))).containsExactly("24/4/0");
        assertThat(first(answer, 'D').values()).containsExactly("int4in");
    }

    @Test
    void int2vectorAndOidvector_areSpaceSeparated() {
        List<Received> answer = send(query("select indkey, indclass, indkey[0] from pg_index"
                + " where indrelid = 't'::regclass"));

        assertThat(fields(first(answer, 'T'))).containsExactly("22/-1/0", "30/-1/0", "21/2/0");
        List<String> values = first(answer, 'D').values();
        assertThat(values.get(0)).isEqualTo("1 2");
        assertThat(values.get(1)).matches("\\d+ \\d+");
        assertThat(values.get(2)).isEqualTo("1");
    }
}
