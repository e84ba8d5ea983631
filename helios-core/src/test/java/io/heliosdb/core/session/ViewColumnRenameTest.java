package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE ... RENAME COLUMN under views: they keep working and their definitions follow the new name. */
class ViewColumnRenameTest {

    @Test
    void renamedColumn_isFollowedByTheViewsText_andTheViewKeepsItsColumnNames() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (id int primary key, name text, note text)");
            s.execute("create table u (id int, name text)");
            s.execute("insert into t values (1, 'a', 'name'), (2, 'b', null)");
            s.execute("insert into u values (1, 'u1')");
            s.execute("create view v as select id, name, 'name' as word from t where name <> '' order by name");
            s.execute("create view j as select t.id, t.name, u.name as uname from t left join u on u.id = t.id");
            s.execute("create view a as select id as name, name as id from t");
            s.execute("alter table t rename column name to title");
            assertThat(rows(s, "select * from v")).containsExactly("1|a|name", "2|b|name");
            assertThat(rows(s, "select pg_get_viewdef('v')"))
                    .containsExactly(" select id, title AS name, 'name' as word from t where title <> '' order by title;");
            assertThat(rows(s, "select * from j order by id")).containsExactly("1|a|u1", "2|b|null");
            assertThat(rows(s, "select pg_get_viewdef('j')")).singleElement().asString()
                    .contains("t.title AS name").contains("u.name as uname");
            assertThat(rows(s, "select * from a order by name")).containsExactly("1|a", "2|b");
            assertThat(rows(s, "update v set name = 'c' where id = 2 returning *")).containsExactly("2|c|name");
        }
    }

    @Test
    void renameInsideATransaction_isUndoneWithIt_andSurvivesReopen(@TempDir Path dir) {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.persistent(dir.resolve("db"))); Session s = db.session()) {
            s.execute("create table t (id int primary key, name text)");
            s.execute("insert into t values (1, 'a')");
            s.execute("create view v as select id, name from t where name is not null");
            s.execute("begin");
            s.execute("alter table t rename column name to title");
            assertThat(rows(s, "select * from v")).containsExactly("1|a");
            s.execute("rollback");
            assertThat(rows(s, "select pg_get_viewdef('v')")).containsExactly(" select id, name from t where name is not null;");
            s.execute("alter table t rename column name to label");
        }
        try (HeliosDB db = HeliosDB.open(HeliosConfig.persistent(dir.resolve("db"))); Session s = db.session()) {
            assertThat(rows(s, "select name from v")).containsExactly("a");
            assertThat(rows(s, "select pg_get_viewdef('v')"))
                    .containsExactly(" select id, label AS name from t where label is not null;");
        }
    }
    @Test
    void subqueryReference_followsItsOwnTable_notAnEnclosingColumnOfTheOldName() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table o (id int primary key, code text)");
            s.execute("create table i (id int primary key, code text, o_id int)");
            s.execute("insert into o values (1, 'o1'), (2, 'o2')");
            s.execute("insert into i values (10, 'i10', 1), (20, 'i20', 2), (30, 'i30', 1)");
            s.execute("create view vs as select id, (select code from i where i.id = 20) as icode from o");
            s.execute("create view vm as select o.id, (select max(code) from i where o_id = o.id) as top from o");
            s.execute("alter table i rename column code to label");
            // Left alone, "code" would now read o.code without any error.
            assertThat(rows(s, "select * from vs order by id")).containsExactly("1|i20", "2|i20");
            assertThat(rows(s, "select * from vm order by id")).containsExactly("1|i30", "2|i20");
            assertThat(rows(s, "select pg_get_viewdef('vs')")).singleElement().asString()
                    .contains("(select label from i where i.id = 20)");
        }
    }

    @Test
    void columnNamedInUsing_isKeptUnderItsOldNameByAColumnAlias() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table a (id int, name text)");
            s.execute("create table b (id int, val text)");
            s.execute("insert into a values (1, 'a1'), (2, 'a2')");
            s.execute("insert into b values (1, 'b1'), (3, 'b3')");
            s.execute("create view vu as select id, name, val from a join b using (id)");
            s.execute("create view vn as select * from a natural full join b");
            s.execute("alter table a rename column id to a_id");
            assertThat(rows(s, "select * from vu")).containsExactly("1|a1|b1");
            assertThat(rows(s, "select pg_get_viewdef('vu')")).singleElement().asString().contains("from a AS a(id) join b");
            s.execute("alter table b rename column id to b_id");
            assertThat(rows(s, "select * from vu")).containsExactly("1|a1|b1");
            assertThat(rows(s, "select * from vn order by id")).containsExactly("1|a1|b1", "2|a2|null", "3|null|b3");
        }
    }
}
