package io.heliosdb.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SltScriptParserTest {

    @Test
    void parse_crlfCommentsAndConditions() {
        String script = "hash-threshold 8\r\n\r\n"
                + "skipif mysql # not compatible\r\n"
                + "onlyif postgresql\r\n"
                + "query II rowsort label-7\r\n"
                + "SELECT a,\r\n"
                + "# a comment inside the record does not end it\r\n"
                + "  b FROM t\r\n"
                + "----\r\n"
                + "1\r\n"
                + "table t1 row 5\r\n"
                + "\r\n"
                + "statement error\r\n"
                + "DROP TABLE nope\r\n";
        List<SltRecord> records = SltScriptParser.parse("x.test", script);

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isEqualTo(new SltRecord.HashThreshold(1, List.of(), 8));
        SltRecord.Query q = (SltRecord.Query) records.get(1);
        assertThat(q.line()).isEqualTo(5);
        assertThat(q.conditions()).containsExactly(new SltRecord.Condition(true, "mysql"),
                new SltRecord.Condition(false, "postgresql"));
        assertThat(q.types()).isEqualTo("II");
        assertThat(q.sort()).isEqualTo(SltRecord.SortMode.ROWSORT);
        assertThat(q.label()).isEqualTo("label-7");
        assertThat(q.sql()).isEqualTo("SELECT a,\n  b FROM t");
        assertThat(q.expected()).containsExactly("1", "table t1 row 5");
        SltRecord.Statement s = (SltRecord.Statement) records.get(2);
        assertThat(s.expectError()).isTrue();
        assertThat(s.sql()).isEqualTo("DROP TABLE nope");
    }

    @Test
    void parse_emptyResultAndDefaultSort() {
        List<SltRecord> records = SltScriptParser.parse("x.test", "query T\nSELECT 1 WHERE false\n----\n\nhalt\n");
        SltRecord.Query q = (SltRecord.Query) records.get(0);
        assertThat(q.sort()).isEqualTo(SltRecord.SortMode.NOSORT);
        assertThat(q.expected()).isEmpty();
        assertThat(records.get(1)).isInstanceOf(SltRecord.Halt.class);
    }

    @Test
    void parse_unknownRecordKind_fails() {
        assertThatThrownBy(() -> SltScriptParser.parse("x.test", "\nfrobnicate\n"))
                .isInstanceOf(SltScriptParser.FormatException.class).hasMessageContaining("x.test:2");
    }

    @Test
    void skippedFor_matchesEngineNamesCaseInsensitively() {
        SltRecord skipPg = new SltRecord.Halt(1, List.of(new SltRecord.Condition(true, "PostgreSQL")));
        SltRecord onlyMysql = new SltRecord.Halt(1, List.of(new SltRecord.Condition(false, "mysql")));
        SltRecord skipMysql = new SltRecord.Halt(1, List.of(new SltRecord.Condition(true, "mysql")));
        assertThat(skipPg.skippedFor("postgresql")).isTrue();
        assertThat(onlyMysql.skippedFor("postgresql")).isTrue();
        assertThat(skipMysql.skippedFor("postgresql")).isFalse();
    }
}
