package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/** information_schema.columns for interval columns: interval_type from the field qualifier, as PostgreSQL 15. */
class InformationSchemaIntervalTest {

    @Test
    void intervalType_isTheQualifierInUpperCase_andNullWithoutOne() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table iv (a interval, b interval year to month, c interval day to second(3),"
                    + " d interval(4), e interval second(2), n int)");
            s.execute("create view ivv as select c, b from iv");
            assertThat(rows(s, "select column_name, interval_type, interval_precision, datetime_precision"
                    + " from information_schema.columns where table_name = 'iv' order by ordinal_position"))
                    .containsExactly("a|null|null|6", "b|YEAR TO MONTH|null|6", "c|DAY TO SECOND(3)|null|3",
                            "d|null|null|4", "e|SECOND(2)|null|2", "n|null|null|null");
            assertThat(rows(s, "select interval_type from information_schema.columns where table_name = 'ivv'"
                    + " order by ordinal_position")).containsExactly("DAY TO SECOND(3)", "YEAR TO MONTH");
        }
    }
}
