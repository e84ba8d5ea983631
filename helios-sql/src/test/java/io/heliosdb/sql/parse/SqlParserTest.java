package io.heliosdb.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.ast.CreateTable;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.DropTable;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.ast.Insert;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetVariable;
import io.heliosdb.sql.ast.ShowVariable;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.TransactionStatement;
import io.heliosdb.sql.ast.Update;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlParserTest {

    private static Statement one(String sql) {
        List<ParsedStatement> parsed = SqlParser.parseScript(sql);
        assertThat(parsed).hasSize(1);
        return (Statement) parsed.get(0).ast();
    }

    private static HeliosException syntaxError(String sql) {
        try {
            SqlParser.parseScript(sql);
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("no error for " + sql);
    }

    @Test
    void parseScript_emptyOrOnlyCommentsAndSemicolons_givesNoStatements() {
        assertThat(SqlParser.parseScript("")).isEmpty();
        assertThat(SqlParser.parseScript("  ;; -- nothing\n /* here */ ;")).isEmpty();
    }

    @Test
    void parseScript_severalStatements_keepsEachTextAndOffset() {
        String text = "select 1;  insert into t values (2) ; select 3";
        List<ParsedStatement> parsed = SqlParser.parseScript(text);
        assertThat(parsed).extracting(ParsedStatement::sql)
                .containsExactly("select 1", "insert into t values (2)", "select 3");
        assertThat(parsed).extracting(ParsedStatement::offset).containsExactly(0, 11, 38);
        assertThat(parsed.get(1).ast()).isInstanceOf(Insert.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "select * form t            | syntax error at or near \"form\" | 10",
            "selec 1                    | syntax error at or near \"selec\" | 1",
            "select 1 +                 | syntax error at end of input | 11",
            "select 1; select 2 from    | syntax error at end of input | 24",
            "create table t (a int,)    | syntax error at or near \")\" | 23",
            "select 'abc                | unterminated quoted string at or near \"'abc\" | 8",
            "select a from t where      | syntax error at end of input | 22",
            "insert into t values (1 2) | syntax error at or near \"2\" | 25",
            "select # from t            | syntax error at or near \"#\" | 8",
            "update t set a = 1 wher    | syntax error at or near \"wher\" | 20",
    })
    void parseScript_syntaxError_isReportedWithPostgresMessageAndPosition(String sql, String message, int position) {
        HeliosException e = syntaxError(sql.strip());
        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.position()).isEqualTo(position);
    }

    @Test
    void identifiers_unquotedFoldToLowerCase_quotedKeepCase() {
        Select s = (Select) one("SELECT Abc, \"MiXed\", \"a\"\"b\" FROM \"Tab\"");
        assertThat(s.items()).extracting(i -> ((Expr.ColumnRef) ((SelectItem.ExprItem) i).expr()).column())
                .containsExactly("abc", "MiXed", "a\"b");
        assertThat(((FromItem.Table) s.from().get(0)).table().name()).isEqualTo("Tab");
    }

    @Test
    void stringLiteral_doubledQuoteIsOneQuote() {
        Select s = (Select) one("select 'it''s'");
        assertThat(((SelectItem.ExprItem) s.items().get(0)).expr())
                .isEqualTo(new Expr.Literal(Expr.LiteralKind.STRING, "it's"));
    }

    @Test
    void createTable_columnsTypesConstraintsAndDefaultText() {
        CreateTable c = (CreateTable) one("create table if not exists t (id bigint primary key, "
                + "name varchar(20) not null default 'x' || 'y', price numeric(10, 2), d double precision, "
                + "ts timestamp without time zone, f float(10), primary key (id))");
        assertThat(c.ifNotExists()).isTrue();
        assertThat(c.columns()).extracting(col -> col.type().type())
                .containsExactly(SqlType.BIGINT, SqlType.VARCHAR, SqlType.NUMERIC, SqlType.DOUBLE, SqlType.TIMESTAMP, SqlType.REAL);
        assertThat(c.columns().get(0).primaryKey()).isTrue();
        assertThat(c.columns().get(0).notNull()).isTrue();
        assertThat(c.columns().get(1).notNull()).isTrue();
        assertThat(c.columns().get(1).defaultText()).isEqualTo("'x' || 'y'");
        assertThat(c.columns().get(1).type().typmod()).isEqualTo(24);
        assertThat(c.columns().get(2).type().typmod()).isEqualTo(((10 << 16) | 2) + 4);
        assertThat(c.primaryKey()).containsExactly("id");
        assertThat(c.tablePrimaryKeys()).isEqualTo(1);
    }

    @Test
    void everyStatementForm_parsesToItsRecord() {
        assertThat(one("drop table if exists a, public.b")).isEqualTo(new DropTable(List.of(
                new io.heliosdb.sql.ast.TableName("a", null, 21), new io.heliosdb.sql.ast.TableName("public.b", "b", 24)), true));
        assertThat(one("insert into t (a, b) values (1, default), (2, 3) returning *")).isInstanceOf(Insert.class);
        assertThat(one("insert into t select * from u")).isInstanceOfSatisfying(Insert.class, i -> assertThat(i.query()).isNotNull());
        assertThat(one("insert into t default values")).isInstanceOfSatisfying(Insert.class,
                i -> assertThat(i.rows()).containsExactly(List.of()));
        assertThat(one("update t x set a = 1, b = default where x.c > 2 returning a")).isInstanceOfSatisfying(Update.class,
                u -> assertThat(u.table().alias()).isEqualTo("x"));
        assertThat(one("delete from t where a = $1 returning a, b")).isInstanceOf(Delete.class);
        assertThat(one("BEGIN")).isEqualTo(new TransactionStatement(TransactionCommand.BEGIN));
        assertThat(one("begin work")).isEqualTo(new TransactionStatement(TransactionCommand.BEGIN));
        assertThat(one("start transaction")).isEqualTo(new TransactionStatement(TransactionCommand.BEGIN));
        assertThat(one("commit")).isEqualTo(new TransactionStatement(TransactionCommand.COMMIT));
        assertThat(one("end transaction")).isEqualTo(new TransactionStatement(TransactionCommand.COMMIT));
        assertThat(one("rollback")).isEqualTo(new TransactionStatement(TransactionCommand.ROLLBACK));
        assertThat(one("abort")).isEqualTo(new TransactionStatement(TransactionCommand.ROLLBACK));
        assertThat(one("set search_path = 'public'")).isEqualTo(new SetVariable("search_path", "public"));
        assertThat(one("set session DateStyle to ISO")).isEqualTo(new SetVariable("datestyle", "iso"));
        assertThat(one("set x = default")).isEqualTo(new SetVariable("x", null));
        assertThat(one("set time zone 'UTC'")).isEqualTo(new SetVariable("timezone", "UTC"));
        assertThat(one("show TimeZone")).isEqualTo(new ShowVariable("timezone"));
        assertThat(one("select distinct a from t join u on t.id = u.id left outer join v on true cross join w "
                + "where a > 1 group by a having count(*) > 1 order by a desc nulls last limit 10 offset 2"))
                .isInstanceOfSatisfying(Select.class, s -> {
                    assertThat(s.distinct()).isTrue();
                    assertThat(s.orderBy().get(0).nullsFirst()).isFalse();
                    assertThat(s.limit()).isEqualTo(new Expr.Literal(Expr.LiteralKind.INTEGER, "10"));
                    assertThat(s.from().get(0)).isInstanceOf(FromItem.Join.class);
                });
    }

    @Test
    void between_bindsTighterThanTheFollowingAnd() {
        Select s = (Select) one("select 1 from t where a between 1 and 2 and b");
        Expr.Binary and = (Expr.Binary) s.where();
        assertThat(and.op()).isEqualTo(Expr.BinaryOp.AND);
        assertThat(and.left()).isInstanceOf(Expr.Between.class);
        assertThat(and.right()).isInstanceOf(Expr.ColumnRef.class);
    }

    @Test
    void precedence_multiplicationBeforeAdditionBeforeComparisonBeforeNot() {
        Select s = (Select) one("select not 1 + 2 * 3 = 7");
        Expr.Unary not = (Expr.Unary) ((SelectItem.ExprItem) s.items().get(0)).expr();
        Expr.Binary eq = (Expr.Binary) not.operand();
        assertThat(eq.op()).isEqualTo(Expr.BinaryOp.EQ);
        Expr.Binary add = (Expr.Binary) eq.left();
        assertThat(add.op()).isEqualTo(Expr.BinaryOp.ADD);
        assertThat(((Expr.Binary) add.right()).op()).isEqualTo(Expr.BinaryOp.MULTIPLY);
    }

    @Test
    void negativeNumber_isOneLiteral_andCastBindsTighterThanMinus() {
        Select s = (Select) one("select -2147483648, -x::int");
        assertThat(((SelectItem.ExprItem) s.items().get(0)).expr())
                .isEqualTo(new Expr.Literal(Expr.LiteralKind.INTEGER, "-2147483648"));
        assertThat(((SelectItem.ExprItem) s.items().get(1)).expr()).isInstanceOf(Expr.Unary.class);
    }

    @Test
    void parameter_zeroIsRejected() {
        assertThatThrownBy(() -> SqlParser.parseScript("select $0"))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_PARAMETER));
    }

    @Test
    void unknownType_isLeftForTheCatalog_andQualifiedBuiltinIs42704() {
        // a name that is no built-in type may be a composite type: the analyzer resolves it (or reports 42704)
        Select s = (Select) one("select 1::money, 2::s.pt");
        Expr.Cast money = (Expr.Cast) ((SelectItem.ExprItem) s.items().get(0)).expr();
        Expr.Cast qualified = (Expr.Cast) ((SelectItem.ExprItem) s.items().get(1)).expr();
        assertThat(money.type().composite()).isEqualTo("money");
        assertThat(money.type().type()).isEqualTo(SqlType.RECORD);
        assertThat(qualified.type().composite()).isEqualTo("s.pt");
        assertThatThrownBy(() -> SqlParser.parseScript("select 1::pg_catalog.money"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
                    assertThat(e.getMessage()).isEqualTo("type \"pg_catalog.money\" does not exist");
                });
    }

    @Test
    void createType_keepsFieldsAndQualifiedName() {
        io.heliosdb.sql.ast.TypeStatement t = (io.heliosdb.sql.ast.TypeStatement) one(
                "create type s.pt as (x int, label varchar(5), inner_v other_t)");
        assertThat(t.kind()).isEqualTo(io.heliosdb.sql.ast.TypeStatement.Kind.CREATE);
        assertThat(t.names()).containsExactly("s.pt");
        assertThat(t.fields()).extracting(io.heliosdb.sql.ast.TypeStatement.Field::name)
                .containsExactly("x", "label", "inner_v");
        assertThat(t.fields().get(2).type().composite()).isEqualTo("other_t");
        io.heliosdb.sql.ast.TypeStatement drop = (io.heliosdb.sql.ast.TypeStatement) one(
                "drop type if exists a, b cascade");
        assertThat(drop.names()).containsExactly("a", "b");
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.cascade()).isTrue();
    }

    @Test
    void keywordsThatPostgresAllowsAsNames_workAsColumnNames() {
        Select s = (Select) one("select key, first, last, zone, values from t");
        assertThat(s.items()).hasSize(5);
    }

    @Test
    void parseExpression_readsStoredDefaultText() {
        assertThat(SqlParser.parseExpression("'a' || 'b'")).isInstanceOf(Expr.Binary.class);
    }
}
