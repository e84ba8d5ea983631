package io.heliosdb.sql.exec;

import java.util.ArrayList;
import java.util.List;

/** Reads a source to the end (sorting, joins, DML targets), closing it. */
final class Materialize {

    private Materialize() {
    }

    static List<Object[]> all(RowSource source) {
        try (source) {
            List<Object[]> rows = new ArrayList<>();
            while (source.next()) {
                rows.add(source.row());
            }
            return rows;
        }
    }
}
