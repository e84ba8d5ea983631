package io.heliosdb.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementScannerTest {

    private static List<String> scan(StatementScanner s, String... lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.addAll(s.addLine(line));
        }
        return out;
    }

    @Test
    void addLine_severalStatementsOnOneLine_splitsAtSemicolons() {
        assertThat(scan(new StatementScanner(), "create table t(id int); insert into t values (1);select 1;"))
                .containsExactly("create table t(id int)", "insert into t values (1)", "select 1");
    }

    @Test
    void addLine_statementOverLines_completesAtSemicolon() {
        StatementScanner s = new StatementScanner();
        assertThat(s.addLine("select 1,")).isEmpty();
        assertThat(s.hasPendingStatement()).isTrue();
        assertThat(s.addLine("  2;")).containsExactly("select 1,\n  2");
        assertThat(s.hasPendingStatement()).isFalse();
    }

    @Test
    void addLine_semicolonsInQuotesAndComments_doNotEndStatement() {
        List<String> got = scan(new StatementScanner(),
                "select 'a;b', \"c;d\" -- e;f", "/* g; /* nested; */ h; */ from t;");
        assertThat(got).containsExactly("select 'a;b', \"c;d\" -- e;f\n/* g; /* nested; */ h; */ from t");
    }

    @Test
    void addLine_doubledQuoteAndEscapeString_stayInsideString() {
        assertThat(scan(new StatementScanner(), "select 'it''s;', E'x\\';y';"))
                .containsExactly("select 'it''s;', E'x\\';y'");
    }

    @Test
    void addLine_dollarQuotes_protectSemicolons_butParametersAreNotQuotes() {
        assertThat(scan(new StatementScanner(), "select $$a;b$$, $tag$c;$$;d$tag$;", "select $1;"))
                .containsExactly("select $$a;b$$, $tag$c;$$;d$tag$", "select $1");
    }

    @Test
    void addLine_semicolonInsideParentheses_doesNotEndStatement() {
        StatementScanner s = new StatementScanner();
        assertThat(s.addLine("select (1;")).isEmpty();
        assertThat(s.state()).isEqualTo(StatementScanner.State.PARENTHESIS);
    }

    @Test
    void addLine_emptyStatementsAndCommentOnlyText_areDropped() {
        StatementScanner s = new StatementScanner();
        assertThat(scan(s, ";;", "-- just a comment", ";")).isEmpty();
        assertThat(s.hasPendingStatement()).isFalse();
    }

    @Test
    void state_reportsOpenQuoteForThePrompt() {
        StatementScanner s = new StatementScanner();
        s.addLine("select 'abc");
        assertThat(s.state().promptChar()).isEqualTo('\'');
        s.addLine("def';");
        assertThat(s.state()).isEqualTo(StatementScanner.State.NORMAL);
    }

    @Test
    void pending_returnsUnterminatedText_andResetForgetsIt() {
        StatementScanner s = new StatementScanner();
        s.addLine("select 1; select");
        s.addLine("2");
        assertThat(s.pending()).isEqualTo("select\n2");
        s.reset();
        assertThat(s.pending()).isEmpty();
        assertThat(s.hasPendingStatement()).isFalse();
    }
}
