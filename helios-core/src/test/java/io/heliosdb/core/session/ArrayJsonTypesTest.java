package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json, jsonb and one-dimensional arrays through the embedded API: storage, operators and functions. */
class ArrayJsonTypesTest {

    private static List<String> texts(QueryResult r) {
        List<String> out = new ArrayList<>();
        while (r.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.columns().size(); i++) {
                sb.append(i == 0 ? "" : "|").append(r.row().getText(i));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static String one(Session s, String sql) {
        return texts(s.execute(sql)).get(0);
    }

    @Test
    void jsonb_isNormalisedAndJsonKeptVerbatim() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create table d (id int primary key, j json, b jsonb)");
            s.execute("insert into d values (1, '{\"b\":1, \"a\" : [1,2]}', '{\"bb\":1, \"a\":[1, 2.50, \"x\"], \"bb\": 2, \"c\": null}')");
            assertThat(one(s, "select j, b from d"))
                    .isEqualTo("{\"b\":1, \"a\" : [1,2]}|{\"a\": [1, 2.50, \"x\"], \"c\": null, \"bb\": 2}");
            assertThat(one(s, "select b -> 'a', b ->> 'bb', b -> 'a' -> 2, b -> 'a' ->> 2, b #> '{a,1}', b #>> '{a,2}', j -> 'a' from d"))
                    // json -> keeps the part as written, as PostgreSQL does.
                    .isEqualTo("[1, 2.50, \"x\"]|2|\"x\"|x|2.50|x|[1,2]");
            assertThat(one(s, "select b ? 'c', b ?| '{x,c}', b ?& '{a,x}', b @> '{\"bb\":2}', '{\"a\":[1]}' <@ b from d"))
                    .isEqualTo("t|t|f|t|t");
        }
    }

    @Test
    void jsonbFunctions_buildAndEdit() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThat(one(s, "select jsonb_build_object('b', 1, 'a', 'x', 'c', null), jsonb_build_array(1, 'two', true), "
                    + "jsonb_typeof('[1]'), jsonb_array_length('[1,2,3]'), to_jsonb('a\"b'::text)"))
                    .isEqualTo("{\"a\": \"x\", \"b\": 1, \"c\": null}|[1, \"two\", true]|array|3|\"a\\\"b\"");
            assertThat(one(s, "select '{\"a\":1}'::jsonb || '{\"b\":2}', '{\"a\":1,\"b\":2}'::jsonb - 'a', '[1,2,3]'::jsonb - 0, "
                    + "jsonb_set('{\"a\":{\"b\":1}}', '{a,b}', '5'), jsonb_set('{\"a\":1}', '{c}', '[true]')"))
                    .isEqualTo("{\"a\": 1, \"b\": 2}|{\"b\": 2}|[2, 3]|{\"a\": {\"b\": 5}}|{\"a\": 1, \"c\": [true]}");
            assertThat(one(s, "select jsonb_pretty('{\"a\":[1,{\"b\":null}]}')"))
                    .isEqualTo("{\n    \"a\": [\n        1,\n        {\n            \"b\": null\n        }\n    ]\n}");
        }
    }

    @Test
    void badJson_is22P02() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThatThrownBy(() -> s.execute("select '{\"a\":}'::jsonb"))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
            assertThatThrownBy(() -> s.execute("select '[1,2'::json"))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
        }
    }

    @Test
    void arrays_storeAndQuery() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create table a (id int primary key, xs int[], ts text[])");
            s.execute("insert into a values (1, '{1,2,NULL}', '{\"a b\",c,\"\",\"NULL\"}'), (2, ARRAY[4,5], ARRAY['x'])");
            assertThat(texts(s.execute("select xs, ts, xs[1], xs[9], array_length(xs, 1), cardinality(ts) from a order by id")))
                    .containsExactly("{1,2,NULL}|{\"a b\",c,\"\",\"NULL\"}|1|null|3|4", "{4,5}|{x}|4|null|2|1");
            assertThat(texts(s.execute("select id from a where 5 = any(xs) order by id"))).containsExactly("2");
            assertThat(texts(s.execute("select id from a where 3 <> all(xs) order by id"))).containsExactly("2");
            assertThat(one(s, "select '{1,2}'::int[] @> '{2}', ARRAY[1,2] <@ ARRAY[1], ARRAY[1,2] && ARRAY[2,3], "
                    + "ARRAY[1,2] || 3, 0 || ARRAY[1], ARRAY[1] || ARRAY[2,3]"))
                    .isEqualTo("t|f|t|{1,2,3}|{0,1}|{1,2,3}");
            assertThat(one(s, "select array_append(ARRAY['a'], 'b'), array_prepend(1, ARRAY[2]), array_cat(ARRAY[1], ARRAY[2]), "
                    + "array_position(ARRAY['a','b'], 'b'), array_to_string(ARRAY[1,NULL,3], ',', '*'), string_to_array('a,b,,c', ',')"))
                    .isEqualTo("{a,b}|{1,2}|{1,2}|2|1,*,3|{a,b,\"\",c}");
            assertThat(one(s, "select ARRAY(select id from a order by id desc), array_agg(id order by id) from a"))
                    .isEqualTo("{2,1}|{1,2}");
        }
    }

    @Test
    void badArrayLiteral_is22P02() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThatThrownBy(() -> s.execute("select '{1,2'::int[]"))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
            assertThatThrownBy(() -> s.execute("select '{1,x}'::int[]"))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
        }
    }
}
