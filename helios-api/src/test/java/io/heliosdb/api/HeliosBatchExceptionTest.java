package io.heliosdb.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeliosBatchExceptionTest {

    @Test
    void batchException_keepsEverythingTheEntrysErrorSays_andNamesTheEntry() {
        HeliosException failure = new HeliosException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"t_pkey\"", "Key (id)=(5) already exists.",
                "a hint", 7, null, "t_pkey").withTable("t", "id").withContext("SQL function \"f\"");
        HeliosBatchException e = new HeliosBatchException(12, failure);
        assertThat(e.entry()).isEqualTo(12);
        assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        assertThat(e.getMessage()).isEqualTo(failure.getMessage());
        assertThat(e.detail()).isEqualTo("Key (id)=(5) already exists.");
        assertThat(e.hint()).isEqualTo("a hint");
        assertThat(e.position()).isEqualTo(7);
        assertThat(e.constraint()).isEqualTo("t_pkey");
        assertThat(e.table()).isEqualTo("t");
        assertThat(e.column()).isEqualTo("id");
        assertThat(e.context()).isEqualTo("SQL function \"f\"\nbatch entry 12");
        assertThat(e.getCause()).isSameAs(failure);
        assertThat(new HeliosBatchException(0, new HeliosException(SqlState.INTERNAL_ERROR, "x")).context())
                .isEqualTo("batch entry 0");
    }

    @Test
    void countsBefore_areTheEarlierEntriesCounts_copiedBothWays() {
        long[] counts = {1, 0, 3};
        HeliosBatchException e = new HeliosBatchException(3, new HeliosException(SqlState.UNIQUE_VIOLATION, "dup"),
                counts);
        counts[0] = 9;
        assertThat(e.countsBefore()).containsExactly(1, 0, 3);
        e.countsBefore()[1] = 9;
        assertThat(e.countsBefore()).containsExactly(1, 0, 3);
        assertThat(new HeliosBatchException(0, new HeliosException(SqlState.INTERNAL_ERROR, "x")).countsBefore())
                .isNull();
    }
}
