package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * information_schema's constraint and sequence views (issue 5's list): every expected row is what PostgreSQL 15.18
 * answered for the same schema (its catalog name replaced by ours; PostgreSQL's NOT NULL "CHECK" rows left out).
 */
class InformationSchemaConstraintsTest {
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s = db.session();
        s.execute("create table customers (id integer primary key, email text unique not null,"
                + " age integer check (age > 0))").close();
        s.execute("create table items (id integer primary key, name text, customer integer references customers(id)"
                + " on delete cascade)").close();
        s.execute("create sequence s1").close();
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        try (QueryResult r = s.execute(sql)) {
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < r.columns().size(); i++) {
                    values.add(String.valueOf(r.row().get(i)));
                }
                out.add(String.join("|", values));
            }
        }
        return out;
    }

    @Test
    void tableConstraints_listEveryKeyCheckAndForeignKey() {
        assertThat(rows("select constraint_schema, constraint_name, table_name, constraint_type, is_deferrable,"
                + " initially_deferred, enforced, nulls_distinct from information_schema.table_constraints"
                + " order by table_name, constraint_name")).containsExactly(
                "public|customers_age_check|customers|CHECK|NO|NO|YES|null",
                "public|customers_email_key|customers|UNIQUE|NO|NO|YES|YES",
                "public|customers_pkey|customers|PRIMARY KEY|NO|NO|YES|null",
                "public|items_customer_fkey|items|FOREIGN KEY|NO|NO|YES|null",
                "public|items_pkey|items|PRIMARY KEY|NO|NO|YES|null");
    }

    @Test
    void keyColumnUsage_namesForeignKeyColumnsWithTheirPlaceInTheReferencedKey() {
        assertThat(rows("select constraint_name, table_name, column_name, ordinal_position,"
                + " position_in_unique_constraint from information_schema.key_column_usage"
                + " order by table_name, constraint_name, ordinal_position")).containsExactly(
                "customers_email_key|customers|email|1|null",
                "customers_pkey|customers|id|1|null",
                "items_customer_fkey|items|customer|1|1",
                "items_pkey|items|id|1|null");
    }

    @Test
    void referentialConstraints_nameTheReferencedKeyAndTheRules() {
        assertThat(rows("select constraint_schema, constraint_name, unique_constraint_schema, unique_constraint_name,"
                + " match_option, update_rule, delete_rule from information_schema.referential_constraints"))
                .containsExactly("public|items_customer_fkey|public|customers_pkey|NONE|NO ACTION|CASCADE");
    }

    @Test
    void sequences_showTypeAndBoundsAsText() {
        assertThat(rows("select sequence_schema, sequence_name, data_type, numeric_precision, numeric_precision_radix,"
                + " numeric_scale, start_value, minimum_value, maximum_value, increment, cycle_option"
                + " from information_schema.sequences"))
                .containsExactly("public|s1|bigint|64|2|0|1|1|9223372036854775807|1|NO");
    }

    @Test
    void publicationTables_isPresentAndEmpty() {
        assertThat(rows("select pubname, schemaname, tablename, attnames, rowfilter from pg_publication_tables"))
                .isEmpty();
    }
}
