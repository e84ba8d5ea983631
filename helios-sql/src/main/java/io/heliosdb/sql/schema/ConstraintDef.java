package io.heliosdb.sql.schema;

import java.util.List;

/**
 * A named table constraint as the catalog stores it (NOT NULL stays a column flag, as in PostgreSQL's
 * attnotnull). Column references are indexes into the table's columns.
 */
public sealed interface ConstraintDef {

    String name();

    /** What a foreign key does to referencing rows when the referenced row goes away or changes key. */
    enum Action { NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT }

    /** The name of the table's primary key (the key columns are {@link TableDef#primaryKey()}). */
    record PrimaryKey(String name) implements ConstraintDef {
    }

    /** UNIQUE, enforced by the unique index of the same name. */
    record Unique(String name, List<Integer> columns) implements ConstraintDef {
        public Unique {
            columns = List.copyOf(columns);
        }
    }

    /** CHECK: the expression as SQL text over the table's column names; NULL passes. */
    record Check(String name, String expression) implements ConstraintDef {
    }

    /** FOREIGN KEY (columns) REFERENCES refTable (refColumns); refColumns are the referenced table's. */
    record ForeignKey(String name, List<Integer> columns, String refTable, List<Integer> refColumns,
                      Action onDelete, Action onUpdate) implements ConstraintDef {
        public ForeignKey {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }
    }
}
