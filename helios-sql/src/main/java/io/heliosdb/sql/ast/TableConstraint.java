package io.heliosdb.sql.ast;

import io.heliosdb.sql.schema.ConstraintDef;
import java.util.List;

/** A constraint written in CREATE TABLE (column or table level) or ALTER TABLE ADD; name null when not given. */
public sealed interface TableConstraint {

    String name();

    record PrimaryKey(String name, List<String> columns) implements TableConstraint {
    }

    record Unique(String name, List<String> columns) implements TableConstraint {
    }

    /** @param column the column a column-level CHECK was written on (it names the constraint), else null */
    record Check(String name, Expr expr, String text, String column) implements TableConstraint {
    }

    /** @param refColumns empty: the referenced table's primary key */
    record ForeignKey(String name, List<String> columns, TableName refTable, List<String> refColumns,
                      ConstraintDef.Action onDelete, ConstraintDef.Action onUpdate) implements TableConstraint {
    }
}
