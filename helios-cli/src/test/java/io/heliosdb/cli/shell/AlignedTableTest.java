package io.heliosdb.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected strings are psql 15's aligned output for the same results. */
class AlignedTableTest {

    @Test
    void render_singleNumber_matchesPsql() {
        AlignedTable t = new AlignedTable(null, List.of("?column?"), new boolean[] {true});
        t.addRow(new String[] {"2"});
        assertThat(t.render()).isEqualTo("""
                 ?column?\s
                ----------
                        2
                (1 row)

                """);
    }

    @Test
    void render_numberAndText_centersHeadersAndAlignsValues() {
        AlignedTable t = new AlignedTable(null, List.of("id", "name"), new boolean[] {true, false});
        t.addRow(new String[] {"1", "a"});
        t.addRow(new String[] {"10", "hello"});
        assertThat(t.render()).isEqualTo("""
                 id | name \s
                ----+-------
                  1 | a
                 10 | hello
                (2 rows)

                """);
    }

    @Test
    void render_noRows_printsHeaderAndZeroFooter() {
        AlignedTable t = new AlignedTable(null, List.of("id", "name"), new boolean[] {true, false});
        assertThat(t.render()).isEqualTo("""
                 id | name\s
                ----+------
                (0 rows)

                """);
    }

    @Test
    void render_nullValues_printAsNothing() {
        AlignedTable t = new AlignedTable(null, List.of("a", "b"), new boolean[] {false, false});
        t.addRow(new String[] {null, null});
        t.addRow(new String[] {"x", "y"});
        assertThat(t.render()).isEqualTo("""
                 a | b\s
                ---+---
                   |\s
                 x | y
                (2 rows)

                """);
    }

    @Test
    void render_multiLineValue_continuesWithPlus() {
        AlignedTable t = new AlignedTable(null, List.of("x", "y"), new boolean[] {false, true});
        t.addRow(new String[] {"a\nb", "1"});
        assertThat(t.render()).isEqualTo("""
                 x | y\s
                ---+---
                 a+| 1
                 b |\s
                (1 row)

                """);
    }

    @Test
    void render_multiLineLastColumn_padsBeforePlus() {
        AlignedTable t = new AlignedTable(null, List.of("id", "body"), new boolean[] {true, false});
        t.addRow(new String[] {"1", "ab\nc"});
        assertThat(t.render()).isEqualTo("""
                 id | body\s
                ----+------
                  1 | ab  +
                    | c
                (1 row)

                """);
    }

    @Test
    void render_title_isCenteredOverTable() {
        AlignedTable t = new AlignedTable("List of relations", List.of("Schema", "Name", "Type"), new boolean[3]);
        t.addRow(new String[] {"public", "t", "table"});
        assertThat(t.render()).isEqualTo("""
                   List of relations
                 Schema | Name | Type \s
                --------+------+-------
                 public | t    | table
                (1 row)

                """);
    }

    @Test
    void render_wideCharacters_countTwoColumns() {
        AlignedTable t = new AlignedTable(null, List.of("n"), new boolean[] {false});
        t.addRow(new String[] {"日本"});
        t.addRow(new String[] {"ab"});
        assertThat(t.render()).isEqualTo("""
                  n  \s
                ------
                 日本
                 ab
                (2 rows)

                """);
    }

    @Test
    void addRow_wrongWidth_isRejected() {
        AlignedTable t = new AlignedTable(null, List.of("a"), new boolean[] {false});
        assertThatThrownBy(() -> t.addRow(new String[] {"1", "2"})).isInstanceOf(IllegalArgumentException.class);
    }
}
