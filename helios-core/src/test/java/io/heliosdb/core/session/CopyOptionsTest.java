package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.CopyDescription;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.HeliosConfig;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSV's FORCE_* options, COPY FROM ... WHERE, and the row form of COPY that binary format runs on. */
class CopyOptionsTest {
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s = db.session();
        s.execute("create table t (id integer primary key, name text, note text)").close();
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private String copyOut(String sql) {
        StringWriter out = new StringWriter();
        s.copyOut(sql, out);
        return out.toString();
    }

    private List<String> rows() {
        List<String> out = new ArrayList<>();
        for (Row r : s.execute("select id, name, note from t order by id").toList()) {
            out.add(r.get(0) + "|" + r.get(1) + "|" + r.get(2));
        }
        return out;
    }

    private static void assertState(Runnable call, SqlState state, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HeliosException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(state);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void forceQuote_columnsOrStar_quotesNonNullValuesOnly() {
        s.execute("insert into t values (1, 'a', null), (2, '', 'x')").close();
        assertThat(copyOut("COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE (name))")).isEqualTo("1,\"a\",\n2,\"\",x\n");
        assertThat(copyOut("COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE *)")).isEqualTo("\"1\",\"a\",\n\"2\",\"\",\"x\"\n");
    }

    @Test
    void forceNotNullAndForceNull_changeWhatReadsAsNull() {
        s.copyIn("COPY t FROM STDIN (FORMAT csv, FORCE_NOT_NULL (name), FORCE_NULL (note))",
                new StringReader("1,,\"\"\n2,\"\",\n"));
        assertThat(rows()).containsExactly("1||null", "2||null");
    }

    @Test
    void forceOptions_wrongModeDirectionOrColumn_asPostgreSql() {
        assertState(() -> copyOut("COPY t TO STDOUT (FORCE_QUOTE *)"), SqlState.FEATURE_NOT_SUPPORTED,
                "COPY force quote available only in CSV mode");
        assertState(() -> s.copyIn("COPY t FROM STDIN (FORMAT csv, FORCE_QUOTE *)", new StringReader("")),
                SqlState.FEATURE_NOT_SUPPORTED, "COPY force quote only available using COPY TO");
        assertState(() -> copyOut("COPY t TO STDOUT (FORMAT csv, FORCE_NULL (note))"), SqlState.FEATURE_NOT_SUPPORTED,
                "COPY force null only available using COPY FROM");
        assertState(() -> copyOut("COPY t (id) TO STDOUT (FORMAT csv, FORCE_QUOTE (name))"),
                SqlState.INVALID_COLUMN_REFERENCE, "FORCE_QUOTE column \"name\" not referenced by COPY");
        assertState(() -> copyOut("COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE (nope))"), SqlState.UNDEFINED_COLUMN,
                "column \"nope\"");
    }

    @Test
    void copyFromWhere_insertsOnlyMatchingRowsAndCountsThem() {
        long n = s.copyIn("COPY t (id, name) FROM STDIN WHERE id % 2 = 0 AND name <> 'skip'",
                new StringReader("1\ta\n2\tb\n3\tc\n4\tskip\n6\tf\n"));
        assertThat(n).isEqualTo(2);
        assertThat(rows()).containsExactly("2|b|null", "6|f|null");
        assertState(() -> copyOut("COPY t TO STDOUT WHERE id > 1"), SqlState.SYNTAX_ERROR,
                "WHERE clause not allowed with COPY TO");
    }

    @Test
    void binaryFormat_describedAndRunThroughTheRowForms() {
        CopyDescription in = s.prepare("COPY t (id, name) FROM STDIN (FORMAT binary)").copy();
        assertThat(in.binary()).isTrue();
        assertThat(in.types()).containsExactly(SqlType.INTEGER, SqlType.TEXT);
        Iterator<Object[]> source = List.of(new Object[] {1, "a"}, new Object[] {2, null}).iterator();
        assertThat(s.copyInRows("COPY t (id, name) FROM STDIN (FORMAT binary)", source)).isEqualTo(2);
        List<Object> seen = new ArrayList<>();
        assertThat(s.copyOutRows("COPY t (name, id) TO STDOUT (FORMAT binary)", r -> seen.add(r.get(0) + "/" + r.get(1))))
                .isEqualTo(2);
        assertThat(seen).containsExactly("a/1", "null/2");
        assertState(() -> copyOut("COPY t TO STDOUT (FORMAT binary)"), SqlState.FEATURE_NOT_SUPPORTED, "copyOutRows");
        assertState(() -> copyOut("COPY t TO STDOUT (FORMAT binary, NULL 'x')"), SqlState.SYNTAX_ERROR,
                "cannot specify NULL in BINARY mode");
        assertState(() -> s.copyInRows("COPY t (id, name) FROM STDIN (FORMAT binary)",
                List.<Object[]>of(new Object[] {3}).iterator()), SqlState.BAD_COPY_FILE_FORMAT,
                "row field count is 1, expected 2");
    }
}
