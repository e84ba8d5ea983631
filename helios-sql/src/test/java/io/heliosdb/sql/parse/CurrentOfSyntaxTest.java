package io.heliosdb.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.LockedQuery;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WHERE CURRENT OF in UPDATE/DELETE, and locking clauses in ANY/ALL and ARRAY subqueries. */
class CurrentOfSyntaxTest {

    private static Statement one(String sql) {
        List<ParsedStatement> parsed = SqlParser.parseScript(sql);
        assertThat(parsed).hasSize(1);
        return (Statement) parsed.get(0).ast();
    }

    @Test
    void whereCurrentOf_isTheCursorNotACondition() {
        Update u = (Update) one("UPDATE t SET a = 1 WHERE CURRENT OF \"My Cursor\" RETURNING a");
        assertThat(u.where()).isEqualTo(new Expr.CurrentOf("My Cursor", 25));
        Delete d = (Delete) one("delete from t where current of c");
        assertThat(d.where()).isInstanceOfSatisfying(Expr.CurrentOf.class, c -> assertThat(c.cursor()).isEqualTo("c"));
    }

    @Test
    void aColumnNamedCurrent_isStillACondition() {
        Update u = (Update) one("update t set a = 1 where current = 2");
        assertThat(u.where()).isInstanceOf(Expr.Binary.class);
    }

    @Test
    void lockingClauses_inAnyAllAndArraySubqueries() {
        Select s = (Select) one("select 1 = any (select a from t for update), 2 < all (select a from t for share nowait), "
                + "array(select a from t order by a for update skip locked)");
        Expr any = ((io.heliosdb.sql.ast.SelectItem.ExprItem) s.items().get(0)).expr();
        assertThat(any).isInstanceOfSatisfying(Expr.Quantified.class, q -> assertThat(q.query()).isInstanceOf(LockedQuery.class));
        Expr all = ((io.heliosdb.sql.ast.SelectItem.ExprItem) s.items().get(1)).expr();
        assertThat(all).isInstanceOfSatisfying(Expr.Quantified.class, q -> {
            assertThat(q.all()).isTrue();
            assertThat(q.query()).isInstanceOf(LockedQuery.class);
        });
        Expr array = ((io.heliosdb.sql.ast.SelectItem.ExprItem) s.items().get(2)).expr();
        // ARRAY(subquery) reads the subquery in FROM: the locked query sits there
        assertThat(array.toString()).contains("LockedQuery");
    }
}
