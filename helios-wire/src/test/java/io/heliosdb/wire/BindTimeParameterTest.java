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
 * A text parameter value its type refuses fails the Bind (ErrorResponse where BindComplete would be), not the
 * Execute, against the real kernel. Each expected answer is what PostgreSQL 15 sent for the same bytes, recorded
 * with a raw-protocol client: message types in order, an error with its SQLSTATE, message, hint and context
 * (PostgreSQL's file, line and routine fields left out), ReadyForQuery with its status, a DataRow's values.
 */
class BindTimeParameterTest {
    private static final int INT4 = 23;

    private KernelWire wire;

    @BeforeEach
    void connect() {
        wire = KernelWire.open();
        wire.send(startup(196608, "user", "postgres", "database", "postgres"));
        assertThat(run(query("create table t (n int primary key)"))).isEqualTo("C Z(I)");
    }

    @AfterEach
    void shutDown() {
        if (wire != null) {
            wire.close();
        }
    }

    private String run(byte[]... parts) {
        int before = wire.send().size();
        List<Received> all = wire.send(parts);
        List<String> out = new ArrayList<>();
        for (Received m : all.subList(before, all.size())) {
            switch (m.type()) {
                case 'E' -> {
                    List<String> fields = new ArrayList<>();
                    m.fields().forEach((code, value) -> {
                        if ("CMDHW".indexOf(code) >= 0) {
                            fields.add(code + "=" + value);
                        }
                    });
                    out.add("E(" + String.join(" | ", fields) + ")");
                }
                case 'Z' -> out.add("Z(" + (char) m.body()[0] + ")");
                case 'D' -> out.add("D" + m.values());
                case 'S', 'K', 'R', 'N' -> { }
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
    void refusedInteger_failsTheBind_namingTheParameter() {
        assertThat(run(parse("s", "insert into t values ($1)", INT4), bindText("", "s", "abc"), execute("", 0), sync()))
                .isEqualTo("1 E(C=22P02 | M=invalid input syntax for type integer: \"abc\""
                        + " | W=unnamed portal parameter $1 = '...') Z(I)");
        assertThat(run(parse("s2", "insert into t values ($1)"), bindText("p", "s2", "abc"), execute("p", 0), sync()))
                .isEqualTo("1 E(C=22P02 | M=invalid input syntax for type integer: \"abc\""
                        + " | W=portal \"p\" parameter $1 = '...') Z(I)");
        assertThat(run(query("select count(*) from t"))).isEqualTo("T D[0] C Z(I)");
    }

    @Test
    void insideBegin_aRefusedValueFailsTheBlockAfterTheRowsBefore() {
        run(query("begin"), parse("s2", "insert into t values ($1)"), sync());
        assertThat(run(bindText("", "s2", "1"), execute("", 0), bindText("", "s2", "x1"), execute("", 0), sync()))
                .isEqualTo("2 C E(C=22P02 | M=invalid input syntax for type integer: \"x1\""
                        + " | W=unnamed portal parameter $1 = '...') Z(E)");
        assertThat(run(query("rollback"))).isEqualTo("C Z(I)");
    }

    @Test
    void pipelinedRows_theRowsBeforeRun_thenTheImplicitBlockRollsBack() {
        run(parse("s", "insert into t values ($1)", INT4), sync());
        assertThat(run(bindText("", "s", "1"), execute("", 0), bindText("", "s", "2"), execute("", 0),
                bindText("", "s", "3x"), execute("", 0), bindText("", "s", "4"), execute("", 0), sync()))
                .isEqualTo("2 C 2 C E(C=22P02 | M=invalid input syntax for type integer: \"3x\""
                        + " | W=unnamed portal parameter $1 = '...') Z(I)");
        assertThat(run(query("select count(*) from t"))).isEqualTo("T D[0] C Z(I)");
    }

    @Test
    void eachTypesRefusal_atBind_andGoodValuesRun() {
        assertThat(run(parse("u", "select $1::int8 + 1, $2::uuid"), bindText("", "u", "99999999999999999999", "x"),
                execute("", 0), sync()))
                .isEqualTo("1 E(C=22003 | M=value \"99999999999999999999\" is out of range for type bigint"
                        + " | W=unnamed portal parameter $1 = '...') Z(I)");
        run(parse("u2", "select $1::int, $2::uuid, $3::bool, $4::date, $5::numeric"), sync());
        String uuid = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        assertThat(run(bindText("", "u2", "12", uuid, "t", "2020-01-02", "1.50"), execute("", 0), sync()))
                .isEqualTo("2 D[12, " + uuid + ", t, 2020-01-02, 1.50] C Z(I)");
        assertThat(run(bindText("", "u2", "12", uuid, "maybe", "2020-01-02", "1.50"), execute("", 0), sync()))
                .isEqualTo("E(C=22P02 | M=invalid input syntax for type boolean: \"maybe\""
                        + " | W=unnamed portal parameter $3 = '...') Z(I)");
        assertThat(run(bindText("", "u2", "12", uuid, "t", "2020-02-30", "1.50"), execute("", 0), sync()))
                .isEqualTo("E(C=22008 | M=date/time field value out of range: \"2020-02-30\""
                        + " | W=unnamed portal parameter $4 = '...') Z(I)");
        assertThat(run(bindText("", "u2", "12", uuid, "t", "soon", "1.50"), execute("", 0), sync()))
                .isEqualTo("E(C=22007 | M=invalid input syntax for type date: \"soon\""
                        + " | W=unnamed portal parameter $4 = '...') Z(I)");
        assertThat(run(bindText("", "u2", "12", uuid, "t", "2020-12-02", "1.5.0"), execute("", 0), sync()))
                .isEqualTo("E(C=22P02 | M=invalid input syntax for type numeric: \"1.5.0\""
                        + " | W=unnamed portal parameter $5 = '...') Z(I)");
        assertThat(run(parse("z", "select $1::timestamptz"), bindText("", "z", "yesterdayish"), execute("", 0), sync()))
                .isEqualTo("1 E(C=22007 | M=invalid input syntax for type timestamp with time zone: \"yesterdayish\""
                        + " | W=unnamed portal parameter $1 = '...') Z(I)");
    }

    @Test
    void zonedTypes_areReadInTheTimeZoneOfTheBind() {
        // PostgreSQL 15: the Bind runs timestamptz_in/timetz_in in the zone set then; a later SET changes the display.
        assertThat(run(query("set timezone = 'America/New_York'"), query("begin"))).isEqualTo("C Z(I) C Z(T)");
        assertThat(run(parse("z", "select $1::timestamptz, $2::timetz"),
                bindText("p", "z", "2024-01-01 00:00:00", "12:00:00"), sync())).isEqualTo("1 2 Z(T)");
        assertThat(run(query("set timezone = 'UTC'"), execute("p", 0), sync()))
                .isEqualTo("C Z(T) D[2024-01-01 05:00:00+00, 12:00:00-05] C Z(T)");
        assertThat(run(query("commit"))).isEqualTo("C Z(I)");
    }
}
