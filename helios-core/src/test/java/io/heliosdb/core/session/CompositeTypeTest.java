package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/**
 * Composite types (CREATE TYPE ... AS) through the kernel: transactional DDL, columns, casts, field selection,
 * ordering, DROP TYPE with dependents and the OID a result column is described with. The differential files
 * composite_types and composite_catalog check the same against PostgreSQL 15.
 */
class CompositeTypeTest {

    @Test
    void createType_rollsBackAndCommitsWithItsTransaction() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("begin");
            s.execute("create type gone as (a int)");
            assertThat(rows(s, "select '(1)'::gone")).containsExactly("(1)");
            s.execute("rollback");
            assertThat(failure(s, "select '(1)'::gone").sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
            s.execute("begin");
            s.execute("create type kept as (a int, b text)");
            s.execute("commit");
            try (Session other = db.session()) {
                assertThat(rows(other, "select ('(2,x)'::kept).b")).containsExactly("x");
            }
        }
    }

    @Test
    void column_normalizesInputText_andReadsFieldsAsTheirTypes() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create type money_t as (amount numeric(8,2), label varchar(5))");
            s.execute("create table acct (id int primary key, m money_t)");
            s.execute("insert into acct values (1, '( 1.5 ,\"a b\")'), (2, row(10, 'zz')), (3, null), (4, '(,)')");
            assertThat(rows(s, "select m from acct order by id"))
                    .containsExactly("(1.50,\"a b\")", "(10.00,zz)", "null", "(,)");
            assertThat(rows(s, "select (m).amount + 1, (m).label from acct where id = 1")).containsExactly("2.50|a b");
            // ordered field by field as numbers, NULL fields after values, the NULL value last
            assertThat(rows(s, "select id from acct order by m")).containsExactly("1", "2", "4", "3");
            assertThat(rows(s, "select id from acct where m is null order by id")).containsExactly("3", "4");
            assertThat(failure(s, "insert into acct values (5, '(x,1)')").sqlState())
                    .isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
            assertThat(failure(s, "insert into acct values (5, '(1,toolong)')").sqlState())
                    .isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION);
            // the text is read when the row is, so the error comes with the rows
            HeliosException malformed = failure(() -> rows(s, "select '(1,a) junk'::money_t"));
            assertThat(malformed.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
            assertThat(malformed.detail()).isEqualTo("Junk after right parenthesis.");
        }
    }

    @Test
    void resultColumn_isDescribedWithTheTypeOid_andPgTypeofNamesIt() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create type pair as (a int, b int)");
            int oid = Integer.parseInt(rows(s, "select oid from pg_type where typname = 'pair'").get(0));
            try (QueryResult r = s.execute("select '(1,2)'::pair")) {
                assertThat(r.columns().get(0).pgTypeOid()).isEqualTo(oid);
                assertThat(r.columns().get(0).name()).isEqualTo("pair");
            }
            assertThat(rows(s, "select pg_typeof('(1,2)'::pair), format_type(" + oid + ", null)"))
                    .containsExactly("pair|pair");
        }
    }

    @Test
    void dropType_refusesWhileUsed_andCascadeDropsTheColumn() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create type pt as (x int)");
            s.execute("create table holder (id int, p pt)");
            HeliosException used = failure(s, "drop type pt");
            assertThat(used.sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
            assertThat(used.detail()).isEqualTo("column p of table holder depends on type pt");
            s.execute("alter type pt rename to pt2");
            s.execute("insert into holder values (1, '(5)')");
            assertThat(rows(s, "select pg_typeof(p), (p).x from holder")).containsExactly("pt2|5");
            s.execute("drop type pt2 cascade");
            assertThat(rows(s, "select * from holder")).containsExactly("1");
            assertThat(failure(s, "drop type pt2").sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
        }
    }
}
